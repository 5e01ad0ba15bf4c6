namespace EntraStrongAuth.Core.Readiness;

/// <summary>Why a subject will break when the policy is enforced.</summary>
public enum BreakReason
{
    /// <summary>The account is used by a script (headless score of 50 or more): it can never answer a prompt.</summary>
    Script,

    /// <summary>It signs in with the password grant (ROPC), which cannot carry an MFA challenge.</summary>
    PasswordGrant,

    /// <summary>It signs in over a legacy protocol (IMAP, POP, SMTP AUTH, ActiveSync basic …) that cannot prompt.</summary>
    LegacyProtocol,

    /// <summary>Its app signs in silently and, after an interrupt, never came back interactively in this tenant.</summary>
    AppNeverFallsBack,

    /// <summary>No registration helps: the methods policy allows none of the strength's combinations to this user.</summary>
    StrengthUnsatisfiable,

    /// <summary>The policy, in report-only mode, logged that it would have failed this subject's sign-ins.</summary>
    ReportOnlyFailure,
}
