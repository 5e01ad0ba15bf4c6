using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Diagnosis;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

/// <summary>
/// The Graph queries LiveDiagnosisSignIns sends, over a fake reader that filters as Graph would: one per request to
/// locate (ids, then the correlation as a fallback; or the user, the codes and the time), then the context (the
/// user's history, the app's silent interrupts, the interactive successes of at most 15 of those users).
/// </summary>
public class LiveDiagnosisSignInsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0.AddDays(2);
    private static readonly int[] StrongAuthCodes = { 50074, 50076 };

    private static SignInEvent Failure(string id, DateTimeOffset at, string user = "u1", string app = "app", bool interactive = true, int code = 50076, string? correlation = null) => new()
    {
        Id = id,
        CreatedDateTime = at,
        UserId = user,
        UserPrincipalName = user + "@contoso.com",
        AppId = app,
        ErrorCode = code,
        IsInteractive = interactive,
        CorrelationId = correlation ?? "c-" + id,
    };

    private static LiveDiagnosisSignIns Source(FakeSignInQueryReader reader) => new(reader, () => Now);

    [Fact]
    public async Task A_sign_in_id_is_looked_for_by_id_a_day_either_side_of_its_timestamp_whatever_code_it_failed_with()
    {
        var reader = new FakeSignInQueryReader(Failure("f1", T0));

        var found = await Source(reader).LocateAsync(new[] { new DiagnosisRequest { SignInId = "f1", CorrelationId = "c-f1", At = T0 } }, StrongAuthCodes, CancellationToken.None);

        Assert.Equal("f1", Assert.Single(found).Id);
        var query = Assert.Single(reader.Queries);
        Assert.Equal(new[] { "f1" }, query.SignInIds);
        Assert.Empty(query.CorrelationIds);
        Assert.Empty(query.UserPrincipalNames);
        // An id names one sign-in: a code filter would only hide one that failed with another code.
        Assert.Empty(query.ErrorCodes);
        Assert.Equal((T0.AddDays(-1), T0.AddDays(1)), (query.Start, query.End));
        Assert.Equal(new[] { SignInEventType.Interactive, SignInEventType.NonInteractive }, query.EventTypes);
    }

    [Fact]
    public async Task A_request_id_is_an_id_filter_over_the_30_days_Graph_keeps_when_no_time_is_given()
    {
        var reader = new FakeSignInQueryReader(Failure("r1", T0));

        await Source(reader).LocateAsync(new[] { new DiagnosisRequest { RequestId = "r1" } }, StrongAuthCodes, CancellationToken.None);

        var query = Assert.Single(reader.Queries);
        Assert.Equal(new[] { "r1" }, query.SignInIds);
        Assert.Equal((Now.AddDays(-30), Now), (query.Start, query.End));
    }

    [Fact]
    public async Task A_Trace_ID_that_is_not_a_sign_in_id_falls_back_to_the_correlation_id()
    {
        var reader = new FakeSignInQueryReader(Failure("logged", T0, correlation: "corr-1"));

        var found = await Source(reader).LocateAsync(new[] { new DiagnosisRequest { RequestId = "another-request-of-the-flow", CorrelationId = "corr-1", At = T0, ErrorCodes = new[] { 50076 } } }, StrongAuthCodes, CancellationToken.None);

        Assert.Equal("logged", Assert.Single(found).Id);
        Assert.Equal(2, reader.Queries.Count);
        Assert.Equal(new[] { "another-request-of-the-flow" }, reader.Queries[0].SignInIds);
        var fallback = reader.Queries[1];
        Assert.Empty(fallback.SignInIds);
        Assert.Equal(new[] { "corr-1" }, fallback.CorrelationIds);
        Assert.Equal(new[] { 50076 }, fallback.ErrorCodes);
    }

    [Fact]
    public async Task A_sign_in_id_that_is_found_needs_no_correlation_query()
    {
        var reader = new FakeSignInQueryReader(Failure("f1", T0, correlation: "corr-1"));

        await Source(reader).LocateAsync(new[] { new DiagnosisRequest { RequestId = "f1", CorrelationId = "corr-1" } }, StrongAuthCodes, CancellationToken.None);

        Assert.Single(reader.Queries);
    }

    [Fact]
    public async Task A_correlation_id_alone_is_a_correlationId_filter_over_30_days()
    {
        var reader = new FakeSignInQueryReader(Failure("f1", T0, correlation: "corr-1"));

        var found = await Source(reader).LocateAsync(new[] { new DiagnosisRequest { CorrelationId = "corr-1" } }, StrongAuthCodes, CancellationToken.None);

        Assert.Single(found);
        var query = Assert.Single(reader.Queries);
        Assert.Equal(new[] { "corr-1" }, query.CorrelationIds);
        Assert.Empty(query.SignInIds);
        Assert.Empty(query.UserPrincipalNames);
        Assert.Equal((Now.AddDays(-30), Now), (query.Start, query.End));
    }

    [Fact]
    public async Task A_user_and_time_is_a_UPN_filter_around_the_time_with_the_request_codes()
    {
        var reader = new FakeSignInQueryReader(Failure("f1", T0), Failure("f2", T0.AddHours(2)));
        var request = new DiagnosisRequest { UserPrincipalName = "u1@contoso.com", At = T0.AddMinutes(10), Around = TimeSpan.FromMinutes(20), ErrorCodes = new[] { 50076, 50079 } };

        var found = await Source(reader).LocateAsync(new[] { request }, StrongAuthCodes, CancellationToken.None);

        Assert.Equal("f1", Assert.Single(found).Id);
        var query = Assert.Single(reader.Queries);
        Assert.Equal(new[] { "u1@contoso.com" }, query.UserPrincipalNames);
        Assert.Empty(query.SignInIds);
        Assert.Empty(query.CorrelationIds);
        Assert.Equal(new[] { 50076, 50079 }, query.ErrorCodes);
        Assert.Equal((T0.AddMinutes(-10), T0.AddMinutes(30)), (query.Start, query.End));
    }

    [Fact]
    public async Task A_user_without_a_time_is_looked_for_in_the_last_day()
    {
        var reader = new FakeSignInQueryReader();

        await Source(reader).LocateAsync(new[] { new DiagnosisRequest { UserPrincipalName = "u1@contoso.com" } }, StrongAuthCodes, CancellationToken.None);

        var query = Assert.Single(reader.Queries);
        Assert.Equal((Now.AddDays(-1), Now), (query.Start, query.End));
        Assert.Equal(StrongAuthCodes, query.ErrorCodes);
    }

    [Fact]
    public async Task The_context_is_the_users_history_then_the_apps_silent_interrupts_then_the_interactive_successes_of_15_of_those_users()
    {
        var failure = Failure("f1", T0);
        var signIns = new List<SignInEvent> { failure };

        // 20 users interrupted silently in the app, the newest first; each later succeeded interactively.
        for (var i = 0; i < 20; i++)
        {
            signIns.Add(Failure("n" + i, T0.AddMinutes(-10 - i), user: "v" + i, interactive: false, code: 50074));
            signIns.Add(new SignInEvent { Id = "s" + i, CreatedDateTime = T0.AddMinutes(-5 - i), UserId = "v" + i, AppId = "app", ErrorCode = 0, IsInteractive = true });
        }

        var reader = new FakeSignInQueryReader(signIns.ToArray());
        var scope = new DiagnosisScope(new[] { failure }, TimeSpan.FromDays(7), TimeSpan.FromHours(1), StrongAuthCodes);

        var context = await Source(reader).ReadContextAsync(scope, CancellationToken.None);

        Assert.Equal(3, reader.Queries.Count);
        var user = reader.Queries[0];
        Assert.Equal(new[] { "u1" }, user.UserIds);
        Assert.Empty(user.ErrorCodes);
        Assert.Equal((T0.AddDays(-7), T0.AddHours(1)), (user.Start, user.End));

        var interrupts = reader.Queries[1];
        Assert.Equal(new[] { "app" }, interrupts.AppIds);
        Assert.Equal(StrongAuthCodes, interrupts.ErrorCodes);
        Assert.Equal(new[] { SignInEventType.NonInteractive }, interrupts.EventTypes);
        Assert.Empty(interrupts.UserIds);

        var successes = reader.Queries[2];
        Assert.Equal(new[] { "app" }, successes.AppIds);
        Assert.Equal(new[] { 0 }, successes.ErrorCodes);
        Assert.Equal(new[] { SignInEventType.Interactive }, successes.EventTypes);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => "v" + i), successes.UserIds);

        Assert.Equal(T0.AddDays(-7), context.DataStart);
        Assert.Equal(T0.AddHours(1), context.DataEnd);
        Assert.Equal(15, context.SignIns.Count(s => s.ErrorCode == 0));
        Assert.Equal(20, context.SignIns.Count(s => s.ErrorCode == 50074));
    }

    [Fact]
    public async Task Without_silent_interrupts_no_success_is_read()
    {
        var failure = Failure("f1", T0);
        var reader = new FakeSignInQueryReader(failure);

        await Source(reader).ReadContextAsync(new DiagnosisScope(new[] { failure }, TimeSpan.FromDays(7), TimeSpan.FromHours(1), StrongAuthCodes), CancellationToken.None);

        Assert.Equal(2, reader.Queries.Count);
    }

    [Fact]
    public async Task A_record_without_a_user_is_followed_by_its_correlation()
    {
        var failure = new SignInEvent { Id = "f1", CreatedDateTime = T0, ErrorCode = 50076, CorrelationId = "corr-1" };
        var reader = new FakeSignInQueryReader(failure);

        await Source(reader).ReadContextAsync(new DiagnosisScope(new[] { failure }, TimeSpan.FromDays(7), TimeSpan.FromHours(1), StrongAuthCodes), CancellationToken.None);

        var query = Assert.Single(reader.Queries);
        Assert.Equal(new[] { "corr-1" }, query.CorrelationIds);
        Assert.Empty(query.UserIds);
    }

    [Fact]
    public async Task The_data_ends_now_when_the_failure_is_too_recent_for_its_whole_window()
    {
        var failure = Failure("f1", Now.AddMinutes(-3));
        var reader = new FakeSignInQueryReader(failure);

        var context = await Source(reader).ReadContextAsync(new DiagnosisScope(new[] { failure }, TimeSpan.FromDays(7), TimeSpan.FromHours(1), StrongAuthCodes), CancellationToken.None);

        Assert.Equal(Now, context.DataEnd);
        Assert.All(reader.Queries, q => Assert.Equal(Now, q.End));
    }

    [Fact]
    public async Task Several_failures_of_one_user_and_app_share_one_read_of_each_kind()
    {
        // A user and an hour can locate a dozen failures: their history and their app's recovery are read once, not per failure.
        var failures = Enumerable.Range(0, 10).Select(i => Failure("f" + i, T0.AddMinutes(5 * i))).ToArray();
        var interrupt = Failure("n1", T0.AddMinutes(-30), user: "v1", interactive: false, code: 50074);
        var reader = new FakeSignInQueryReader(failures.Append(interrupt).ToArray());

        var context = await Source(reader).ReadContextAsync(new DiagnosisScope(failures, TimeSpan.FromDays(7), TimeSpan.FromHours(1), StrongAuthCodes), CancellationToken.None);

        Assert.Equal(3, reader.Queries.Count);
        Assert.Equal((T0.AddDays(-7), T0.AddMinutes(45).AddHours(1)), (reader.Queries[0].Start, reader.Queries[0].End));
        Assert.Equal(11, context.SignIns.Count);
    }

    [Fact]
    public async Task Failures_of_one_user_days_apart_are_read_in_separate_windows()
    {
        // Merged only where the windows overlap: two failures 20 days apart do not read the 13 days between them.
        var early = Failure("f1", T0.AddDays(-20));
        var late = Failure("f2", T0);
        var reader = new FakeSignInQueryReader(early, late);

        await Source(reader).ReadContextAsync(new DiagnosisScope(new[] { late, early }, TimeSpan.FromDays(7), TimeSpan.FromHours(1), StrongAuthCodes), CancellationToken.None);

        var userReads = reader.Queries.Where(q => q.UserIds.Count > 0).Select(q => (q.Start, q.End)).OrderBy(s => s.Start).ToArray();
        Assert.Equal(new[] { (T0.AddDays(-27), T0.AddDays(-20).AddHours(1)), (T0.AddDays(-7), T0.AddHours(1)) }, userReads);
    }

    [Fact]
    public async Task Ids_and_values_with_a_quote_are_escaped_in_the_filter()
    {
        var reader = new FakeSignInQueryReader();
        var requests = new[]
        {
            new DiagnosisRequest { SignInId = "o'id", CorrelationId = "o'corr", At = T0 },
            new DiagnosisRequest { UserPrincipalName = "o'brien@contoso.com", At = T0 },
        };

        await Source(reader).LocateAsync(requests, StrongAuthCodes, CancellationToken.None);

        var filters = reader.Queries.Select(q => SignInFilterBuilder.Build(q, SignInEventType.Interactive, q.Start, q.End, false)).ToArray();
        Assert.Equal(3, filters.Length);
        Assert.Contains("id eq 'o''id'", filters[0], StringComparison.Ordinal);
        Assert.Contains("correlationId eq 'o''corr'", filters[1], StringComparison.Ordinal);
        Assert.Contains("userPrincipalName eq 'o''brien@contoso.com'", filters[2], StringComparison.Ordinal);
        Assert.All(filters, f => Assert.DoesNotContain("o'", f.Replace("o''", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_id_with_a_quote_is_escaped_in_the_context_filters()
    {
        var failure = Failure("f1", T0, user: "x'y", app: "a'pp");
        var interrupt = Failure("n1", T0.AddMinutes(-1), user: "x'y", app: "a'pp", interactive: false, code: 50074);
        var reader = new FakeSignInQueryReader(failure, interrupt);

        await Source(reader).ReadContextAsync(new DiagnosisScope(new[] { failure }, TimeSpan.FromDays(7), TimeSpan.FromHours(1), StrongAuthCodes), CancellationToken.None);

        var filters = reader.Queries.Select(q => SignInFilterBuilder.Build(q, q.EventTypes[0], q.Start, q.End, false)).ToArray();
        Assert.Equal(3, filters.Length);
        Assert.Contains("userId eq 'x''y'", filters[0], StringComparison.Ordinal);
        Assert.Contains("appId eq 'a''pp'", filters[1], StringComparison.Ordinal);
        Assert.Contains("userId eq 'x''y'", filters[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_count_what_the_reader_reports()
    {
        var reader = new FakeSignInQueryReader(Failure("f1", T0));
        var source = Source(reader);

        await source.LocateAsync(new[] { new DiagnosisRequest { SignInId = "f1" } }, StrongAuthCodes, CancellationToken.None);

        Assert.Equal(1, source.Requests);
    }
}
