using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Readiness;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.SignInGenerator.Cli;

namespace EntraStrongAuth.Tests.Application;

/// <summary>
/// Runs Test-StrongAuthReadiness's service as the command does, offline (-Path and -TenantDataPath files) or live
/// (sign-ins and tenant data through a connection), over the generated tenant's 7 days.
/// </summary>
internal static class ReadinessRuns
{
    /// <summary>The generated tenant's 7 days; live, the same window is asked of Graph.</summary>
    public static DateTimeOffset End => new(GeneratorOptions.DefaultEnd, TimeSpan.Zero);

    public static DateTimeOffset Start => End.AddDays(-7);

    public static async Task<(IReadOnlyList<ReadinessResult> Results, RecordingRunHost Host)> OfflineAsync(StrongAuthPolicy policy, string signIns, IReadOnlyList<string> tenantData)
    {
        var host = new RecordingRunHost();
        var check = new ReadinessCheck(policy, new ReadinessCheckOptions { Start = Start, End = End }, host);
        await new SignInFileReading(host, SignInLogFormat.Auto, null).ReadAsync(new[] { signIns }, check.ObserveAsync, CancellationToken.None);
        var tenant = await FileEnrollmentData.OpenAsync(tenantData, new RecordingRunHost());
        await check.CompleteAsync(tenant, "no tenant data", CancellationToken.None);
        return (host.Output.OfType<ReadinessResult>().ToList(), host);
    }

    /// <summary>Live through <paramref name="graph"/>'s connection; the registration report is read whole from <paramref name="wholeReportFrom"/> users.</summary>
    public static async Task<(IReadOnlyList<ReadinessResult> Results, RecordingRunHost Host)> LiveAsync(LiveDiagnosisGraph graph, StrongAuthPolicy policy, ReadinessCheckOptions? options = null, int wholeReportFrom = ReadinessEnrollment.WholeReportFrom)
    {
        var host = new RecordingRunHost();
        var check = new ReadinessCheck(policy, options ?? new ReadinessCheckOptions { Start = Start, End = End }, host) { WholeReportFrom = wholeReportFrom };
        var reader = new LiveSignInReader(graph.Connection, host, 2, "Reading sign-ins from Microsoft Graph");
        await reader.ReadAsync(new SignInQuery(Start, End), check.ObserveAsync, CancellationToken.None);
        await check.CompleteAsync(new TenantEnrollmentData(graph.Connection, host), "no tenant data", CancellationToken.None);
        return (host.Output.OfType<ReadinessResult>().ToList(), host);
    }

    /// <summary>
    /// A verdict as compared between runs: user, app, verdict, reasons and methods to add. Confidence is compared apart:
    /// live, the registration report names each method type but not its details (a key's model), so a verdict the
    /// saved methods make High may be Medium live.
    /// </summary>
    public static IReadOnlyList<string> Verdicts(IEnumerable<ReadinessResult> results) =>
        results.Select(r => string.Join(" | ", r.UserPrincipalName, r.AppId, r.Verdict, r.Reasons.ToString(), r.MethodsToAdd.ToString())).OrderBy(v => v, StringComparer.Ordinal).ToList();

    /// <summary>User and app pairs whose live confidence is not the offline one, or is higher.</summary>
    public static IReadOnlyList<string> ConfidenceGaps(IEnumerable<ReadinessResult> offline, IEnumerable<ReadinessResult> live)
    {
        var byPair = offline.ToDictionary(r => r.UserPrincipalName + "|" + r.AppId, r => r.Confidence);
        return live.Where(r => byPair.TryGetValue(r.UserPrincipalName + "|" + r.AppId, out var c) && r.Confidence != c)
            .Select(r => r.UserPrincipalName + " " + r.AppId + ": " + byPair[r.UserPrincipalName + "|" + r.AppId] + " offline, " + r.Confidence + " live")
            .ToList();
    }

    /// <summary>The first verdicts only one side has, for a failure message.</summary>
    public static string Differences(IEnumerable<ReadinessResult> expected, IEnumerable<ReadinessResult> actual)
    {
        var (e, a) = (Verdicts(expected), Verdicts(actual));
        return "only offline: " + string.Join("; ", e.Except(a).Take(4)) + " / only live: " + string.Join("; ", a.Except(e).Take(4));
    }
}
