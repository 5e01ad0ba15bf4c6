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
/// Where Test-MfaEnrollment gets its facts: the tenant through Graph, or saved files. The command asks the same
/// questions of both, so offline and live answers are computed by the same code.
/// </summary>
public interface IEnrollmentData
{
    /// <summary>Every user's registered methods (the registration report), handed over as they are read.</summary>
    Task ReadAllAsync(Func<UserMethodsSnapshot, Task> onUser, CancellationToken cancellationToken);

    /// <summary>The named users, in order; a user not found is a lookup with an error, not an exception.</summary>
    Task<IReadOnlyList<EnrollmentLookup>> LookupAsync(IReadOnlyList<EnrollmentTarget> targets, bool live, CancellationToken cancellationToken);

    /// <summary>The Authentication methods policy and the members of the groups it targets; Unknown when unreadable.</summary>
    Task<(TenantMethodsPolicy Policy, GroupMembership Membership)> ReadMethodsPolicyAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's authentication strengths (built-in and custom) beyond the module's built-ins; may be empty.</summary>
    Task<IReadOnlyList<AuthenticationStrength>> ReadStrengthsAsync(CancellationToken cancellationToken);

    /// <summary>Every Conditional Access policy (for -Policy by name).</summary>
    Task<IReadOnlyList<StrongAuthPolicy>> ReadPoliciesAsync(CancellationToken cancellationToken);

    /// <summary>Who is in these groups (transitively) and holds these directory roles: what -Policy's user conditions turn on.</summary>
    Task<DirectoryMembership> ReadDirectoryMembershipAsync(IReadOnlyList<string> groupIds, IReadOnlyList<string> roleTemplateIds, CancellationToken cancellationToken);

    /// <summary>Why the methods policy is unknown (permission denied, no file given); null when it was read.</summary>
    string? MethodsPolicyUnavailableReason { get; }

    /// <summary>Requests made so far (0 for files): the -Verbose summary reports them.</summary>
    int Requests { get; }
}
