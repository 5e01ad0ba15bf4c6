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

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>
/// The tenant's data read once per diagnosis run: the diagnosis tests each failure's user on its own, so without
/// this a user and an hour that locate four failures would read the methods policy, its groups and the same user's
/// methods four times. Lookups are kept per user (id or UPN); the rest per run.
/// </summary>
internal sealed class ReadOnceEnrollmentData : EnrollmentDataDecorator
{
    private readonly Dictionary<string, EnrollmentLookup> _lookups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Task<DirectoryMembership>> _membership = new(StringComparer.Ordinal);
    private Task<(TenantMethodsPolicy Policy, GroupMembership Membership)>? _methodsPolicy;
    private Task<IReadOnlyList<AuthenticationStrength>>? _strengths;
    private Task<IReadOnlyList<StrongAuthPolicy>>? _policies;

    public ReadOnceEnrollmentData(IEnrollmentData data)
        : base(data)
    {
    }

    public override async Task<IReadOnlyList<EnrollmentLookup>> LookupAsync(IReadOnlyList<EnrollmentTarget> targets, bool live, CancellationToken cancellationToken)
    {
        var missing = targets.Where(t => !_lookups.ContainsKey(Key(t, live))).ToList();
        if (missing.Count > 0)
        {
            foreach (var lookup in await Inner.LookupAsync(missing, live, cancellationToken).ConfigureAwait(false))
            {
                _lookups[Key(lookup.Target, live)] = lookup;
            }
        }

        // Each caller's own target (it carries that caller's failure) with the user's methods read once.
        return targets.Select(t => _lookups.TryGetValue(Key(t, live), out var known) ? Retarget(known, t) : EnrollmentLookup.NotFound(t, "in the tenant")).ToList();
    }

    public override Task<(TenantMethodsPolicy Policy, GroupMembership Membership)> ReadMethodsPolicyAsync(CancellationToken cancellationToken) =>
        _methodsPolicy ??= Inner.ReadMethodsPolicyAsync(cancellationToken);

    public override Task<IReadOnlyList<AuthenticationStrength>> ReadStrengthsAsync(CancellationToken cancellationToken) =>
        _strengths ??= Inner.ReadStrengthsAsync(cancellationToken);

    public override Task<IReadOnlyList<StrongAuthPolicy>> ReadPoliciesAsync(CancellationToken cancellationToken) =>
        _policies ??= Inner.ReadPoliciesAsync(cancellationToken);

    public override Task<DirectoryMembership> ReadDirectoryMembershipAsync(IReadOnlyList<string> groupIds, IReadOnlyList<string> roleTemplateIds, CancellationToken cancellationToken)
    {
        var key = string.Join(",", groupIds.OrderBy(g => g, StringComparer.OrdinalIgnoreCase)) + "|" + string.Join(",", roleTemplateIds.OrderBy(r => r, StringComparer.OrdinalIgnoreCase));
        if (!_membership.TryGetValue(key, out var read))
        {
            _membership[key] = read = Inner.ReadDirectoryMembershipAsync(groupIds, roleTemplateIds, cancellationToken);
        }

        return read;
    }

    private static string Key(EnrollmentTarget target, bool live) => (live ? "live:" : "report:") + (target.UserId ?? target.UserPrincipalName);

    private static EnrollmentLookup Retarget(EnrollmentLookup lookup, EnrollmentTarget target) =>
        ReferenceEquals(lookup.Target, target) ? lookup
        : lookup.Snapshot is { } snapshot ? EnrollmentLookup.Found(target, snapshot, lookup.AccountEnabled)
        : EnrollmentLookup.Failed(target, lookup.Error ?? EnrollmentLookup.NotFound(target, "in the tenant").Error!);
}
