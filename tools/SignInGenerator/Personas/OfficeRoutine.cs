namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// The everyday successes every human persona also has: a browser sign-in with MFA already in the session and the
/// background token refreshes of Outlook, Teams and OneDrive. They give the failures a realistic sea of successes.
/// </summary>
internal static class OfficeRoutine
{
    /// <summary>
    /// A day of ordinary activity. The chances are per day at activity 1 (a thinned tenant that keeps the committed
    /// samples small); --activity multiplies them, for a realistic share of successes in large files.
    /// </summary>
    public static void OrdinaryDay(DayContext day, double interactiveChance = 0.09, double silentChance = 0.09)
    {
        for (int round = 0; round < day.ActivityRounds; round++)
        {
            OrdinaryRound(day, interactiveChance * day.ActivityPerRound, silentChance * day.ActivityPerRound);
        }
    }

    private static void OrdinaryRound(DayContext day, double interactiveChance, double silentChance)
    {
        if (!day.IsWorkday)
        {
            if (day.Random.Chance(0.03))
            {
                SilentRefresh(day, day.At(10 + (day.Random.Next(10 * 3600) / 3600.0)), MicrosoftApps.OutlookMobile, MicrosoftApps.ExchangeOnline, Clients.OutlookOnIos, day.User.Home);
            }

            return;
        }

        var place = day.UsualPlace();
        if (day.Random.Chance(interactiveChance))
        {
            bool teams = day.Random.Chance(0.3);
            InteractiveSuccess(day, day.WorkingTime(), teams ? MicrosoftApps.Teams : MicrosoftApps.OfficeHome,
                teams ? MicrosoftApps.TeamsServices : MicrosoftApps.Office365Portal, teams ? Clients.TeamsDesktop : Clients.EdgeOnWindows, place);
        }

        if (day.Random.Chance(silentChance))
        {
            var (app, resource, client) = day.Random.Next(3) switch
            {
                0 => (MicrosoftApps.Office, MicrosoftApps.ExchangeOnline, Clients.OutlookDesktop),
                1 => (MicrosoftApps.Teams, MicrosoftApps.TeamsServices, Clients.TeamsDesktop),
                _ => (MicrosoftApps.OneDriveSync, MicrosoftApps.SharePointOnline, Clients.OneDriveSync),
            };
            SilentRefresh(day, day.WorkingTime(), app, resource, client, place);
        }
    }

    /// <summary>
    /// The first sign-in of an office day, with the given chance: Office in the browser at about 08:15 from the office
    /// (a trusted location, so no MFA is asked and the session stays single-factor).
    /// </summary>
    public static void MorningAtOffice(DayContext day, double chance)
    {
        if (day.Random.Chance(chance))
        {
            InteractiveSuccess(day, day.At(8.25, 1200), MicrosoftApps.OfficeHome, MicrosoftApps.Office365Portal, Clients.EdgeOnWindows, day.User.Office);
        }
    }

    /// <summary>An interactive sign-in that passes, with MFA met by the session's claim where policy asks for it.</summary>
    public static SignIn InteractiveSuccess(DayContext day, DateTime at, AppInfo app, AppInfo resource, ClientProfile client, Place place)
    {
        var signIn = day.Start(at, app, resource, client, place, interactive: true);
        if (ConditionalAccess.RequiresMfa(day.Tenant, signIn))
        {
            Outcome.Success(day, signIn, MfaProof.Mfa, AuthSteps.Password(at), AuthSteps.MfaByClaim(at));
        }
        else
        {
            Outcome.Success(day, signIn, MfaProof.None, AuthSteps.Password(at));
        }

        return signIn;
    }

    /// <summary>A background refresh; the device's PRT where the client presents the device, a refresh token otherwise.</summary>
    public static SignIn SilentRefresh(DayContext day, DateTime at, AppInfo app, AppInfo resource, ClientProfile client, Place place)
    {
        var signIn = day.Start(at, app, resource, client, place, interactive: false);
        signIn.IncomingTokenType = client.PresentsDevice && day.User.Device is not null ? "primaryRefreshToken" : "refreshToken";
        if (ConditionalAccess.RequiresMfa(day.Tenant, signIn))
        {
            Outcome.Success(day, signIn, MfaProof.Mfa, AuthSteps.TokenPrimary(at), AuthSteps.MfaByClaim(at));
        }
        else
        {
            Outcome.Success(day, signIn, MfaProof.None, AuthSteps.TokenPrimary(at));
        }

        return signIn;
    }
}
