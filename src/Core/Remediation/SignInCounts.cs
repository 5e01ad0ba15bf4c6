namespace EntraStrongAuth.Core.Remediation;

/// <summary>Counters over a set of sign-ins: one instance per window, per app or per identity, never the events.</summary>
public sealed class SignInCounts
{
    public long Total { get; private set; }

    /// <summary>Failures with a strong-authentication code (the options' error codes).</summary>
    public long StrongAuthFailures { get; private set; }

    public long OtherFailures { get; private set; }

    public long Successes { get; private set; }

    /// <summary>Successes that satisfied MFA: an MFA step in authenticationDetails, federated or external MFA, or
    /// authenticationRequirement multiFactorAuthentication.</summary>
    public long MfaSuccesses { get; private set; }

    public long SingleFactorSuccesses => Successes - MfaSuccesses;

    /// <summary>Sign-ins by ROPC, a scripting user agent or an unattended automation app.</summary>
    public long Scripted { get; private set; }

    internal void Add(in SignInNature nature)
    {
        Total++;
        if (nature.IsSuccess)
        {
            Successes++;
            MfaSuccesses += nature.SatisfiedMfa ? 1 : 0;
        }
        else if (nature.IsStrongAuthFailure)
        {
            StrongAuthFailures++;
        }
        else
        {
            OtherFailures++;
        }

        Scripted += nature.IsScripted ? 1 : 0;
    }

    internal void Add(SignInCounts other)
    {
        Total += other.Total;
        StrongAuthFailures += other.StrongAuthFailures;
        OtherFailures += other.OtherFailures;
        Successes += other.Successes;
        MfaSuccesses += other.MfaSuccesses;
        Scripted += other.Scripted;
    }

    public override string ToString() =>
        Total + " sign-ins: " + StrongAuthFailures + " strong-auth failures, " + MfaSuccesses + " MFA successes, " + SingleFactorSuccesses + " single-factor successes";
}
