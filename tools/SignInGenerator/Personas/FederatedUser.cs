namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// A Manchester plant user in the AD FS federated domain. AD FS normally vouches for MFA with a claim; when its
/// MFA adapter fails, Entra's external challenge is never satisfied (50158).
/// </summary>
internal sealed class FederatedUser : Persona
{
    private const string AdfsIssuer = "http://sts.mfg.contoso.com/adfs/services/trust";
    private readonly bool mfaAdapter;

    /// <param name="mfaAdapter">true: MFA runs in the AD FS MFA adapter (tokenIssuerType ADFederationServicesMFAAdapter on failures).</param>
    public FederatedUser(bool mfaAdapter)
        : base(mfaAdapter ? "FederatedUserMfaAdapter" : "FederatedUser",
            "Manchester plant user in the federated domain (AD FS, tokenIssuerType ADFederationServices): successes carry "
            + "\"MFA requirement satisfied by claim in the token\"; some mornings the external MFA challenge fails, 50158"
            + (mfaAdapter ? " (issuer ADFederationServicesMFAAdapter)." : "."),
            new ExpectedFailure(50158, FailureCause.ExternalOrFederatedMfa, "federated IdP's MFA challenge not satisfied"))
        => this.mfaAdapter = mfaAdapter;

    public override AccountProfile Account => AccountProfile.Member with { Federated = true };

    public override void Generate(DayContext day)
    {
        if (!day.IsWorkday)
        {
            return;
        }

        if (day.Sometimes(0.25))
        {
            var failedAt = day.At(7.25, 900);
            var failed = Federated(day, failedAt);
            failed.TokenIssuerType = mfaAdapter ? "ADFederationServicesMFAAdapter" : "ADFederationServices";
            Outcome.Failure(day, failed, 50158, FailureCause.ExternalOrFederatedMfa, MfaProof.None,
                AuthSteps.FederatedPrimary(failedAt), AuthSteps.ExternalChallenge(failedAt));
        }

        if (day.Sometimes(0.6))
        {
            var at = day.At(8, 1200);
            Outcome.Success(day, Federated(day, at), MfaProof.Mfa, AuthSteps.FederatedPrimary(at), AuthSteps.MfaByClaim(at));
        }

        if (day.Random.Chance(0.3))
        {
            OfficeRoutine.SilentRefresh(day, day.WorkingTime(), MicrosoftApps.Teams, MicrosoftApps.TeamsServices, Clients.TeamsDesktop, day.User.Office);
        }
    }

    private static SignIn Federated(DayContext day, DateTime at)
    {
        var signIn = day.Start(at, MicrosoftApps.OfficeHome, MicrosoftApps.Office365Portal, Clients.EdgeOnWindows, day.User.Office, interactive: true);
        signIn.TokenIssuerType = "ADFederationServices";
        signIn.TokenIssuerName = AdfsIssuer;
        return signIn;
    }
}
