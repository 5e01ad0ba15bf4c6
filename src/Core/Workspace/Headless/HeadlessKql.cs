using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Core.Workspace.Headless;

/// <summary>
/// The two queries Find-HeadlessUserSignIn runs in a workspace so that the sign-ins never leave it. <see cref="Groups"/>
/// summarizes the sign-ins by every value headless scoring reads of one sign-in (rows grow with the distinct ways an
/// account signs in, not with its sign-ins); <see cref="RunStarts"/> gives each account's cadence input, the run
/// starts of its newest <see cref="TimestampSample.Capacity"/> distinct seconds. Both stay inside the KQL subset the
/// module emits (docs/DESIGN.md); every value enters through <see cref="KqlLiteral"/>.
/// </summary>
internal static class HeadlessKql
{
    /// <summary>How far the TimeGenerated filter reaches around the window: as for the sign-in reads.</summary>
    public static readonly TimeSpan IngestionSlackAfter = SignInKql.IngestionSlackAfter;

    public static readonly TimeSpan IngestionSlackBefore = SignInKql.IngestionSlackBefore;

    public const string SigninLogs = "SigninLogs";
    public const string NonInteractiveTable = "AADNonInteractiveUserSignInLogs";

    // Result buckets of the groups query (ResultType is a string column in both tables).
    public const string Success = "success";
    public const string StrongAuthFailure = "strongAuth";
    public const string OtherFailure = "other";

    /// <summary>The columns a groups row has: the aggregates, then the keys.</summary>
    public static readonly IReadOnlyList<string> GroupKeys = new[]
    {
        "UserPrincipalName", "UserId", "AppId", "AppDisplayName", "ResourceDisplayName", "ResourceIdentity", "IPAddress", "AutonomousSystemNumber",
        "UserAgent", "ClientAppUsed", "AuthenticationProtocol", "OriginalTransferMethod", "IsInteractive", "HasDevice", "Result", "Mfa",
    };


    // What each leg passes on for the groups query; types made alike in both tables (DeviceDetail is dynamic in
    // SigninLogs and JSON text in the other table, AutonomousSystemNumber a string, OriginalTransferMethod newer).
    private const string GroupColumns =
        "CreatedDateTime, UserPrincipalName, UserId, AppId, AppDisplayName, ResourceDisplayName, ResourceIdentity, IPAddress, "
        + "AutonomousSystemNumber = tostring(AutonomousSystemNumber), UserAgent, ClientAppUsed, AuthenticationProtocol, "
        + "OriginalTransferMethod = tostring(column_ifexists(\"OriginalTransferMethod\", \"\")), IsInteractive, "
        + "HasDevice = isnotempty(tostring(todynamic(DeviceDetail).deviceId)), ResultType, AuthenticationRequirement, "
        + "AuthenticationDetails = tostring(AuthenticationDetails)";

    private const string StartColumns = "CreatedDateTime, UserPrincipalName, UserId, AppId, AppDisplayName";

    /// <summary>Sign-ins summarized per account and alike values; see <see cref="HeadlessGroup"/>.</summary>
    public static string Groups(HeadlessKqlScope scope, AccountPartition partition)
    {
        var codes = string.Join(", ", SignInFacts.StrongAuthCodes.Select(c => KqlLiteral.Quote(c.ToString(CultureInfo.InvariantCulture))));
        var kql = new StringBuilder(Union(scope, GroupColumns));
        kql.Append(Accounts(partition))
            .Append("| extend Hour = hourofday(CreatedDateTime), AuthSteps = iff(isempty(AuthenticationDetails), \"[]\", AuthenticationDetails),\n")
            .Append("    Result = case(ResultType == \"0\", ").Append(KqlLiteral.Quote(Success)).Append(", ResultType in (").Append(codes).Append("), ")
            .Append(KqlLiteral.Quote(StrongAuthFailure)).Append(", ").Append(KqlLiteral.Quote(OtherFailure)).Append(")\n")
            .Append("// A step of a success that satisfied a multi-factor requirement; an empty list still gives its row (MfaSteps 0).\n")
            .Append("| mv-apply Step = todynamic(AuthSteps) on (summarize MfaSteps = countif(tobool(Step.succeeded) == true and tostring(Step.authenticationStepRequirement) contains \"multi\"))\n")
            .Append("| extend Mfa = Result == ").Append(KqlLiteral.Quote(Success)).Append(" and (AuthenticationRequirement =~ \"multiFactorAuthentication\" or MfaSteps > 0)\n")
            .Append("| summarize SignIns = count(), First = min(CreatedDateTime), Last = max(CreatedDateTime), Hours = make_set(Hour) by ")
            .Append(string.Join(", ", GroupKeys));
        return kql.ToString();
    }

