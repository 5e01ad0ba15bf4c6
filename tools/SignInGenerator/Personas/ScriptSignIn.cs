namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// One sign-in of a script posing as a user (the headless personas of the --headless deck): it works while no
/// enforced policy asks for MFA and fails with 50076 once one does, since nothing can answer the prompt.
/// </summary>
internal static class ScriptSignIn
{
    public static readonly ExpectedFailure Failure = new(50076, FailureCause.HeadlessUserAccount, "a script signing in as a user; nobody can answer MFA");

    public static SignIn Run(DayContext day, DateTime at, AppInfo app, AppInfo resource, ClientProfile client, Place place, bool interactive, string? protocol = null)
    {
        var signIn = day.Start(at, app, resource, client, place, interactive);
        signIn.AuthenticationProtocol = protocol ?? signIn.AuthenticationProtocol;
        var primary = interactive ? AuthSteps.Password(at, cloudOnly: true) : AuthSteps.TokenPrimary(at);
        if (ConditionalAccess.RequiresMfa(day.Tenant, signIn))
        {
            Outcome.MfaPrompt(day, signIn, Failure.Code, Failure.Cause, primary);
        }
        else
        {
            Outcome.Success(day, signIn, MfaProof.None, primary);
        }

        return signIn;
    }

    /// <summary>A job every <paramref name="minutes"/> through the day on an HQ server (jittered, a run missed now and then), one sign-in a run.</summary>
    public static void RunEvery(DayContext day, double minutes, int jitterSeconds, double missChance, AppInfo app, AppInfo resource, ClientProfile client, bool interactive, string? protocol = null)
    {
        foreach (var at in Every(day, minutes, jitterSeconds, missChance))
        {
            Run(day, at, app, resource, client, Places.Headquarters, interactive, protocol);
        }
    }

    private static IEnumerable<DateTime> Every(DayContext day, double minutes, int jitterSeconds, double missChance)
    {
        for (double hour = minutes / 120; hour < 24; hour += minutes / 60)
        {
            if (!day.Random.Chance(missChance))
            {
                yield return day.At(hour, jitterSeconds);
            }
        }
    }
}
