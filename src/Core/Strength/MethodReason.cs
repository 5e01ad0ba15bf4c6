namespace EntraStrongAuth.Core.Strength;

/// <summary>Why a registered method does not count toward a strength, or what limits it when it does.</summary>
public enum MethodReason
{
    /// <summary>The Authentication methods policy does not enable the method (or the needed mode of it) for this user.</summary>
    DisabledByPolicy,

    /// <summary>The method works, but none of its modes is in any of the strength's combinations.</summary>
    NotAllowedByStrength,

    /// <summary>Not a sign-in or MFA method for this user (an email address of a member).</summary>
    NotMfaCapable,

    /// <summary>Counts, but only as the primary sign-in on the device where it was set up (Windows Hello, macOS Platform Credential).</summary>
    OnlyOnRegisteredDevice,

    /// <summary>The strength's combinationConfigurations exclude it (FIDO2 AAGUID or certificate issuer / policy OID not allowed).</summary>
    RestrictedByCombinationConfiguration,

    /// <summary>The FIDO2 policy's key restrictions block this key model.</summary>
    BlockedByKeyRestrictions,

    /// <summary>The method's mode fits a combination only together with another method the user does not have (password + …).</summary>
    NeedsAnotherMethod,

    /// <summary>A text-message number that is not ready for SMS sign-in (smsSignInState), needed by a one-method 'sms' combination.</summary>
    SmsSignInNotReady,

    /// <summary>A Temporary Access Pass that is expired or used up.</summary>
    NotUsable,

    /// <summary>The method has no authentication method mode at all (security questions, app passwords, external MFA).</summary>
    NoAuthenticationMode,

    /// <summary>The kind is not in the method-modes table; it was not counted.</summary>
    UnknownMethodKind,
}
