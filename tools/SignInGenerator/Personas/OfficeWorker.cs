namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>Most of the tenant: signs in, works, never fails. The background every finding must stand out from.</summary>
internal sealed class OfficeWorker : Persona
{
    public OfficeWorker()
        : base("OfficeWorker",
            "Ordinary employee: interactive browser or Teams sign-ins with MFA met by the session claim (\"Previously satisfied\"), "
            + "background Outlook/Teams/OneDrive refreshes; hybrid work (office Tue-Thu). Successes only.")
    {
    }

    public override void Generate(DayContext day) => OfficeRoutine.OrdinaryDay(day);
}
