using EntraStrongAuth.SignInGenerator.TenantAuth;

namespace EntraStrongAuth.SignInGenerator.Readiness;

/// <summary>
/// What a policy asks of a user, in the generator's terms: any MFA method (the mfa grant or the Multifactor strength),
/// a phishing-resistant method (FIDO2 or Windows Hello), or one of the tenant's approved FIDO2 keys (the custom
/// strength). The methods policy enables FIDO2 for the passwordless pilot only and disables certificates; Authenticator,
/// phone and OATH are enabled for everyone; Windows Hello is not governed by it.
/// </summary>
internal sealed record Demand(bool PhishingResistant, bool ApprovedKeyOnly)
{
    private static readonly MethodKind[] MfaMethods = { MethodKind.MicrosoftAuthenticator, MethodKind.Phone, MethodKind.SoftwareOath };

    public static Demand Of(CaPolicy policy, TenantAuthData auth)
    {
        var strength = policy.StrengthId is null ? null : auth.Strengths.FirstOrDefault(s => s.Id == policy.StrengthId);
        return strength switch
        {
            null => new Demand(false, false),
            { BuiltIn: false } => new Demand(true, true),
            _ => new Demand(strength.Id == Strengths.PhishingResistantId, false),
        };
    }

    /// <summary>Whether some registration would meet it: a FIDO2 demand needs FIDO2 enabled for the user (or, built-in, Windows Hello registered).</summary>
    public bool Satisfiable(TenantUser user, UserAuth? registered, TenantAuthData auth) =>
        !PhishingResistant || auth.Fido2EnabledFor(user) || (!ApprovedKeyOnly && registered?.Has(MethodKind.WindowsHelloForBusiness) == true);

    /// <summary>Whether the user already has a method, enabled for them, that meets it.</summary>
    public bool Registered(UserAuth? registered, TenantAuthData auth)
    {
        if (registered is null)
        {
            return false;
        }

        bool usableKey = auth.Fido2EnabledFor(registered.User) && registered.Methods.Any(m => m.Kind == MethodKind.Fido2 && auth.ApprovedAaGuids.Contains(m.Detail));
        bool hello = registered.Has(MethodKind.WindowsHelloForBusiness);
        return ApprovedKeyOnly ? usableKey
            : PhishingResistant ? usableKey || hello
            : usableKey || hello || MfaMethods.Any(registered.Has);
    }

    /// <summary>Whether a success's proof already meets it.</summary>
    public bool Proves(MfaProof proof) => proof >= (PhishingResistant ? MfaProof.PhishingResistant : MfaProof.Mfa);
}
