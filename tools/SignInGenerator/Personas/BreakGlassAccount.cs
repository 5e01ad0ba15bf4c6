namespace EntraStrongAuth.SignInGenerator.Personas;

/// <summary>The emergency access account: excluded from every policy, signs in only for its periodic test, with a FIDO2 key.</summary>
internal sealed class BreakGlassAccount : Persona
{
    public BreakGlassAccount()
        : base("BreakGlass",
            "Cloud-only emergency access account excluded from all CA policies; one test sign-in to the Azure portal with a "
            + "FIDO2 security key from HQ on the newest working day. Successes only; must never be flagged.")
    {
    }

    public override AccountProfile Account => new(AccountKind.BreakGlass, AuthMethods.Fido2) { UpnPrefix = "breakglass01", IsAdmin = true, HasDevice = false };

    public override void Generate(DayContext day)
    {
        if (day.IsAnchorDay)
        {
            var at = day.At(10, 600);
            var signIn = day.Start(at, MicrosoftApps.AzurePortal, MicrosoftApps.AzureManagement, Clients.EdgeOnWindows, Places.Headquarters, interactive: true);
            Outcome.Success(day, signIn, MfaProof.PhishingResistant, AuthSteps.Fido2(at));
        }
    }
}
