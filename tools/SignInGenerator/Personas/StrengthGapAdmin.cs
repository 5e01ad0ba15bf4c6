namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// An administrator held to phishing-resistant MFA whose only methods are push and SMS, while the methods policy
/// does not enable FIDO2 for them: the push succeeds, the strength still cannot be met.
/// </summary>
internal sealed class StrengthGapAdmin : Persona
{
    public StrengthGapAdmin()
        : base("StrengthGapAdmin",
            "Administrator with Authenticator push and SMS only (FIDO2 not enabled for them): approves the push for the Azure portal, "
            + "but CA002 (Phishing-resistant MFA) returns cannotSatisfy, 50076.",
            new ExpectedFailure(50076, FailureCause.CannotSatisfyStrength, "strength result cannotSatisfy: no allowed phishing-resistant method"))
    {
    }

    public override AccountProfile Account => AccountProfile.Member with { IsAdmin = true, PhishingResistantDisabled = true };

    public override void Generate(DayContext day)
    {
        OfficeRoutine.OrdinaryDay(day);
        if (day.IsWorkday && day.Sometimes(0.25))
        {
            var at = day.WorkingTime();
            var signIn = day.Start(at, MicrosoftApps.AzurePortal, MicrosoftApps.AzureManagement, Clients.EdgeOnWindows, day.UsualPlace(), interactive: true);
            var pushed = at.AddSeconds(day.Random.Between(8, 25));
            Outcome.Failure(day, signIn, 50076, FailureCause.CannotSatisfyStrength, MfaProof.Mfa, AuthSteps.Password(at), AuthSteps.PushApproved(pushed));
        }
    }
}
