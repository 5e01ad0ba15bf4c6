namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// Hard negative: the reception kiosk's shared account. Many people sign in on its browser at all hours, from one
/// address, with no MFA (HQ is a trusted location) — one source, all hours, but people at a screen.
/// </summary>
internal sealed class SharedKiosk : Persona
{
    public SharedKiosk()
        : base("SharedKiosk", "Shared reception kiosk account: interactive browser sign-ins every 30-120 min, day and night, every day, "
            + "from one HQ address. Successes only.")
    {
    }

    public override void Generate(DayContext day)
    {
        for (double hour = day.Random.Next(60) / 60.0; hour < 24; hour += day.Random.Between(30, 120) / 60.0)
        {
            OfficeRoutine.InteractiveSuccess(day, day.At(hour), MicrosoftApps.OfficeHome, MicrosoftApps.Office365Portal, Clients.EdgeOnWindows, Places.Headquarters);
        }
    }
}
