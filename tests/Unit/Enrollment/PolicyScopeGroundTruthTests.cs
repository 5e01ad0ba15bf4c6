using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Generation;
using EntraStrongAuth.SignInGenerator.Model;
using EntraStrongAuth.SignInGenerator.Output;
using EntraStrongAuth.SignInGenerator.TenantAuth;
using EntraStrongAuth.Tests.Application;
using Xunit;

namespace EntraStrongAuth.Tests.Enrollment;

/// <summary>
/// Scope resolution from saved files against the generator's own decision of who each policy applies to: every
/// user of the directory, every policy that demands MFA or a strength (all users but guests, guests, admins by role,
/// with break-glass and service-account groups excluded).
/// </summary>
public class PolicyScopeGroundTruthTests
{
    [Theory]
    [InlineData(42, 80)]
    [InlineData(7, 150)]
    public async Task Every_user_is_in_or_out_of_every_policy_exactly_as_the_generator_decided(int seed, int users)
    {
        var stream = new SignInStream(seed, users, GeneratorOptions.DefaultEnd, 1, 1.0);
        var data = TenantAuthBuilder.Build(seed, stream.Tenant, stream.Users);
        var folder = Path.Combine(Path.GetTempPath(), "esa-scope-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = TenantAuthFiles.Write(folder, data);
            var host = new RecordingRunHost();
            var source = await FileEnrollmentData.OpenAsync(files, host);
            var policies = await source.ReadPoliciesAsync(CancellationToken.None);
            var membership = await source.ReadDirectoryMembershipAsync(PolicyUserScope.GroupsNamed(policies), PolicyUserScope.RolesNamed(policies), CancellationToken.None);
            var snapshots = new System.Collections.Generic.List<UserMethodsSnapshot>();
            await source.ReadAllAsync(s => { snapshots.Add(s); return Task.CompletedTask; }, CancellationToken.None);
            Assert.Empty(host.Errors);
            Assert.DoesNotContain(host.Warnings, w => w.Contains("groups or roles", StringComparison.Ordinal));

            var checkedPairs = 0;
            foreach (var generated in stream.Tenant.Policies.Where(p => p.Grant is GrantKind.Mfa or GrantKind.Strength))
            {
                var policy = policies.Single(p => p.Id == generated.Id);
                foreach (var user in data.Users.Select(u => u.User))
                {
                    var snapshot = snapshots.Single(s => s.UserId == user.Id);
                    var verdict = PolicyUserScope.Evaluate(policy, new ScopeUser(snapshot.UserId, snapshot.UserPrincipalName, snapshot.UserType), membership);
                    var expected = ConditionalAccess.UserInScope(generated, user) ? ScopeAnswer.InScope : ScopeAnswer.OutOfScope;
                    Assert.True(expected == verdict.Answer, $"{generated.DisplayName} / {user.UserPrincipalName}: expected {expected}, got {verdict}");
                    checkedPairs++;
                }
            }

            Assert.True(checkedPairs >= 3 * users, "too few policy/user pairs: " + checkedPairs);
            Assert.Contains(data.Users, u => u.User.IsAdmin && !u.User.IsBreakGlass);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
