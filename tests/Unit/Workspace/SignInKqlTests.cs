using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.Workspace;
using Xunit;

namespace EntraStrongAuth.Tests.Workspace;

public sealed class SignInKqlTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Columns = { "CreatedDateTime", "Id", "UserPrincipalName", "ResultType", "ConditionalAccessPolicies", "DeviceDetail", "Type" };

    internal static WorkspaceSignInTable Interactive { get; } = Table("SigninLogs", SignInEventType.Interactive, ("TimeGenerated", "datetime"), ("CreatedDateTime", "datetime"), ("Id", "string"), ("UserPrincipalName", "string"), ("UserId", "string"), ("AppId", "string"), ("CorrelationId", "string"), ("ResultType", "string"), ("ConditionalAccessPolicies", "dynamic"), ("DeviceDetail", "dynamic"), ("Type", "string"));

    internal static WorkspaceSignInTable NonInteractive { get; } = Table("AADNonInteractiveUserSignInLogs", SignInEventType.NonInteractive, ("TimeGenerated", "datetime"), ("CreatedDateTime", "datetime"), ("Id", "string"), ("UserPrincipalName", "string"), ("UserId", "string"), ("AppId", "string"), ("CorrelationId", "string"), ("ResultType", "string"), ("ConditionalAccessPolicies", "string"), ("DeviceDetail", "string"), ("Type", "string"));

    internal static WorkspaceSignInTable ServicePrincipal { get; } = Table("AADServicePrincipalSignInLogs", SignInEventType.ServicePrincipal, ("TimeGenerated", "datetime"), ("Id", "string"), ("AppId", "string"), ("ServicePrincipalId", "string"), ("ResultType", "string"), ("ConditionalAccessPolicies", "string"), ("Type", "string"));

    [Fact]
    public void Pushes_every_filter_into_each_leg_and_projects_typed_columns_as_text()
    {
        var query = new SignInQuery(Start, End) { ErrorCodes = new[] { 50076, 50074 }, UserPrincipalNames = new[] { "ann@contoso.com" }, AppIds = new[] { "04b07795-8ddb-461a-bbee-02f9e1bf7b46" } };

        var kql = SignInKql.Page(query, new[] { Interactive, NonInteractive }, Columns, Start, End, null, 500)!;

        Assert.StartsWith("union\n    (SigninLogs\n", kql, StringComparison.Ordinal);
        Assert.Contains(",\n    (AADNonInteractiveUserSignInLogs\n", kql, StringComparison.Ordinal);
        Assert.Equal(2, Count(kql, "| where ResultType in (\"50076\", \"50074\")"));
        Assert.Equal(2, Count(kql, "| where UserPrincipalName in~ (dynamic([\"ann@contoso.com\"]))"));
        Assert.Equal(2, Count(kql, "| where AppId in~ (dynamic([\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\"]))"));
        Assert.Equal(2, Count(kql, "| where CreatedDateTime >= datetime(2026-11-01T00:00:00.0000000Z) and CreatedDateTime < datetime(2026-12-01T00:00:00.0000000Z)"));
        Assert.Equal(2, Count(kql, "| where TimeGenerated >= datetime(2026-10-31T23:00:00.0000000Z) and TimeGenerated < datetime(2026-12-02T00:00:00.0000000Z)"));

        // Dynamic in SigninLogs, text in the other: one type after the union, in both legs.
        // JSON columns come back as compact text in both legs, whatever each table types them (and however it indents them).
        Assert.Equal(2, Count(kql, "ConditionalAccessPolicies = tostring(todynamic(ConditionalAccessPolicies)), DeviceDetail = tostring(todynamic(DeviceDetail))"));
        Assert.EndsWith("| sort by CreatedDateTime desc, Id desc\n| take 500", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void Continues_strictly_after_the_last_row_of_the_previous_page()
    {
        var after = new SignInKeyset(new DateTimeOffset(2026, 11, 20, 8, 30, 15, TimeSpan.Zero).AddTicks(1234567), "7f3c");

        var kql = SignInKql.Page(new SignInQuery(Start, End), new[] { Interactive }, Columns, Start, End, after, 10)!;

        Assert.Contains("| where CreatedDateTime < datetime(2026-11-20T08:30:15.1234567Z) or (CreatedDateTime == datetime(2026-11-20T08:30:15.1234567Z) and strcmp(Id, \"7f3c\") < 0)", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_names_stay_inside_their_string_literal()
    {
        var query = new SignInQuery(Start, End) { UserPrincipalNames = new[] { "x\") | union SecurityEvent | where (\"1\"==\"1", "back\\slash@contoso.com" } };

        var kql = SignInKql.Page(query, new[] { Interactive }, Columns, Start, End, null, 10)!;

        Assert.Contains("dynamic([\"x\\\") | union SecurityEvent | where (\\\"1\\\"==\\\"1\",\"back\\\\slash@contoso.com\"])", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void Workload_tables_use_TimeGenerated_as_the_sign_in_time_and_drop_out_of_user_filters()
    {
        var all = new SignInQuery(Start, End) { EventTypes = new[] { SignInEventType.NonInteractive, SignInEventType.ServicePrincipal }, AppIds = new[] { "app" } };
        var kql = SignInKql.Page(all, new[] { NonInteractive, ServicePrincipal }, Columns, Start, End, new SignInKeyset(End.AddDays(-1), "z"), 10)!;
        Assert.Contains("(AADServicePrincipalSignInLogs\n    | where TimeGenerated >= ", kql, StringComparison.Ordinal);
        Assert.Contains("| where TimeGenerated < datetime(2026-12-01T00:00:00.0000000Z)", kql, StringComparison.Ordinal);
        Assert.Contains("| where TimeGenerated < datetime(2026-11-30T00:00:00.0000000Z) or (TimeGenerated == datetime(2026-11-30T00:00:00.0000000Z) and strcmp(Id, \"z\") < 0)", kql, StringComparison.Ordinal);
        Assert.Contains(", CreatedDateTime = TimeGenerated)", kql, StringComparison.Ordinal);

        // A user filter cannot match a service principal's sign-in: its leg is left out, as Graph's eq would find nothing.
        var users = new SignInQuery(Start, End) { EventTypes = all.EventTypes, UserPrincipalNames = new[] { "ann@contoso.com" } };
        var userKql = SignInKql.Page(users, new[] { NonInteractive, ServicePrincipal }, Columns, Start, End, null, 10)!;
        Assert.DoesNotContain("AADServicePrincipalSignInLogs", userKql, StringComparison.Ordinal);
        Assert.Null(SignInKql.Page(users, new[] { ServicePrincipal }, Columns, Start, End, null, 10));
        Assert.Null(SignInKql.Page(new SignInQuery(Start, End) { EventTypes = new[] { SignInEventType.ManagedIdentity } }, new[] { Interactive }, Columns, Start, End, null, 10));
    }

    [Fact]
    public void Per_user_ranges_become_one_or_ed_clause_with_each_user_in_its_own_range()
    {
        var query = new SignInQuery(Start, End)
        {
            ErrorCodes = new[] { 0 },
            UserWindows = new[] { new UserWindow("ann@contoso.com", Start, Start.AddMinutes(20)), new UserWindow("o'brien@contoso.com", End.AddHours(-1), End) },
        };

        var kql = SignInKql.Page(query, new[] { Interactive, ServicePrincipal }, Columns, Start, End, null, 10)!;

        Assert.Contains("| where UserPrincipalName in~ (dynamic([\"ann@contoso.com\",\"o'brien@contoso.com\"]))\n    | where (UserPrincipalName =~", kql, StringComparison.Ordinal);
        Assert.Contains(
            "| where (UserPrincipalName =~ \"ann@contoso.com\" and CreatedDateTime >= datetime(2026-11-01T00:00:00.0000000Z) and CreatedDateTime < datetime(2026-11-01T00:20:00.0000000Z))\n"
            + "        or (UserPrincipalName =~ \"o'brien@contoso.com\" and CreatedDateTime >= datetime(2026-11-30T23:00:00.0000000Z) and CreatedDateTime < datetime(2026-12-01T00:00:00.0000000Z))",
            kql,
            StringComparison.Ordinal);
        Assert.DoesNotContain("AADServicePrincipalSignInLogs", kql, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SignInFilterBuilder.Build(query, SignInEventType.Interactive, Start, End, false));
    }

    [Fact]
    public void Lean_columns_are_what_linking_reads_and_whole_columns_include_them()
    {
        Assert.Contains("CorrelationId", WorkspaceColumns.Lean);
        Assert.Contains("AuthenticationDetails", WorkspaceColumns.Lean);
        Assert.Contains("Status", WorkspaceColumns.Lean);
        Assert.Contains("MfaDetail", WorkspaceColumns.Lean);
        Assert.DoesNotContain("UserAgent", WorkspaceColumns.Lean);
        Assert.DoesNotContain("ConditionalAccessPolicies", WorkspaceColumns.Lean);
        Assert.Contains("UserAgent", WorkspaceColumns.Whole);
        Assert.Contains("ConditionalAccessPolicies", WorkspaceColumns.Whole);
        Assert.Empty(WorkspaceColumns.Lean.Except(WorkspaceColumns.Whole));
        Assert.Equal("SigninLogs | getschema | project ColumnName, ColumnType", SignInKql.Schema("SigninLogs"));
        Assert.Throws<ArgumentException>(() => SignInKql.Schema("SigninLogs | take 1"));
    }

    private static WorkspaceSignInTable Table(string name, SignInEventType type, params (string Name, string Type)[] columns) =>
        new(name, type, columns.Select(c => new KeyValuePair<string, string>(c.Name, c.Type)));

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
