namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// A user whose password leaked: at night someone replays it from a rented server and floods the phone with pushes,
/// which the user declines or ignores (500121). By day the user also misses one genuine prompt and retries.
/// </summary>
internal sealed class MfaFatigueTarget : Persona
{
    private static readonly Risk Risky = new("medium", "medium", "atRisk", "none", new[] { "unfamiliarFeatures" });

    public MfaFatigueTarget()
        : base("MfaFatigueTarget",
            "Victim of push spamming: bursts of 3-4 night-time sign-ins from an unfamiliar host (risk medium), each 500121 with "
            + "\"user declined\" or \"didn't respond\"; also one genuine missed prompt by day, retried successfully.",
            new ExpectedFailure(500121, FailureCause.MfaAttemptFailed, "push declined or not answered"))
    {
    }

    public override void Generate(DayContext day)
    {
        OfficeRoutine.OrdinaryDay(day);
        if (day.Sometimes(0.05))
        {
            var at = day.At(2.25, 1800);
            int attempts = day.Random.Between(3, 4);
            for (int i = 0; i < attempts; i++)
            {
                var signIn = Portal(day, at, Clients.AttackerBrowser, Places.AttackerHost);
                signIn.Risk = Risky;
                Denied(day, signIn, day.Random.Chance(0.6) ? AuthSteps.Declined : AuthSteps.NoResponse);
                at = at.AddSeconds(day.Random.Between(70, 200));
            }
        }

        if (day.IsWorkday && day.Sometimes(0.08))
        {
            var at = day.WorkingTime();
            Denied(day, Portal(day, at, Clients.EdgeOnWindows, day.User.Home), AuthSteps.NoResponse);
            var retryAt = at.AddSeconds(day.Random.Between(90, 180));
            Outcome.Success(day, Portal(day, retryAt, Clients.EdgeOnWindows, day.User.Home), MfaProof.Mfa,
                AuthSteps.Password(retryAt), AuthSteps.PushApproved(retryAt.AddSeconds(9)));
        }
    }

    private static SignIn Portal(DayContext day, DateTime at, ClientProfile client, Place place) =>
        day.Start(at, MicrosoftApps.OfficeHome, MicrosoftApps.Office365Portal, client, place, interactive: true);

    private static void Denied(DayContext day, SignIn signIn, string detail)
    {
        var at = signIn.CreatedDateTime;
        Outcome.Failure(day, signIn, 500121, FailureCause.MfaAttemptFailed, MfaProof.None,
            AuthSteps.Password(at), AuthSteps.PushDenied(at.AddSeconds(day.Random.Between(10, 60)), detail));
    }
}
