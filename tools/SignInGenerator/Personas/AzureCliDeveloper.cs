namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// Hard negative: an engineer who runs az login every working morning (browser, MFA answered), after which Azure CLI
/// refreshes its token silently while they work — an automation app and a scripting user agent, but a person.
/// </summary>
internal sealed class AzureCliDeveloper : Persona
{
    public AzureCliDeveloper()
        : base("AzureCliDeveloper", "Engineer: interactive az login at about 08:30 each working day (browser, push approved), then 3-8 silent "
            + "Azure CLI refreshes to ARM through the day; an ordinary office day besides. Successes only.")
    {
    }

    public override void Generate(DayContext day)
    {
        OfficeRoutine.OrdinaryDay(day);
        if (!day.IsWorkday)
        {
            return;
        }

        var place = day.UsualPlace();
        var at = day.At(8.5, 1800);
        var login = day.Start(at, MicrosoftApps.AzureCli, MicrosoftApps.AzureManagement, Clients.EdgeOnWindows, place, interactive: true);
        Outcome.Success(day, login, MfaProof.Mfa, AuthSteps.Password(at), AuthSteps.PushApproved(at.AddSeconds(8)));
        for (int i = day.Random.Between(3, 8); i > 0; i--)
        {
            at = at.AddMinutes(day.Random.Between(20, 90));
            OfficeRoutine.SilentRefresh(day, at < day.Day.AddHours(23) ? at : day.Day.AddHours(23), MicrosoftApps.AzureCli, MicrosoftApps.AzureManagement, Clients.AzureCliWindows, place);
        }
    }
}
