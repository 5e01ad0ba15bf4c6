using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>
/// Enrollment data that passes every question to the data it wraps; a subclass answers the ones it changes (read
/// once, answered from the whole report …), so the pass-through is written once.
/// </summary>
internal abstract class EnrollmentDataDecorator : IEnrollmentData
{
    protected EnrollmentDataDecorator(IEnrollmentData inner)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
    }

    public string? MethodsPolicyUnavailableReason => Inner.MethodsPolicyUnavailableReason;

    public int Requests => Inner.Requests;

    protected IEnrollmentData Inner { get; }

    public virtual Task ReadAllAsync(Func<UserMethodsSnapshot, Task> onUser, CancellationToken cancellationToken) => Inner.ReadAllAsync(onUser, cancellationToken);

    public virtual Task<IReadOnlyList<EnrollmentLookup>> LookupAsync(IReadOnlyList<EnrollmentTarget> targets, bool live, CancellationToken cancellationToken) => Inner.LookupAsync(targets, live, cancellationToken);

    public virtual Task<(TenantMethodsPolicy Policy, GroupMembership Membership)> ReadMethodsPolicyAsync(CancellationToken cancellationToken) => Inner.ReadMethodsPolicyAsync(cancellationToken);

    public virtual Task<IReadOnlyList<AuthenticationStrength>> ReadStrengthsAsync(CancellationToken cancellationToken) => Inner.ReadStrengthsAsync(cancellationToken);

    public virtual Task<IReadOnlyList<StrongAuthPolicy>> ReadPoliciesAsync(CancellationToken cancellationToken) => Inner.ReadPoliciesAsync(cancellationToken);

    public virtual Task<DirectoryMembership> ReadDirectoryMembershipAsync(IReadOnlyList<string> groupIds, IReadOnlyList<string> roleTemplateIds, CancellationToken cancellationToken) =>
        Inner.ReadDirectoryMembershipAsync(groupIds, roleTemplateIds, cancellationToken);
}
