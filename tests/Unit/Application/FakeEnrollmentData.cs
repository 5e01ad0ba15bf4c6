using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application.Enrollment;

namespace EntraStrongAuth.Tests.Application;

/// <summary>Enrollment facts held in memory: users by id and UPN; every lookup batch is kept.</summary>
internal sealed class FakeEnrollmentData : IEnrollmentData
{
    private readonly List<UserMethodsSnapshot> _users;

    public FakeEnrollmentData(params UserMethodsSnapshot[] users)
    {
        _users = users.ToList();
    }

    public List<IReadOnlyList<EnrollmentTarget>> Batches { get; } = new();

    public Dictionary<string, bool?> Enabled { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? MethodsPolicyUnavailableReason => "no methods policy in this test";

    public int Requests => Batches.Count;

    public async Task ReadAllAsync(Func<UserMethodsSnapshot, Task> onUser, CancellationToken cancellationToken)
    {
        foreach (var user in _users)
        {
            await onUser(user).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<EnrollmentLookup>> LookupAsync(IReadOnlyList<EnrollmentTarget> targets, bool live, CancellationToken cancellationToken)
    {
        Batches.Add(targets);
        IReadOnlyList<EnrollmentLookup> lookups = targets.Select(t =>
            _users.FirstOrDefault(u => t.Matches(u.UserId, u.UserPrincipalName)) is { } user
                ? EnrollmentLookup.Found(t, user, Enabled.TryGetValue(user.UserId, out var enabled) ? enabled : null)
                : EnrollmentLookup.NotFound(t, "in the test data")).ToList();
        return Task.FromResult(lookups);
    }

    public Task<(TenantMethodsPolicy Policy, GroupMembership Membership)> ReadMethodsPolicyAsync(CancellationToken cancellationToken) =>
        Task.FromResult((TenantMethodsPolicy.Unknown, GroupMembership.Empty));

    public Task<IReadOnlyList<AuthenticationStrength>> ReadStrengthsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuthenticationStrength>>(Array.Empty<AuthenticationStrength>());

    public Task<IReadOnlyList<StrongAuthPolicy>> ReadPoliciesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StrongAuthPolicy>>(Array.Empty<StrongAuthPolicy>());

    public DirectoryMembership Directory { get; init; } = DirectoryMembership.None;

    public Task<DirectoryMembership> ReadDirectoryMembershipAsync(IReadOnlyList<string> groupIds, IReadOnlyList<string> roleTemplateIds, CancellationToken cancellationToken) =>
        Task.FromResult(Directory);

    public static UserMethodsSnapshot User(string id, string upn, string userType = "member") =>
        UserMethodsSnapshot.FromRegistration(new UserRegistration(id, upn)
        {
            UserType = userType,
            MethodsRegistered = new[] { "microsoftAuthenticatorPush", "mobilePhone" },
            IsMfaCapable = true,
        });
}
