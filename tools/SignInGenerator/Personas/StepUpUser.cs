namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// Opens the Azure portal from home: MFA is asked (50074), approved on the phone 20-60 s later, same correlation.
/// The textbook normal step-up that a classifier must not report as a problem.
/// </summary>
internal sealed class StepUpUser : Persona
{
    public StepUpUser()
        : base("StepUpUser",
            "Engineer opening the Azure portal from home: 50074 interrupt, then approves the Authenticator push and succeeds "
            + "20-60 s later in the same correlation and session.",
            new ExpectedFailure(50074, FailureCause.BenignInterrupt, "MFA prompt answered; a success follows in the same correlation"))
    {
    }

    public override void Generate(DayContext day)
    {
        OfficeRoutine.OrdinaryDay(day);
        if (day.IsWorkday && day.Sometimes(0.25))
        {
            var prompt = day.Start(day.WorkingTime(), MicrosoftApps.AzurePortal, MicrosoftApps.AzureManagement, Clients.EdgeOnWindows, day.User.Home, interactive: true);
            Outcome.MfaPrompt(day, prompt, 50074, FailureCause.BenignInterrupt);
            Outcome.PromptAnswered(day, prompt, 20, 60);
        }
    }
}
