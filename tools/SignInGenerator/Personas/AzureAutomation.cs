namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// A build pipeline that runs Azure CLI (or Azure PowerShell) logged in with a user name and password. Each run
/// first tries the cached refresh token, then logs in again; after the Azure MFA policy is enforced both fail.
/// </summary>
internal sealed class AzureAutomation : Persona
{
    private readonly bool azurePowerShell;

    /// <param name="azurePowerShell">false: az CLI (04b07795-…); true: Az PowerShell (1950a258-…).</param>
    public AzureAutomation(bool azurePowerShell)
        : base(azurePowerShell ? "BuildAgentAzurePowerShell" : "BuildAgentAzureCli",
            (azurePowerShell ? "Connect-AzAccount -Credential" : "az login -u/-p")
            + " in a pipeline on the Azure build agent (no device), 0-2 runs per working day: a silent refresh then a password "
            + "(ROPC) login to Azure Resource Manager. Report-only policy first, then 50076 on both.",
            new ExpectedFailure(50076, FailureCause.HeadlessUserAccount, "automation app id, scripting user agent, no device, from a build agent"))
        => this.azurePowerShell = azurePowerShell;

    public override bool IsHeadless => true;

    public override AccountProfile Account => new(AccountKind.Service, AuthMethods.Sms)
    {
        UpnPrefix = azurePowerShell ? "svc-azps" : "svc-build",
        HasDevice = false,
    };

    public override void Generate(DayContext day)
    {
        if (!day.IsWorkday)
        {
            return;
        }

        int runs = day.IsAnchorDay ? (azurePowerShell ? 1 : 2) : day.Random.Chance(0.4) ? 1 : 0;
        for (int i = 0; i < runs; i++)
        {
            var at = day.WorkingTime();
            Attempt(day, at, interactive: false);
            Attempt(day, at.AddSeconds(day.Random.Between(2, 5)), interactive: true);
        }
    }

    private void Attempt(DayContext day, DateTime at, bool interactive)
    {
        var app = azurePowerShell ? MicrosoftApps.AzurePowerShell : MicrosoftApps.AzureCli;
        var client = azurePowerShell ? Clients.AzurePowerShellAgent : Clients.AzureCliAgent;
        var signIn = day.Start(at, app, MicrosoftApps.AzureManagement, client, Places.AzureWestEurope, interactive);
        if (interactive)
        {
            signIn.AuthenticationProtocol = "ropc";
        }

        var primary = interactive ? AuthSteps.Password(at, cloudOnly: true) : AuthSteps.TokenPrimary(at);
        if (ConditionalAccess.RequiresMfa(day.Tenant, signIn))
        {
            Outcome.MfaPrompt(day, signIn, 50076, FailureCause.HeadlessUserAccount, primary);
        }
        else
        {
            Outcome.Success(day, signIn, MfaProof.None, primary);
        }
    }
}
