namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// An office user whose line-of-business client asks for the Expenses API silently. The API's policy demands an MFA
/// strength the single-factor office session lacks, so every silent request fails and the app never prompts.
/// </summary>
internal sealed class SilentClient : Persona
{
    private readonly bool desktop;

    /// <param name="desktop">false: the Expenses SPA in the browser (50076); true: the Timesheets desktop app via the broker (50074).</param>
    public SilentClient(bool desktop)
        : base(desktop ? "SilentDesktopApp" : "SilentSpa",
            desktop
                ? "Works at the office (single-factor session); the Timesheets desktop app (MSAL.NET, broker PRT) calls the Expenses API "
                  + "silently and gets 50074 every time, never showing a prompt."
                : "Works at the office (single-factor session); the Contoso Expenses SPA refreshes its token for the Expenses API "
                  + "silently (refreshToken) and gets 50076 over and over; the app has no interactive fallback.",
            new ExpectedFailure(desktop ? 50074 : 50076, FailureCause.SilentAuthInteractionRequired,
                "non-interactive token request from an interactive-capable client that never goes interactive"))
        => this.desktop = desktop;

    /// <summary>The app that asks silently and never falls back to a prompt (the readiness truth's AppNeverFallsBack).</summary>
    public AppInfo SilentApp(Tenant tenant) => desktop ? tenant.Apps.Timesheets : tenant.Apps.ExpensesSpa;

    public override void Generate(DayContext day)
    {
        if (!day.IsWorkday)
        {
            return;
        }

        OfficeRoutine.MorningAtOffice(day, 0.4);
        if (!day.Sometimes(0.15))
        {
            return;
        }

        AppInfo app = SilentApp(day.Tenant);
        var at = day.At(9.5, 1800);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            var signIn = day.Start(at, app, day.Tenant.Apps.ExpensesApi, desktop ? Clients.TimesheetsDesktop : Clients.EdgeOnWindows, day.User.Office, interactive: false);
            signIn.IncomingTokenType = desktop ? "primaryRefreshToken" : "refreshToken";
            Outcome.MfaPrompt(day, signIn, desktop ? 50074 : 50076, FailureCause.SilentAuthInteractionRequired, AuthSteps.TokenPrimary(at));
            at = at.AddMinutes(day.Random.Between(5, 15));
        }
    }
}
