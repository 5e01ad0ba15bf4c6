using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Failures;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class LiveFailureSourceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Successes_are_read_only_for_the_users_who_failed_within_the_link_window_and_all_come_newest_first()
    {
        var failure = new SignInEvent { Id = "f1", UserPrincipalName = "adele@contoso.com", AppId = "app", ErrorCode = 50076, CreatedDateTime = T0 };
        var resolved = new SignInEvent { Id = "s1", UserPrincipalName = "adele@contoso.com", AppId = "app", ErrorCode = 0, CreatedDateTime = T0.AddMinutes(3) };
        var tooLate = new SignInEvent { Id = "s2", UserPrincipalName = "adele@contoso.com", AppId = "app", ErrorCode = 0, CreatedDateTime = T0.AddHours(3) };
        var otherUser = new SignInEvent { Id = "s3", UserPrincipalName = "bob@contoso.com", AppId = "app", ErrorCode = 0, CreatedDateTime = T0.AddMinutes(1) };
        var reader = new FakeSignInQueryReader(failure, resolved, tooLate, otherUser);
        var host = new RecordingRunHost();
        var seen = new List<string?>();

        var query = new SignInQuery(T0.AddHours(-1), T0.AddHours(1)) { ErrorCodes = new[] { 50076 }, AppIds = new[] { "app" } };
        await new LiveFailureSource(reader, host).ReadAsync(query, TimeSpan.FromMinutes(10), s => { seen.Add(s.Id); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(new[] { "s1", "f1" }, seen);
        var successQuery = reader.Queries[1];
        Assert.Equal(new[] { "adele@contoso.com" }, successQuery.UserPrincipalNames);
        Assert.Equal(new[] { 0 }, successQuery.ErrorCodes);
        Assert.Equal(new[] { "app" }, successQuery.AppIds);
        Assert.Equal((T0.AddMinutes(-10), T0.AddMinutes(10)), (successQuery.Start, successQuery.End));
        Assert.Equal("1 failures of 1 users; reading their successes for linking.", Assert.Single(host.Verbose));
    }

    [Fact]
    public async Task A_source_with_per_user_ranges_reads_each_users_successes_only_around_that_users_failures()
    {
        // Both failures well before now, so no window is cut at the present.
        var B0 = T0.AddDays(-40);
        var early = new SignInEvent { Id = "f1", UserPrincipalName = "adele@contoso.com", AppId = "app", ErrorCode = 50076, CreatedDateTime = B0 };
        var late = new SignInEvent { Id = "f2", UserPrincipalName = "adele@contoso.com", AppId = "app", ErrorCode = 50076, CreatedDateTime = B0.AddDays(20) };
        var between = new SignInEvent { Id = "s-mid", UserPrincipalName = "adele@contoso.com", AppId = "app", ErrorCode = 0, CreatedDateTime = B0.AddDays(10) };
        var proofBefore = new SignInEvent { Id = "s-before", UserPrincipalName = "adele@contoso.com", AppId = "app", ErrorCode = 0, CreatedDateTime = B0.AddDays(20).AddMinutes(-4) };
        var resolves = new SignInEvent { Id = "s-after", UserPrincipalName = "adele@contoso.com", AppId = "app", ErrorCode = 0, CreatedDateTime = B0.AddMinutes(2) };
        var reader = new FakeSignInQueryReader(early, late, between, proofBefore, resolves) { SupportsUserWindows = true };
        var seen = new List<string?>();

        var query = new SignInQuery(B0.AddHours(-1), B0.AddDays(21)) { ErrorCodes = new[] { 50076 } };
        await new LiveFailureSource(reader, new RecordingRunHost()).ReadAsync(query, TimeSpan.FromMinutes(10), s => { seen.Add(s.Id); return Task.CompletedTask; }, CancellationToken.None);

        // Graph would read the 20 days between the failures; the windows leave the success in the middle unread.
        Assert.Equal(new[] { "f2", "s-before", "s-after", "f1" }, seen);
        var successQuery = reader.Queries[1];
        Assert.True(successQuery.LinkFieldsOnly);
        Assert.Equal(
            new[] { new UserWindow("adele@contoso.com", B0.AddMinutes(-10), B0.AddMinutes(10)), new UserWindow("adele@contoso.com", B0.AddDays(20).AddMinutes(-10), B0.AddDays(20).AddMinutes(10)) },
            successQuery.UserWindows);
    }

    [Fact]
    public void Windows_of_one_user_merge_where_they_overlap_and_stop_at_now()
    {
        var now = T0.AddMinutes(30);
        var windows = UserWindow.Around(new[] { ("b@contoso.com", T0), ("a@contoso.com", T0.AddMinutes(5)), ("A@contoso.com", T0), ("a@contoso.com", T0.AddMinutes(25)) }, TimeSpan.FromMinutes(10), now);

        Assert.Equal(
            new[] { new UserWindow("a@contoso.com", T0.AddMinutes(-10), now), new UserWindow("b@contoso.com", T0.AddMinutes(-10), T0.AddMinutes(10)) },
            windows);
    }

    [Fact]
    public async Task Without_failures_no_success_is_read()
    {
        var reader = new FakeSignInQueryReader();

        await new LiveFailureSource(reader, new RecordingRunHost()).ReadAsync(new SignInQuery(T0, T0.AddHours(1)), TimeSpan.FromMinutes(10), _ => Task.CompletedTask, CancellationToken.None);

        Assert.Single(reader.Queries);
    }

    [Fact]
    public void The_link_window_is_the_widest_of_the_analyzer_windows()
    {
        var options = new StrongAuthAnalyzerOptions { ResolutionWindow = TimeSpan.FromHours(2) };

        Assert.Equal(TimeSpan.FromHours(2), LiveFailureSource.LinkWindow(options));
        Assert.Equal(TimeSpan.FromHours(1), LiveFailureSource.LinkWindow(new StrongAuthAnalyzerOptions()));
    }
}
