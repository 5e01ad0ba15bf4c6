using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Headless;
using EntraStrongAuth.Tests.Application;
using Xunit;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>Find-HeadlessUserSignIn's search over a workspace: which filters reach the KQL and which are applied to the accounts that come back.</summary>
public sealed class WorkspaceHeadlessSearchTests
{
    private static readonly DateTimeOffset End = HeadlessSignIns.Start.AddDays(2);

    [Fact]
    public async Task Exact_names_go_into_the_query_and_wildcard_patterns_select_the_accounts_that_come_back()
    {
        var (exactQueries, exact) = await Search(new[] { "svc-job@contoso.com" });
        var (patternQueries, pattern) = await Search(new[] { "svc-*" });

        Assert.Contains("| where UserPrincipalName in~ (dynamic([\"svc-job@contoso.com\"]))", exactQueries[0], StringComparison.Ordinal);
        Assert.DoesNotContain("UserPrincipalName in~", patternQueries[0], StringComparison.Ordinal);
        Assert.Equal(new[] { "svc-job@contoso.com" }, exact.Output.Cast<HeadlessFinding>().Select(f => f.User));
        Assert.Equal(new[] { "svc-job@contoso.com" }, pattern.Output.Cast<HeadlessFinding>().Select(f => f.User));
        Assert.Contains(pattern.Verbose, v => v.StartsWith("Scored 576 sign-ins", StringComparison.Ordinal));
        Assert.Contains(pattern.Verbose, v => v.Contains("(1 left out by the account filters)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exact_exclusions_and_guests_go_into_the_query()
    {
        var (queries, _) = await Search(null, new[] { "ana.lopez@contoso.com", "temp-*" }, excludeGuests: true);

        Assert.All(queries, q => Assert.Contains("| where UserPrincipalName !in~ (dynamic([\"ana.lopez@contoso.com\"]))", q, StringComparison.Ordinal));
        Assert.All(queries, q => Assert.Contains("UserType =~ \"guest\"", q, StringComparison.Ordinal));
        Assert.All(queries, q => Assert.Contains("CreatedDateTime < datetime(2026-11-04T00:00:00.0000000Z)", q, StringComparison.Ordinal));
    }

    private static async Task<(System.Collections.Generic.List<string> Queries, RecordingRunHost Host)> Search(string[]? names, string[]? exclude = null, bool excludeGuests = false)
    {
        // A 5-minute job for two days and a person's daily sign-in.
        var signIns = HeadlessSignIns.Every(TimeSpan.FromMinutes(5), 576).Select(t => HeadlessSignIns.Script(t))
            .Concat(new[] { HeadlessSignIns.Person(HeadlessSignIns.Start.AddHours(9)) })
            .ToList();
        var model = new HeadlessKqlModel(signIns);
        var host = new RecordingRunHost();
        var options = new HeadlessSearchOptions
        {
            Filter = new SignInFilterOptions { UserPrincipalNames = names, ExcludeUserPrincipalNames = exclude, ExcludeGuests = excludeGuests, Start = HeadlessSignIns.Start, End = End },
            MinimumScore = 0,
        };
        var search = new HeadlessSearch(options, host);

        await search.ReadWorkspaceAsync(() => new WorkspaceHeadlessSource(model, host), CancellationToken.None);
        await search.CompleteAsync();
        return (model.Queries, host);
    }
}
