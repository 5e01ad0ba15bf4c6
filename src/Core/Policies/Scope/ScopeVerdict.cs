namespace EntraStrongAuth.Core.Policies.Scope;

/// <summary>Whether a policy applies to a user, and the condition that decided it, in words.</summary>
public sealed class ScopeVerdict
{
    public ScopeVerdict(ScopeAnswer answer, string reason)
    {
        Answer = answer;
        Reason = reason;
    }

    public ScopeAnswer Answer { get; }

    /// <summary>The deciding condition: "member of group 1b2c…", "excluded by role 62e9…", "membership of group … not read".</summary>
    public string Reason { get; }

    public override string ToString() => Answer + ": " + Reason;
}
