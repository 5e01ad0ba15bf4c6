namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>Hard negative: a night-shift operator, active from 21:00 to 06:00 from home, with MFA by the session claim.</summary>
internal sealed class NightShiftWorker : Persona
{
    public NightShiftWorker()
        : base("NightShiftWorker", "Night-shift operator, four nights a week: a browser sign-in at the start of the shift and at about 02:00, "
            + "Teams refreshes through the night, from home. Successes only.")
    {
    }

    public override void Generate(DayContext day)
    {
        if (day.Day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return;
        }

        foreach (double hour in new[] { 0.2, 2.0, 21.5 })
        {
            OfficeRoutine.InteractiveSuccess(day, day.At(hour, 1200), MicrosoftApps.OfficeHome, MicrosoftApps.Office365Portal, Clients.EdgeOnWindows, day.User.Home);
        }

        for (double hour = day.Random.Next(90) / 60.0; hour < 24; hour += day.Random.Between(60, 180) / 60.0)
        {
            if (hour < 6 || hour > 21)
            {
                OfficeRoutine.SilentRefresh(day, day.At(hour), MicrosoftApps.Teams, MicrosoftApps.TeamsServices, Clients.TeamsDesktop, day.User.Home);
            }
        }
    }
}
