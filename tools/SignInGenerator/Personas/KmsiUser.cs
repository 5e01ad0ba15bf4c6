namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// The interrupts Entra raises by design: "Stay signed in?" (50140) in the browser and the confirmation before a
/// redirect to a mobile app (50199). Each is followed seconds later by the success in the same correlation.
/// </summary>
internal sealed class KmsiUser : Persona
{
    public KmsiUser()
        : base("KmsiUser",
            "Browser user who meets the \"Stay signed in?\" prompt each morning (50140 then success within seconds) and the "
            + "redirect confirmation in Outlook for iOS (50199 then success). Pure noise: BenignInterrupt.",
            new ExpectedFailure(50140, FailureCause.BenignInterrupt, "Keep me signed in prompt; success follows"),
            new ExpectedFailure(50199, FailureCause.BenignInterrupt, "redirect confirmation; success follows"))
    {
    }

    public override void Generate(DayContext day)
    {
        OfficeRoutine.OrdinaryDay(day, interactiveChance: 0, silentChance: 0.25);
        if (day.IsWorkday && day.Sometimes(0.25))
        {
            Interrupted(day, day.At(8.5, 1800), MicrosoftApps.OfficeHome, MicrosoftApps.Office365Portal, Clients.EdgeOnWindows, day.UsualPlace(), 50140, 4, 15);
        }

        if (day.Sometimes(0.1))
        {
            Interrupted(day, day.At(19, 3600), MicrosoftApps.OutlookMobile, MicrosoftApps.ExchangeOnline, Clients.OutlookOnIos, day.User.Home, 50199, 5, 20);
        }
    }

    private static void Interrupted(DayContext day, DateTime at, AppInfo app, AppInfo resource, ClientProfile client, Place place,
        int code, int minSeconds, int maxSeconds)
    {
        // The interrupt comes after authentication, so the steps (and CA) already read as a success.
        var interrupt = day.Start(at, app, resource, client, place, interactive: true);
        bool mfa = ConditionalAccess.RequiresMfa(day.Tenant, interrupt);
        var proof = mfa ? MfaProof.Mfa : MfaProof.None;
        Outcome.Failure(day, interrupt, code, FailureCause.BenignInterrupt, proof, Steps(at, mfa));
        var success = day.FollowUp(interrupt, day.Random.Between(minSeconds, maxSeconds));
        Outcome.Success(day, success, proof, Steps(at, mfa));
        Outcome.Resolve(interrupt, success);
    }

    private static AuthStep[] Steps(DateTime at, bool mfa) =>
        mfa ? new[] { AuthSteps.Password(at), AuthSteps.MfaByClaim(at) } : new[] { AuthSteps.Password(at) };
}
