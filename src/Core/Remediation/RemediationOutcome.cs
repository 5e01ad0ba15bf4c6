namespace EntraStrongAuth.Core.Remediation;

/// <summary>Whether the sign-ins after a fix prove it worked.</summary>
public enum RemediationOutcome
{
    /// <summary>Too little activity after the fix to tell (see <see cref="RemediationOptions"/> for the thresholds).</summary>
    Inconclusive,

    /// <summary>The after-window shows the problem is still there.</summary>
    NotFixed,

    /// <summary>The after-window shows the problem is gone, the way the fix should make it go.</summary>
    Fixed,
}
