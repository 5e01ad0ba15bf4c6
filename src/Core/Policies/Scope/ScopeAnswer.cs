namespace EntraStrongAuth.Core.Policies.Scope;

/// <summary>Whether a Conditional Access policy's user conditions take in one user.</summary>
public enum ScopeAnswer
{
    /// <summary>Included and not excluded.</summary>
    InScope,

    /// <summary>Not included, or excluded.</summary>
    OutOfScope,

    /// <summary>The answer turns on a membership or user type the input does not hold.</summary>
    Unknown,
}