    /// <summary>
    /// Per account (lower case), or per account and client app (<c>AppKey</c>, lower case) with <paramref name="perApp"/>:
    /// the starts of runs (a time more than <see cref="Cadence.RunGapSeconds"/> after the one before) among the newest
    /// <see cref="TimestampSample.Capacity"/> distinct seconds, in <c>Starts</c> as seconds since <see cref="SecondsOrigin"/>
    /// (a few digits fewer per value than Unix seconds: most of these rows' bytes).
    /// </summary>
    public static string RunStarts(HeadlessKqlScope scope, bool perApp, AccountPartition partition)
    {
        var key = perApp ? "Account, AppKey" : "Account";
        var restart = perApp ? "prev(Account) != Account or prev(AppKey) != AppKey" : "prev(Account) != Account";
        var kql = new StringBuilder(Union(scope, StartColumns));
        kql.Append(Accounts(partition));
        if (perApp)
        {
            kql.Append("| extend AppKey = tolower(iff(isnotempty(AppId), AppId, iff(isnotempty(AppDisplayName), AppDisplayName, ")
                .Append(KqlLiteral.Quote(SignInAggregate.UnknownApp)).Append(")))\n");
        }

        var capacity = TimestampSample.Capacity.ToString(CultureInfo.InvariantCulture);
        var gap = Cadence.RunGapSeconds.ToString(CultureInfo.InvariantCulture);
        kql.Append("| summarize by ").Append(key).Append(", Second = datetime_diff(\"second\", CreatedDateTime, ").Append(KqlLiteral.DateTime(SecondsOrigin(scope))).Append(")\n")
            .Append("| sort by ").Append(key.Replace(",", " asc,")).Append(" asc, Second desc\n")
            .Append("| extend Rank = row_number(1, ").Append(restart).Append(")\n")
            .Append("| where Rank <= ").Append(capacity).Append('\n')
            .Append("| sort by ").Append(key.Replace(",", " asc,")).Append(" asc, Second asc\n")
            .Append("| extend RunStart = ").Append(restart).Append(" or Second - prev(Second) > ").Append(gap).Append('\n')
            .Append("| where RunStart\n")
            .Append("| summarize Starts = make_list(Second) by ").Append(key);
        return kql.ToString();
    }

    /// <summary>The whole second at or before the window's start: run starts count from it (Unix seconds = start + origin's Unix seconds).</summary>
    public static DateTimeOffset SecondsOrigin(HeadlessKqlScope scope) => DateTimeOffset.FromUnixTimeSeconds(scope.Start.ToUnixTimeSeconds());

    /// <summary>Every shape the builders emit, for the tests that check them (language service, simulator).</summary>
    public static IReadOnlyList<string> Examples()
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var all = new HeadlessKqlScope(start, start.AddDays(14));
        var narrow = new HeadlessKqlScope(start, start.AddDays(7))
        {
            UserPrincipalNames = new[] { "o'neil\"; SigninLogs | take 1 //@contoso.com", "svc-job@contoso.com" },
            UserIds = new[] { "11111111-1111-1111-1111-111111111111" },
            AppIds = new[] { "1950a258-227b-4e31-a9cf-717495945fc2" },
            ExcludeUserPrincipalNames = new[] { "back\\slash@contoso.com" },
            ExcludeGuests = true,
            NonInteractive = false,
        };
        var split = new AccountPartition(4, 3);
        return new[]
        {
            Groups(all, AccountPartition.Whole), Groups(narrow, split),
            RunStarts(all, perApp: false, AccountPartition.Whole), RunStarts(all, perApp: true, split), RunStarts(narrow, perApp: true, AccountPartition.Whole),
        };
    }

    private static string Union(HeadlessKqlScope scope, string columns)
    {
        var legs = new List<string>();
        if (scope.Interactive)
        {
            legs.Add(Leg(SigninLogs, scope, columns));
        }

        if (scope.NonInteractive)
        {
            legs.Add(Leg(NonInteractiveTable, scope, columns));
        }

        if (legs.Count == 0)
        {
            throw new ArgumentException("The scope reads neither sign-in table.", nameof(scope));
        }

        return "union\n" + string.Join(",\n", legs) + "\n";
    }

    private static string Leg(string table, HeadlessKqlScope scope, string columns)
    {
        var leg = new StringBuilder("    (").Append(table).Append('\n')
            .Append("    | where TimeGenerated >= ").Append(KqlLiteral.DateTime(scope.Start - IngestionSlackBefore)).Append(" and TimeGenerated < ").Append(KqlLiteral.DateTime(scope.End + IngestionSlackAfter)).Append('\n')
            .Append("    | where CreatedDateTime >= ").Append(KqlLiteral.DateTime(scope.Start)).Append(" and CreatedDateTime < ").Append(KqlLiteral.DateTime(scope.End)).Append('\n');
        if (scope.UserPrincipalNames.Count > 0 || scope.UserIds.Count > 0)
        {
            var named = new List<string>();
            if (scope.UserPrincipalNames.Count > 0)
            {
                named.Add("UserPrincipalName in~ (" + KqlLiteral.StringList(scope.UserPrincipalNames) + ")");
            }

            if (scope.UserIds.Count > 0)
            {
                named.Add("UserId in~ (" + KqlLiteral.StringList(scope.UserIds) + ")");
            }

            leg.Append("    | where ").Append(string.Join(" or ", named)).Append('\n');
        }

        if (scope.AppIds.Count > 0)
        {
            leg.Append("    | where AppId in~ (").Append(KqlLiteral.StringList(scope.AppIds)).Append(")\n");
        }

        if (scope.ExcludeUserPrincipalNames.Count > 0)
        {
            leg.Append("    | where UserPrincipalName !in~ (").Append(KqlLiteral.StringList(scope.ExcludeUserPrincipalNames)).Append(")\n");
        }

        if (scope.ExcludeGuests)
        {
            leg.Append("    | where not(UserType =~ \"guest\" or (isnotempty(HomeTenantId) and isnotempty(ResourceTenantId) and HomeTenantId !~ ResourceTenantId))\n");
        }

        return leg.Append("    | project ").Append(columns).Append(')').ToString();
    }

    // The account a sign-in counts for (the UPN, else the object id), and the slice of accounts this query reads.
    private static string Accounts(AccountPartition partition)
    {
        var text = "| extend Account = tolower(iff(isnotempty(UserPrincipalName), UserPrincipalName, UserId))\n| where isnotempty(Account)\n";
        return partition.Count <= 1 ? text
            : text + "| where hash(Account, " + partition.Count.ToString(CultureInfo.InvariantCulture) + ") == " + partition.Index.ToString(CultureInfo.InvariantCulture) + "\n";
    }
}
