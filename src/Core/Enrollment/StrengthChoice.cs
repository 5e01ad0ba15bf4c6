using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>Which strength to test a user against, and why that one (named by the failure or policy, or a fallback).</summary>
public sealed class StrengthChoice
{
    internal StrengthChoice(AuthenticationStrength? strength, bool isFallback, string reason)
    {
        Strength = strength;
        IsFallback = isFallback;
        Reason = reason;
    }

    /// <summary>Null when there is nothing to test (a policy that demands neither MFA nor a strength, an unknown strength of a policy).</summary>
    public AuthenticationStrength? Strength { get; }

    /// <summary>True when the source named no strength we could resolve and built-in MFA stands in for it.</summary>
    public bool IsFallback { get; }

    /// <summary>For people: where the strength came from, or why none / the fallback was used.</summary>
    public string Reason { get; }

    /// <summary>For a failure: whether its cause is about enrollment (otherwise the answer does not explain the failure).</summary>
    public bool CauseIsEnrollment { get; init; } = true;

    public override string ToString() => (Strength?.DisplayName ?? "(none)") + ": " + Reason;
}
