using System.Collections.Generic;

namespace EntraStrongAuth.Core.Headless;

/// <summary>Which workload identity should replace a user account a script signs in as, why, and how to move.</summary>
public sealed class WorkloadIdentityRecommendation
{
    public WorkloadIdentityRecommendation(WorkloadIdentityKind kind, string reason, IReadOnlyList<string> steps)
    {
        IdentityKind = kind;
        Reason = reason;
        Steps = steps;
    }

    public string Kind => IdentityKind.ToString();

    internal WorkloadIdentityKind IdentityKind { get; }

    /// <summary>The evidence the choice rests on ("sign-ins come from Azure datacentre addresses (AS8075)").</summary>
    public string Reason { get; }

    /// <summary>Ordered steps: create the identity, grant it what the user's sign-ins reached, change the script, then retire the user's access.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>Resources (APIs) the account's sign-ins reached: what the new identity needs permissions for.</summary>
    public IReadOnlyList<string> Resources { get; init; } = System.Array.Empty<string>();

    /// <summary>Client apps the script signed in with.</summary>
    public IReadOnlyList<string> Apps { get; init; } = System.Array.Empty<string>();

    public override string ToString() => Kind + ": " + Reason;
}
