namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// Hard negative: a field worker who lives on their phone. Outlook refreshes its token all day at home and on the
/// mobile network, and in the window they never sign in interactively — silent, deviceless, but a person.
/// </summary>
internal sealed class MobileUser : Persona
{
    public MobileUser()
        : base("MobileUser", "Field worker on a phone: Outlook for iOS refreshes every 40-100 min from 07:00 to 23:00, at home or on the "
            + "mobile network, no interactive sign-in in the window. Successes only.")
    {
    }

    public override AccountProfile Account => AccountProfile.Member with { HasDevice = false };

    public override void Generate(DayContext day)
    {
        for (double hour = 7 + (day.Random.Next(60) / 60.0); hour < 23; hour += day.Random.Between(40, 100) / 60.0)
        {
            var place = day.Random.Chance(0.5) ? Places.MobileNetwork : day.User.Home;
            OfficeRoutine.SilentRefresh(day, day.At(hour), MicrosoftApps.OutlookMobile, MicrosoftApps.ExchangeOnline, Clients.OutlookOnIos, place);
        }
    }
}
