using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Names;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>
/// A Conditional Access policy that does not exist yet, as Test-StrongAuthReadiness's parameters describe it: what it
/// will demand (plain MFA or a strength) and whom and what it will cover. It is assessed exactly as a saved policy.
/// </summary>
public sealed class PlannedPolicy
{
    public const string Id = "planned";

    /// <summary>Null: plain multifactor authentication (the grant control "mfa").</summary>
    public AuthenticationStrength? Strength { get; init; }

    /// <summary>User object ids, or "All" / "GuestsOrExternalUsers"; empty: All.</summary>
    public IReadOnlyList<string> IncludeUsers { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ExcludeUsers { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> IncludeGroups { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ExcludeGroups { get; init; } = Array.Empty<string>();

    /// <summary>Directory role template ids.</summary>
    public IReadOnlyList<string> IncludeRoles { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ExcludeRoles { get; init; } = Array.Empty<string>();

    /// <summary>Takes in guests and external users (every kind, every tenant).</summary>
    public bool IncludeGuests { get; init; }

    /// <summary>App ids; empty: All.</summary>
    public IReadOnlyList<string> Applications { get; init; } = Array.Empty<string>();

    public StrongAuthPolicy ToPolicy()
    {
        var everyone = IncludeUsers.Count == 0 && IncludeGroups.Count == 0 && IncludeRoles.Count == 0;
        var policy = new StrongAuthPolicy(Id, "Planned: " + (Strength?.DisplayName ?? "Require multifactor authentication"), "planned")
        {
            GrantOperator = "OR",
            BuiltInControls = Strength is null ? new[] { "mfa" } : Array.Empty<string>(),
            AuthenticationStrengthId = Strength?.Id,
            AuthenticationStrengthName = Strength?.DisplayName,
            IncludeUsers = everyone ? new[] { "All" } : IncludeUsers.ToList(),
            ExcludeUsers = ExcludeUsers.ToList(),
            IncludeGroups = IncludeGroups.ToList(),
            ExcludeGroups = ExcludeGroups.ToList(),
            IncludeRoles = IncludeRoles.ToList(),
            ExcludeRoles = ExcludeRoles.ToList(),
            IncludeGuestsOrExternalUsers = IncludeGuests ? "internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider" : null,
            IncludeApplications = Applications.Count == 0 ? new[] { "All" } : Applications.ToList(),
            ClientAppTypes = new[] { "all" },
            Source = "the command line",
        };

        // Built-in roles and first-party apps named on the command line read as names in the evidence, as a saved policy's do.
        return policy.WithStrength(Strength).WithNames(BuiltInDirectoryNames.All);
    }
}
