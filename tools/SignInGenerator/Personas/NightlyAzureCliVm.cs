namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>A nightly job on an Azure VM (AS8075) that runs az login -u/-p, then calls ARM with the cached token.</summary>
internal sealed class NightlyAzureCliVm : ScriptPersona
{
    public NightlyAzureCliVm()
        : base("NightlyAzureCliVm", "svc-backup", "Nightly backup job on an Azure VM: az login -u/-p (ROPC) at 02:00 ± 10 min, then 2-3 silent "
            + "Azure CLI token requests to ARM; 50076 once the Azure MFA policy is enforced.")
    {
    }

    public override void Generate(DayContext day)
    {
        var at = day.At(2, 600);
        ScriptSignIn.Run(day, at, MicrosoftApps.AzureCli, MicrosoftApps.AzureManagement, Clients.AzureCliAgent, Places.AzureWestEurope, interactive: true, protocol: "ropc");
        for (int i = day.Random.Between(2, 3); i > 0; i--)
        {
            ScriptSignIn.Run(day, at.AddSeconds(day.Random.Between(5, 90)), MicrosoftApps.AzureCli, MicrosoftApps.AzureManagement, Clients.AzureCliAgent, Places.AzureWestEurope, interactive: false);
        }
    }
}
