namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// A remote worker who leaves Outlook and Teams open overnight; the 8-hour sign-in frequency of CA001 has expired
/// the session by morning, so the background refreshes fail (70044, 70043, sometimes 50078) until they sign in again.
/// </summary>
internal sealed class SignInFrequencyUser : Persona
{
    private static readonly SessionLifetime SignInFrequency = new("signInFrequencyPeriodicReauthentication", "Sign-in frequency is set to 8 hours");

    public SignInFrequencyUser()
        : base("SignInFrequencyUser",
            "Remote worker (home network, so CA001 and its 8 h sign-in frequency apply) leaving Outlook and Teams running overnight: "
            + "at 07:00 the refreshes fail 70044 / 70043 (and sometimes 50078, MFA claim expired) with sessionLifetimePolicies "
            + "signInFrequencyPeriodicReauthentication; once after a password reset 50173; signs in again with a push around 08:00.",
            new ExpectedFailure(70044, FailureCause.StaleSessionClaims, "session older than the sign-in frequency"),
            new ExpectedFailure(70043, FailureCause.StaleSessionClaims, "refresh token older than the sign-in frequency"),
            new ExpectedFailure(50078, FailureCause.StaleSessionClaims, "MFA claim older than the policy allows"),
            new ExpectedFailure(50173, FailureCause.StaleSessionClaims, "grant revoked by a password reset"))
    {
    }

    public override void Generate(DayContext day)
    {
        if (!day.IsWorkday)
        {
            return;
        }

        var at = day.At(7.1, 600);
        if (day.Sometimes(0.35))
        {
            Stale(day, at, MicrosoftApps.Office, MicrosoftApps.ExchangeOnline, Clients.OutlookDesktop, 70044, MfaProof.Mfa,
                AuthSteps.TokenRejected(at, "Session expired due to sign-in frequency"));
        }

        if (day.Sometimes(0.2))
        {
            at = at.AddMinutes(day.Random.Between(1, 20));
            Stale(day, at, MicrosoftApps.Teams, MicrosoftApps.TeamsServices, Clients.TeamsDesktop, 70043, MfaProof.Mfa,
                AuthSteps.TokenRejected(at, "Refresh token expired due to sign-in frequency"));
        }

        if (day.Sometimes(0.1))
        {
            at = at.AddMinutes(day.Random.Between(1, 10));
            Stale(day, at, MicrosoftApps.OneDriveSync, MicrosoftApps.SharePointOnline, Clients.OneDriveSync, 50078, MfaProof.None,
                AuthSteps.TokenPrimary(at), AuthSteps.MfaClaimExpired(at));
        }

        if (day.IsAnchorDay)
        {
            // The password was reset the evening before: the old grant is revoked.
            at = at.AddMinutes(day.Random.Between(1, 5));
            Stale(day, at, MicrosoftApps.OutlookMobile, MicrosoftApps.ExchangeOnline, Clients.OutlookOnIos, 50173, MfaProof.Mfa,
                AuthSteps.TokenRejected(at, "Grant revoked"));
        }

        if (day.Sometimes(0.6))
        {
            var signInAt = day.At(8, 900);
            var signIn = day.Start(signInAt, MicrosoftApps.OfficeHome, MicrosoftApps.Office365Portal, Clients.EdgeOnWindows, day.User.Home, interactive: true);
            signIn.SessionLifetimePolicies.Add(SignInFrequency);
            Outcome.Success(day, signIn, MfaProof.Mfa, AuthSteps.Password(signInAt), AuthSteps.PushApproved(signInAt.AddSeconds(12)));
        }
    }

    private static void Stale(DayContext day, DateTime at, AppInfo app, AppInfo resource, ClientProfile client, int code, MfaProof proof, params AuthStep[] steps)
    {
        var signIn = day.Start(at, app, resource, client, day.User.Home, interactive: false);
        signIn.IncomingTokenType = client.PresentsDevice ? "primaryRefreshToken" : "refreshToken";
        signIn.SessionLifetimePolicies.Add(SignInFrequency);
        Outcome.Failure(day, signIn, code, FailureCause.StaleSessionClaims, proof, steps);
    }
}
