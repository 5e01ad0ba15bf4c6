namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>A cron job on an on-premises server calling Graph every 5 minutes with the password grant as a user.</summary>
internal sealed class CronRopcScript : ScriptPersona
{
    // A line-of-business app registered in the tenant itself.
    private static AppInfo InventorySync(DayContext day) => new("5b0f3c1e-7d2a-4e6b-9a41-2c8d0e7f1a35", "Contoso Inventory Sync", day.Tenant.Id);

    public CronRopcScript()
        : base("CronRopcScript", "svc-inventory", "cron job (python-requests, ROPC) every 5 min ± 20 s, day and night, from one HQ server, as a user account; "
            + "a run is missed now and then.")
    {
    }

    public override void Generate(DayContext day)
    {
        ScriptSignIn.RunEvery(day, 5, 20, 0.02, InventorySync(day), MicrosoftApps.Graph, Clients.PythonRequests, interactive: true, protocol: "ropc");
    }
}
