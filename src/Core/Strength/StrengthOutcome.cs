namespace EntraStrongAuth.Core.Strength;

/// <summary>The answer to "can this user satisfy the strength?".</summary>
public enum StrengthOutcome
{
    /// <summary>At least one combination can be completed with methods the user has and the policy enables.</summary>
    Satisfiable,

    /// <summary>Not now, but registering <see cref="StrengthEvaluation.MethodsToAdd"/> would make it satisfiable.</summary>
    NeedsRegistration,

    /// <summary>Nothing the user could register helps under the current policy (see <see cref="StrengthEvaluation.ImpossibleReason"/>).</summary>
    Impossible,
}
