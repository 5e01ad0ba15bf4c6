namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// A scheduled script that signs in as a user with the password grant (ROPC) and calls Azure Resource Manager. It ran
/// fine while "Require MFA for Azure management" was report-only; once enforced, every run fails the same way.
/// </summary>
internal sealed class RopcScript : Persona
{
    private readonly bool powerShell;

    /// <param name="powerShell">false: python-requests deploy job every 12 h from the Azure build agent, account has
    /// methods (50076); true: PowerShell runbook daily from an HQ server, account never enrolled (50079).</param>
    public RopcScript(bool powerShell)
        : base(powerShell ? "CiScriptRopcPowerShell" : "CiScriptRopcPython",
            powerShell
                ? "Ops runbook (PowerShell Invoke-RestMethod, ROPC, no device) daily at 01:30 from an on-premises server, as a user "
                  + "account with no MFA method: successes while the Azure MFA policy was report-only, then 50079 on every run."
                : "Deploy job (python-requests, ROPC, no device) at 06:07 and 18:07 from the Azure build agent, as a user account: "
                  + "successes while the Azure MFA policy was report-only, then 50076 on every run.",
            new ExpectedFailure(powerShell ? 50079 : 50076, FailureCause.HeadlessUserAccount,
                "ROPC from a script on a fixed cadence; nobody can register or answer MFA"))
        => this.powerShell = powerShell;

    public override bool IsHeadless => true;

    public override AccountProfile Account => powerShell
        ? new(AccountKind.Service, AuthMethods.None) { UpnPrefix = "svc-opsrunbook", HasDevice = false }
        : new(AccountKind.Service, AuthMethods.Sms) { UpnPrefix = "svc-deploy", HasDevice = false };

    public override void Generate(DayContext day)
    {
        foreach (double hour in powerShell ? new[] { 1.5 } : new[] { 6.1167, 18.1167 })
        {
            var at = day.At(hour, 20);
            var place = powerShell ? Places.Headquarters : Places.AzureWestEurope;
            var app = powerShell ? day.Tenant.Apps.OpsRunbook : day.Tenant.Apps.DeployScript;
            var signIn = day.Start(at, app, MicrosoftApps.AzureManagement, powerShell ? Clients.PowerShellScript : Clients.PythonRequests, place, interactive: true);
            signIn.AuthenticationProtocol = "ropc";
            var password = AuthSteps.Password(at, cloudOnly: true);
            if (!ConditionalAccess.RequiresMfa(day.Tenant, signIn))
            {
                Outcome.Success(day, signIn, MfaProof.None, password);
            }
            else if (powerShell)
            {
                Outcome.Failure(day, signIn, 50079, FailureCause.HeadlessUserAccount, MfaProof.None, password, AuthSteps.NoMethodRegistered(at));
            }
            else
            {
                Outcome.MfaPrompt(day, signIn, 50076, FailureCause.HeadlessUserAccount, password);
            }
        }
    }
}
