using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Engine.Application.Diagnosis;
using EntraStrongAuth.Engine.Application.Enrollment;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>
/// Test-MfaEnrollment -Policy for the users a readiness check saw: each user's scope (three-valued) and registration
/// against the policy's strength. Few users are looked up in the registration report by UPN (15 to a request); many
/// are answered from one read of the whole report (1,000 users a page) instead, and only the users the report lacks
/// (disabled, or created since it was computed) are read live, 20 to a $batch. A strength that restricts a method's
/// details (FIDO2 key models by AAGUID, certificate issuers) needs each user's methods: the report names only their
/// types, so then every user is read live, 20 to a $batch.
/// </summary>
internal static class ReadinessEnrollment
{
    /// <summary>
    /// From this many users the whole report costs fewer requests than filtering it: 150 users are 10 filtered reads,
    /// the report of a 10,000-user tenant is 10 pages. Per-user $batch lookups would be 500 requests at 10,000 users.
    /// </summary>
    public const int WholeReportFrom = 150;

    /// <summary>The results by user; <paramref name="wholeReportFrom"/> is the threshold (tests lower it).</summary>
    public static async Task<IReadOnlyList<MfaEnrollmentResult>> AssessAsync(StrongAuthPolicy policy, IEnrollmentData tenant, IReadOnlyList<ReadinessTally> users, IRunHost host, CancellationToken cancellationToken, int wholeReportFrom = WholeReportFrom)
    {
        var detailed = policy.AuthenticationStrength is { CombinationConfigurations.Count: > 0 };
        var wholeReport = !detailed && users.Count >= wholeReportFrom;
        if (wholeReport)
        {
            var ids = new HashSet<string>(users.Select(u => u.UserId).OfType<string>(), StringComparer.OrdinalIgnoreCase);
            var names = new HashSet<string>(users.Select(u => u.UserPrincipalName).OfType<string>(), StringComparer.OrdinalIgnoreCase);
            tenant = await ReportAnsweredEnrollmentData.ReadAsync(tenant, ids, names, cancellationToken).ConfigureAwait(false);
        }

        var capture = new CapturingRunHost();
        var tester = new MfaEnrollmentTester(tenant, new MfaEnrollmentTestOptions { Policies = new object[] { policy }, Live = wholeReport || detailed }, capture);
        await tester.ChooseStrengthsAsync(null, cancellationToken).ConfigureAwait(false);
        foreach (var user in users)
        {
            await tester.AddUsersAsync(user.UserId is null ? null : new[] { user.UserId }, user.UserPrincipalName is null ? null : new[] { user.UserPrincipalName }, oneUser: true, cancellationToken).ConfigureAwait(false);
        }

        await tester.CompleteAsync(cancellationToken).ConfigureAwait(false);
        if (capture.Problems is { } problems)
        {
            await host.WriteWarningAsync("Registration lookups: " + problems).ConfigureAwait(false);
        }

        return capture.Output.OfType<MfaEnrollmentResult>().ToList();
    }
}
