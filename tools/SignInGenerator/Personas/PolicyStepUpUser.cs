namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// Signed in single-factor at the office, then opens an app whose policy wants more: Contoso Finance (MFA strength)
/// or, once enforced, the Azure portal (MFA). Sometimes answers the prompt (a benign interrupt), often walks away.
/// </summary>
internal sealed class PolicyStepUpUser : Persona
{
    public PolicyStepUpUser()
        : base("PolicyStepUpUser",
            "Office worker with a single-factor session (trusted location) who opens Contoso Finance (CA003, strength "
            + "\"Multifactor authentication\": singleChallengeRequired) and the Azure portal (CA004 Mfa, once enforced); "
            + "usually abandons the prompt (50074 / 50076), sometimes completes it within a minute.",
            new ExpectedFailure(50074, FailureCause.PolicyStepUp, "CA strength policy on Contoso Finance; prompt shown, never completed"),
            new ExpectedFailure(50074, FailureCause.BenignInterrupt, "same prompt, completed seconds later in the same correlation"),
            new ExpectedFailure(50076, FailureCause.PolicyStepUp, "CA MFA policy on Azure management; the portal sign-in is abandoned"))
    {
    }

    public override void Generate(DayContext day)
    {
        if (!day.IsWorkday)
        {
            return;
        }

        OfficeRoutine.MorningAtOffice(day, 0.6);
        if (day.Sometimes(0.25))
        {
            // On the anchor day both endings happen (abandoned in the morning, completed after lunch), so every run has both.
            OpenFinance(day, day.At(10.5, 3600), completes: !day.IsAnchorDay && day.Random.Chance(0.35));
            if (day.IsAnchorDay)
            {
                OpenFinance(day, day.At(13, 900), completes: true);
            }
        }

        if (day.Sometimes(0.15))
        {
            var at = day.At(14, 3600);
            var portal = day.Start(at, MicrosoftApps.AzurePortal, MicrosoftApps.AzureManagement, Clients.EdgeOnWindows, day.User.Office, interactive: true);
            if (ConditionalAccess.RequiresMfa(day.Tenant, portal))
            {
                Outcome.MfaPrompt(day, portal, 50076, FailureCause.PolicyStepUp);
            }
            else
            {
                Outcome.Success(day, portal, MfaProof.None, AuthSteps.Password(at));
            }
        }
    }

    private static void OpenFinance(DayContext day, DateTime at, bool completes)
    {
        var finance = day.Tenant.Apps.Finance;
        var prompt = day.Start(at, finance, finance, Clients.EdgeOnWindows, day.User.Office, interactive: true);
        Outcome.MfaPrompt(day, prompt, 50074, completes ? FailureCause.BenignInterrupt : FailureCause.PolicyStepUp);
        if (completes)
        {
            Outcome.PromptAnswered(day, prompt, 25, 55);
        }
    }
}
