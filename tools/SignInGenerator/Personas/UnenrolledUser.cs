namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// A new hire who never registered an MFA method. Fine inside the office where no MFA is asked; at Contoso Finance
/// the strength policy sends them to registration (50072), from home the all-users policy cannot be met (50079).
/// </summary>
internal sealed class UnenrolledUser : Persona
{
    public UnenrolledUser()
        : base("UnenrolledUser",
            "New hire with no registered method: single-factor successes in the office; Contoso Finance returns 50072 "
            + "(strength result singleRegistrationRequired), Office from home returns 50079; registration is never finished.",
            new ExpectedFailure(50072, FailureCause.IncompleteEnrollment, "registration interrupt, strength singleRegistrationRequired"),
            new ExpectedFailure(50079, FailureCause.IncompleteEnrollment, "MFA required, no method registered"))
    {
    }

    public override AccountProfile Account => new(AccountKind.Member, AuthMethods.None);

    public override void Generate(DayContext day)
    {
        if (!day.IsWorkday)
        {
            return;
        }

        OfficeRoutine.MorningAtOffice(day, 0.6);
        if (day.Sometimes(0.2))
        {
            var at = day.At(11, 3600);
            var signIn = day.Start(at, day.Tenant.Apps.Finance, day.Tenant.Apps.Finance, Clients.EdgeOnWindows, day.User.Office, interactive: true);
            Outcome.Failure(day, signIn, 50072, FailureCause.IncompleteEnrollment, MfaProof.None, AuthSteps.Password(at), AuthSteps.RegistrationPrompted(at));
        }

        if (day.Sometimes(0.15))
        {
            var at = day.At(19.5, 1800);
            var signIn = day.Start(at, MicrosoftApps.OfficeHome, MicrosoftApps.Office365Portal, Clients.EdgeOnWindows, day.User.Home, interactive: true);
            Outcome.Failure(day, signIn, 50079, FailureCause.IncompleteEnrollment, MfaProof.None, AuthSteps.Password(at), AuthSteps.NoMethodRegistered(at));
        }
    }
}
