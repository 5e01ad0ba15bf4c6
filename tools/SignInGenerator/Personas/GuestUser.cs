namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>
/// A B2B guest from the partner tenant. The all-users MFA policy (CA001, guests included) asks for MFA in this tenant
/// because inbound MFA trust is off: some prompts are answered, some abandoned. The second variant uses an account that
/// was never invited, which is not a strong-authentication problem at all (90072).
/// </summary>
internal sealed class GuestUser : Persona
{
    private readonly bool notInvited;

    public GuestUser(bool notInvited)
        : base(notInvited ? "GuestWrongAccount" : "GuestUser",
            notInvited
                ? "Partner employee opening a shared SharePoint link with their home account, which was never invited: 90072, "
                  + "no policy evaluated. Not a strong-authentication failure."
                : "B2B guest (userType guest, crossTenantAccessType b2bCollaboration) from the partner tenant opening SharePoint; "
                  + "CA001 requires MFA of guests too and home-tenant MFA is not trusted: 50076, answered within a minute or abandoned.",
            notInvited
                ? new[] { new ExpectedFailure(90072, FailureCause.Other, "the account is not a guest in this tenant; no MFA was ever asked") }
                : new[]
                {
                    new ExpectedFailure(50076, FailureCause.PolicyStepUp, "MFA policy in the resource tenant; prompt abandoned"),
                    new ExpectedFailure(50076, FailureCause.BenignInterrupt, "guest answered the prompt; success in the same correlation"),
                })
        => this.notInvited = notInvited;

    public override AccountProfile Account => new(AccountKind.Guest, notInvited ? AuthMethods.None : AuthMethods.AuthenticatorPush)
    {
        NotInTenant = notInvited,
    };

    public override void Generate(DayContext day)
    {
        if (!day.IsWorkday || !day.Sometimes(0.25))
        {
            return;
        }

        var signIn = OpenSharePoint(day, day.At(16.5, 3600));
        if (notInvited)
        {
            Outcome.FailureBeforePolicies(signIn, 90072, FailureCause.Other);
            return;
        }

        bool answers = day.IsAnchorDay || day.Random.Chance(0.5);
        Outcome.MfaPrompt(day, signIn, 50076, answers ? FailureCause.BenignInterrupt : FailureCause.PolicyStepUp);
        if (answers)
        {
            Outcome.PromptAnswered(day, signIn, 20, 50);
        }

        if (day.IsAnchorDay)
        {
            Outcome.MfaPrompt(day, OpenSharePoint(day, day.At(17.5, 600)), 50076, FailureCause.PolicyStepUp);
        }
    }

    private static SignIn OpenSharePoint(DayContext day, DateTime at) =>
        day.Start(at, MicrosoftApps.SharePointOnline, MicrosoftApps.SharePointOnline, Clients.ChromeOnMac, day.User.Home, interactive: true);
}
