using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Engine.Application.Readiness;
using EntraStrongAuth.Tests.Application;
using EntraStrongAuth.Tests.Classification;
using Xunit;

namespace EntraStrongAuth.Tests.Readiness;

/// <summary>Several policies from one read: the same verdicts as checking each alone, the shared history kept once.</summary>
public class ReadinessChecksTests
{
    private static readonly StrongAuthPolicy Everyone = new("p1", "MFA everywhere", "enabled") { BuiltInControls = new[] { "mfa" }, IncludeUsers = new[] { "All" }, IncludeApplications = new[] { "All" } };
    private static readonly StrongAuthPolicy AzureOnly = new("p2", "MFA for Azure management", "enabled") { BuiltInControls = new[] { "mfa" }, IncludeUsers = new[] { "All" }, IncludeApplications = new[] { TestSignIns.AzureManagement } };

    [Fact]
    public async Task Each_policy_gets_the_verdicts_it_gets_alone_and_a_repeated_sign_in_counts_once()
    {
        var ropc = TestSignIns.Success().With(x => x.AuthenticationProtocol = "ropc");
        var signIns = new[]
        {
            TestSignIns.Success(), ropc, ropc,
            TestSignIns.Success().App(TestSignIns.MicrosoftOffice, "Microsoft Office").With(x => x.ResourceId = "00000003-0000-0ff1-ce00-000000000000"),
        };

        var host = new RecordingRunHost();
        var checks = new ReadinessChecks(new ReadinessCheckOptions(), host);
        checks.Add(new[] { Everyone, AzureOnly });
        foreach (var signIn in signIns)
        {
            await checks.ObserveAsync(signIn);
        }

        await checks.CompleteAsync(null, "none", CancellationToken.None);
        var together = host.Output.OfType<ReadinessResult>().Select(r => r.ToString() + " " + r.SignIns).ToList();

        var alone = new RecordingRunHost();
        foreach (var policy in new[] { Everyone, AzureOnly })
        {
            var check = new ReadinessCheck(policy, new ReadinessCheckOptions(), alone);
            foreach (var signIn in signIns)
            {
                await check.ObserveAsync(signIn);
            }

            await check.CompleteAsync(null, "none", CancellationToken.None);
        }

        Assert.Equal(alone.Output.OfType<ReadinessResult>().Select(r => r.ToString() + " " + r.SignIns), together);

        // The portal and the ROPC sign-in share user and app; the repeated ROPC id is counted once.
        Assert.Equal(3, together.Count);
        Assert.Contains(together, r => r.Contains("PasswordGrant", StringComparison.Ordinal) && r.EndsWith(" 2", StringComparison.Ordinal));
        Assert.Single(host.Verbose, v => v.Contains("1 ", StringComparison.Ordinal) && v.Contains("skipped", StringComparison.OrdinalIgnoreCase));
    }
}
