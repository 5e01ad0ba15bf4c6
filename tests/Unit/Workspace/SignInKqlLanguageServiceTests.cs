using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.Workspace;
using EntraStrongAuth.Tests.Kql;
using Xunit;

namespace EntraStrongAuth.Tests.Workspace;

/// <summary>
/// The sign-in reads' KQL is real KQL, not only what the simulator accepts: every shape the reader sends (failures
/// with every filter, a continued page, the link columns around users' failures, the workload tables, the schema
/// probes) passes the official Kusto language service against the published schemas of the four tables, built here
/// the way the schema probe would find them in a workspace with exactly those columns.
/// </summary>
public sealed class SignInKqlLanguageServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_page_shape_passes_the_language_service()
    {
        var tables = WorkspaceSignInTable.Known.Select(k => Published(k.Name, k.EventType)).ToList();
        var users = tables.Where(t => t.EventType is SignInEventType.Interactive or SignInEventType.NonInteractive).ToList();
        var after = new SignInKeyset(End.AddDays(-2).AddTicks(3), "0f\"2");
        var failures = new SignInQuery(Start, End)
        {
            ErrorCodes = new[] { 50074, 50076, 50079 },
            UserPrincipalNames = new[] { "ann@contoso.com", "o\"neil@contoso.com" },
            UserIds = new[] { "5b1f" },
            AppIds = new[] { "04b07795-8ddb-461a-bbee-02f9e1bf7b46" },
            SignInIds = new[] { "id-1" },
            CorrelationIds = new[] { "c-1" },
        };
        var successes = new SignInQuery(Start, End)
        {
            ErrorCodes = new[] { 0 },
            LinkFieldsOnly = true,
            UserWindows = new[] { new UserWindow("ann@contoso.com", Start, Start.AddMinutes(20)), new UserWindow("bob@contoso.com", End.AddHours(-1), End) },
        };
        var workloads = new SignInQuery(Start, End)
        {
            EventTypes = new[] { SignInEventType.ServicePrincipal, SignInEventType.ManagedIdentity },
            ServicePrincipalIds = new[] { "sp-1" },
            AppIds = new[] { "app-1" },
        };
        var everything = new SignInQuery(Start, End) { EventTypes = WorkspaceSignInTable.Known.Select(k => k.EventType).ToArray() };

        var queries = new List<(string Name, string Kql)>
        {
            ("failures", SignInKql.Page(failures, users, WorkspaceColumns.Whole, Start, End, null, SignInKql.DefaultPageRows)!),
            ("failures-continued", SignInKql.Page(failures, users, WorkspaceColumns.Whole, Start, End, after, SignInKql.DefaultPageRows)!),
            ("successes-around-failures", SignInKql.Page(successes, users, WorkspaceColumns.Lean, Start, End, null, SignInKql.DefaultPageRows)!),
            ("workload-identities", SignInKql.Page(workloads, tables, WorkspaceColumns.Whole, Start, End, after, 100)!),
            ("all-four-tables", SignInKql.Page(everything, tables, WorkspaceColumns.Whole, Start, End, null, 100)!),
        };
        queries.AddRange(WorkspaceSignInTable.Known.Select(k => ("schema-" + k.Name, SignInKql.Schema(k.Name))));

        Assert.Contains("AADManagedIdentitySignInLogs", queries[3].Kql, StringComparison.Ordinal);
        KustoLanguageService.AssertNoErrors(queries);
    }

    [Fact]
    public void The_headless_aggregates_pass_the_language_service()
    {
        var examples = EntraStrongAuth.Core.Workspace.Headless.HeadlessKql.Examples().Select((kql, i) => ("headless-" + i, kql)).ToList();

        Assert.True(examples.Count >= 4);
        KustoLanguageService.AssertNoErrors(examples);
    }

    [Fact]
    public void The_check_would_catch_a_union_without_the_text_projection()
    {
        // What SignInKql prevents: Status is dynamic in one table and text in the other, so reading it after a plain union fails.
        var diagnostics = KustoLanguageService.Check("plain-union", "union SigninLogs, AADNonInteractiveUserSignInLogs | project Status");
        Assert.Contains(diagnostics, d => d.IsError);
    }

    /// <summary>A table as the schema probe would find it in a workspace holding exactly the published columns.</summary>
    private static WorkspaceSignInTable Published(string name, SignInEventType eventType)
    {
        var file = Path.Combine(RepositoryFolder.Root(), "tests", "KqlCheck", "schemas", name + ".columns.csv");
        var columns = File.ReadLines(file).Skip(1)
            .Select(line => line.Split(','))
            .Where(parts => parts.Length >= 2 && !parts[0].StartsWith('_'))
            .Select(parts => new KeyValuePair<string, string>(parts[0], parts[1]));
        return new WorkspaceSignInTable(name, eventType, columns);
    }
}
