namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// The answer of Test-MfaEnrollment for one user. The three evaluated values mirror
/// <see cref="Strength.StrengthOutcome"/>; <see cref="NotEvaluated"/> exists so that an excluded or unknown user still
/// yields an object that says why (a null outcome would read as "no problem" in a Where-Object filter).
/// </summary>
public enum EnrollmentOutcome
{
    /// <summary>The user can complete at least one combination of the strength now.</summary>
    Satisfiable,

    /// <summary>Registering the methods in MethodsToAdd makes the strength satisfiable.</summary>
    NeedsRegistration,

    /// <summary>No registration helps under the current Authentication methods policy; an administrator must change it.</summary>
    Impossible,

    /// <summary>The user was not assessed: excluded (guest, disabled, break-glass) or not found. See NotEvaluatedReason.</summary>
    NotEvaluated,
}
