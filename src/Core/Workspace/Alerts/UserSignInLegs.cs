using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>
/// The user sign-ins of both tables as one tabular expression, with the same columns and types from each table:
/// SigninLogs keeps Status, DeviceDetail and ConditionalAccessPolicies as dynamic, AADNonInteractiveUserSignInLogs as
/// JSON text, and a plain union would split each into Name_dynamic and Name_string. Every leg therefore projects
/// <c>todynamic()</c> of them (a no-op on a dynamic column) and reaches the columns only newer workspaces have through
/// <c>column_ifexists()</c>. <c>union isfuzzy=true</c> keeps the query running where one table is not collected.
/// </summary>
public static class UserSignInLegs
{
    /// <summary>The user sign-in tables, interactive first.</summary>
    public static IReadOnlyList<string> Tables { get; } = new[] { "SigninLogs", "AADNonInteractiveUserSignInLogs" };

    /// <summary>The projected columns: name = expression, the same for both tables.</summary>
    private static readonly string[] Columns =
    {
        "TimeGenerated", "CreatedDateTime", "Id", "CorrelationId", "UserPrincipalName", "UserId", "AppId", "AppDisplayName",
        "ResourceDisplayName", "ResourceIdentity", "IPAddress", "ResultType", "ResultDescription", "IsInteractive", "UserType",
        "UserAgent", "ClientAppUsed", "AuthenticationProtocol", "TokenIssuerType", "AuthenticationRequirement",
        "ConditionalAccessStatus", "CrossTenantAccessType", "HomeTenantId", "ResourceTenantId", "RiskLevelDuringSignIn",
        "Status = todynamic(Status)",
        "DeviceDetail = todynamic(DeviceDetail)",
        "ConditionalAccessPolicies = todynamic(ConditionalAccessPolicies)",
        "AuthenticationDetails = todynamic(AuthenticationDetails)",
        "AuthenticationRequirementPolicies = todynamic(AuthenticationRequirementPolicies)",
        "SessionLifetimePolicies = todynamic(SessionLifetimePolicies)",
        "IncomingTokenType = tostring(column_ifexists(\"IncomingTokenType\", \"\"))",
        "OriginalTransferMethod = tostring(column_ifexists(\"OriginalTransferMethod\", \"\"))",
        "ClientCredentialType = tostring(column_ifexists(\"ClientCredentialType\", \"\"))",
        "SignInEventTypes = todynamic(tostring(column_ifexists(\"SignInEventTypes\", \"\")))",
    };

    /// <summary>The names the legs project (what a query after the union may read).</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = Columns.Select(c => c.Split(' ')[0]).ToList();

    /// <summary>
    /// <c>union isfuzzy=true (SigninLogs | filters | project …), (AADNonInteractiveUserSignInLogs | …)</c>, each filter an
    /// operator line without its pipe (<c>where TimeGenerated &gt; ago(1d)</c>), applied in each leg before the projection
    /// so Kusto filters on the stored columns. The result starts with <c>union</c> and has no trailing line break.
    /// </summary>
    /// <param name="filters">The operator lines applied in each leg.</param>
    /// <param name="only">The columns to keep (names of <see cref="ColumnNames"/>); null keeps them all, which a query whose tests come from data needs.</param>
    public static string Union(IEnumerable<string> filters, IEnumerable<string>? only = null)
    {
        var where = (filters ?? throw new ArgumentNullException(nameof(filters))).ToList();
        var keep = only?.ToList();
        var unknown = keep?.FirstOrDefault(c => !ColumnNames.Contains(c, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException("The user sign-in legs have no column " + unknown + ".", nameof(only));
        }

        var columns = keep is null ? Columns : Columns.Where((_, i) => keep.Contains(ColumnNames[i], StringComparer.Ordinal)).ToArray();
        var legs = Tables.Select(table =>
            "    (" + table + "\n" +
            string.Concat(where.Select(f => "    | " + f + "\n")) +
            "    | project\n        " + string.Join(",\n        ", columns) + ")");
        return "union isfuzzy=true\n" + string.Join(",\n", legs);
    }
}
