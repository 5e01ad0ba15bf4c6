namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// A report script that an operator signs in with device code flow each Monday; the script then lives on its refresh
/// token, asking Graph for a token every hour from a server.
/// </summary>
internal sealed class DeviceCodeScript : ScriptPersona
{
    // A line-of-business app registered in the tenant itself.
    private static AppInfo ReportBot(DayContext day) => new("8e2d4a6c-1f3b-4c5d-8e7f-9a0b1c2d3e4f", "Contoso Report Bot", day.Tenant.Id);

    public DeviceCodeScript()
        : base("DeviceCodeScript", "svc-reports", "Weekly report script (MSAL for Python): device code sign-in on Mondays at 09:00, then hourly ± 2 min "
            + "silent token requests to Graph from an HQ server.")
    {
    }

    public override void Generate(DayContext day)
    {
        if (day.Day.DayOfWeek == DayOfWeek.Monday)
        {
            ScriptSignIn.Run(day, day.At(9, 300), ReportBot(day), MicrosoftApps.Graph, Clients.ChromeOnMac, Places.Headquarters, interactive: true, protocol: "deviceCode");
        }

        ScriptSignIn.RunEvery(day, 60, 120, 0.02, ReportBot(day), MicrosoftApps.Graph, Clients.MsalPythonScript, interactive: false);
    }
}
