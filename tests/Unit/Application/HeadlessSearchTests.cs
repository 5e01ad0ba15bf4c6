using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Headless;
using EntraStrongAuth.Engine.Application.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class HeadlessSearchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_end_before_the_start_is_refused_with_its_id()
    {
        var options = new HeadlessSearchOptions { Filter = new SignInFilterOptions { Start = T0, End = T0.AddHours(-1) } };

        var error = Assert.Throws<EntraStrongAuthException>(() => new HeadlessSearch(options, new RecordingRunHost()));

        Assert.Equal("InvalidTimeRange", error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public async Task Only_sign_ins_inside_the_window_and_the_filters_are_scored()
    {
        var host = new RecordingRunHost();
        var options = new HeadlessSearchOptions
        {
            Filter = new SignInFilterOptions { Start = T0, End = T0.AddDays(1), ExcludeUserPrincipalNames = new[] { "old-*" } },
            MinimumScore = 0,
        };
        var search = new HeadlessSearch(options, host);

        await search.ObserveAsync(new SignInEvent { UserPrincipalName = "svc@contoso.com", CreatedDateTime = T0.AddHours(1), ErrorCode = 0 });
        await search.ObserveAsync(new SignInEvent { UserPrincipalName = "svc@contoso.com", CreatedDateTime = T0.AddDays(1), ErrorCode = 0 });
        await search.ObserveAsync(new SignInEvent { UserPrincipalName = "svc@contoso.com", CreatedDateTime = T0.AddHours(-1), ErrorCode = 0 });
        await search.ObserveAsync(new SignInEvent { UserPrincipalName = "old-svc@contoso.com", CreatedDateTime = T0.AddHours(2), ErrorCode = 0 });
        await search.CompleteAsync();

        Assert.StartsWith("Scored 1 sign-ins: ", host.Verbose[0], StringComparison.Ordinal);
        Assert.Equal("1 sign-ins excluded by -ExcludeUserPrincipalName/-ExcludeGuest; they are not scored.", host.Verbose[1]);
    }

    [Fact]
    public async Task Live_named_accounts_skip_phase_one_and_are_read_in_batches_of_fifteen()
    {
        var names = Enumerable.Range(1, 16).Select(i => "svc" + i + "@contoso.com").ToArray();
        var readers = new List<(string Activity, FakeSignInQueryReader Reader)>();
        var host = new RecordingRunHost();
        var source = new LiveHeadlessSource(
            activity =>
            {
                var reader = new FakeSignInQueryReader(new SignInEvent { UserPrincipalName = "svc1@contoso.com", CreatedDateTime = T0.AddDays(-1) });
                readers.Add((activity, reader));
                return reader;
            },
            host);
        var search = new HeadlessSearch(new HeadlessSearchOptions { Filter = new SignInFilterOptions { UserPrincipalNames = names, End = T0 } }, host);

        await search.ReadLiveAsync(() => source, CancellationToken.None);

        var (activity, phase2) = Assert.Single(readers);
        Assert.Equal("Reading the candidates' sign-ins (phase 2 of 2)", activity);
        Assert.Equal(new[] { 15, 1 }, phase2.Queries.Select(q => q.UserPrincipalNames.Count));
        Assert.All(phase2.Queries, q => Assert.Equal((T0.AddDays(-7), T0), (q.Start, q.End)));
        Assert.Equal("Phase 1 skipped: -UserPrincipalName names the 16 accounts to read.", host.Verbose[0]);
    }

    [Fact]
    public async Task Live_patterns_find_candidates_first_and_set_excluded_ones_aside()
    {
        var readers = new List<FakeSignInQueryReader>();
        var host = new RecordingRunHost();
        var signIns = new[]
        {
            new SignInEvent { UserPrincipalName = "svc-build@contoso.com", CreatedDateTime = T0.AddDays(-1), ErrorCode = 50076 },
            new SignInEvent { UserPrincipalName = "svc-old@contoso.com", CreatedDateTime = T0.AddDays(-1), ErrorCode = 50076 },
            new SignInEvent { UserPrincipalName = "adele@contoso.com", CreatedDateTime = T0.AddDays(-1), ErrorCode = 50076 },
        };
        ISignInQueryReader ReaderFor(string activity)
        {
            var reader = new FakeSignInQueryReader(signIns);
            readers.Add(reader);
            return reader;
        }

        var filter = new SignInFilterOptions { UserPrincipalNames = new[] { "svc-*" }, ExcludeUserPrincipalNames = new[] { "svc-old*" }, End = T0 };
        var search = new HeadlessSearch(new HeadlessSearchOptions { Filter = filter }, host);

        await search.ReadLiveAsync(() => new LiveHeadlessSource(ReaderFor, host), CancellationToken.None);

        Assert.Equal(2, readers.Count);
        Assert.All(readers[0].Queries, q => Assert.NotNull(q.RawFilter));
        Assert.Equal(new[] { "svc-build@contoso.com" }, Assert.Single(readers[1].Queries).UserPrincipalNames);
    }
}
