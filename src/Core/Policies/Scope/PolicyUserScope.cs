using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Policies.Scope;

/// <summary>
/// Whether a Conditional Access policy's user conditions take in one user, as Entra decides it: the user is included
/// by "All", by id, as a guest or external user of a listed type, through a group (transitively) or a directory role,
/// and any matching exclusion wins over every inclusion. Three-valued: a condition that turns on something not read
/// (a group's members, a role's holders, the user's type, the home tenant of a guest) makes the answer Unknown
/// unless another condition already decides it.
/// </summary>
public static class PolicyUserScope
{
    private const string LegacyGuests = "GuestsOrExternalUsers";

    public static ScopeVerdict Evaluate(StrongAuthPolicy policy, ScopeUser user, DirectoryMembership membership)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        if (user is null)
        {
            throw new ArgumentNullException(nameof(user));
        }

        membership ??= DirectoryMembership.None;
        var excluded = AnyOf(Conditions(policy, user, membership, exclude: true));
        if (excluded.Answer == true)
        {
            return new ScopeVerdict(ScopeAnswer.OutOfScope, "excluded: " + excluded.Reason);
        }

        var included = AnyOf(Conditions(policy, user, membership, exclude: false));
        if (included.Answer == false)
        {
            return new ScopeVerdict(ScopeAnswer.OutOfScope, "not among the users, groups, roles or guests the policy includes");
        }

        if (included.Answer == true && excluded.Answer == false)
        {
            return new ScopeVerdict(ScopeAnswer.InScope, "included: " + included.Reason);
        }

        // Included but an exclusion could not be checked, or no inclusion decided and one could not be checked.
        var unknown = included.Answer is null ? included.Reason : excluded.Reason;
        var how = membership.HowToRead is null ? string.Empty : " (" + membership.HowToRead + ")";
        return new ScopeVerdict(ScopeAnswer.Unknown, unknown + how);
    }

    /// <summary>The groups a set of policies names in its user conditions (what must be read to answer).</summary>
    public static IReadOnlyList<string> GroupsNamed(IEnumerable<StrongAuthPolicy> policies) =>
        policies.SelectMany(p => p.IncludeGroups.Concat(p.ExcludeGroups)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The directory roles (template ids) a set of policies names in its user conditions.</summary>
    public static IReadOnlyList<string> RolesNamed(IEnumerable<StrongAuthPolicy> policies) =>
        policies.SelectMany(p => p.IncludeRoles.Concat(p.ExcludeRoles)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    // True if any condition is true (with its reason); else null if any is unknown (with what is unknown); else false.
    private static (bool? Answer, string Reason) AnyOf(IEnumerable<(bool? Answer, string Reason)> conditions)
    {
        (bool? Answer, string Reason)? firstUnknown = null;
        foreach (var condition in conditions)
        {
            if (condition.Answer == true)
            {
                return condition;
            }

            if (condition.Answer is null && firstUnknown is null)
            {
                firstUnknown = condition;
            }
        }

        return firstUnknown ?? (false, string.Empty);
    }

    private static IEnumerable<(bool? Answer, string Reason)> Conditions(StrongAuthPolicy policy, ScopeUser user, DirectoryMembership membership, bool exclude)
    {
        var users = exclude ? policy.ExcludeUsers : policy.IncludeUsers;
        if (!exclude && users.Contains("All", StringComparer.OrdinalIgnoreCase))
        {
            yield return (true, "All users");
        }

        if (users.Contains(user.UserId, StringComparer.OrdinalIgnoreCase))
        {
            yield return (true, "the user is named");
        }

        if (users.Contains(LegacyGuests, StringComparer.OrdinalIgnoreCase))
        {
            var type = user.ExternalType;
            yield return type is null
                ? (null, "whether the user is a guest or external user is unknown (no userType or UPN)")
                : (type.Length > 0, "guest or external user (" + type + ")");
        }

        var guests = exclude ? policy.ExcludeGuestsOrExternalUsers : policy.IncludeGuestsOrExternalUsers;
        var tenants = exclude ? policy.ExcludeGuestsOrExternalTenants : policy.IncludeGuestsOrExternalTenants;
        if (guests is not null)
        {
            yield return GuestCondition(guests, tenants, user);
        }

        foreach (var group in exclude ? policy.ExcludeGroups : policy.IncludeGroups)
        {
            var named = policy.DescribeObject(group);
            yield return Member(membership.InGroup(user.UserId, group), "member of group " + named, "the members of group " + named + " were not read");
        }

        foreach (var role in exclude ? policy.ExcludeRoles : policy.IncludeRoles)
        {
            var named = policy.DescribeRole(role);
            yield return Member(membership.HoldsRole(user.UserId, role), "holds directory role " + named, "the holders of directory role " + named + " were not read");
        }
    }

    private static (bool? Answer, string Reason) GuestCondition(string types, IReadOnlyList<string> tenants, ScopeUser user)
    {
        var type = user.ExternalType;
        if (type is null)
        {
            return (null, "whether the user is one of the guest or external user types " + types + " is unknown (no userType or UPN)");
        }

        var listed = types.Split(',').Select(t => t.Trim()).Contains(type, StringComparer.OrdinalIgnoreCase);
        if (type.Length == 0 || !listed)
        {
            return (false, string.Empty);
        }

        // A list of external tenants narrows the condition to guests from them; the home tenant is not in the user record.
        return tenants.Count == 0 || type == "internalGuest"
            ? (true, "guest or external user (" + type + ")")
            : (null, "the user is a " + type + " but their home tenant is not known, and the policy lists only some external tenants");
    }

    private static (bool? Answer, string Reason) Member(bool? member, string when, string unknown) =>
        member is null ? (null, unknown) : (member.Value, when);
}
