namespace EntraStrongAuth.Core.Aadsts;

/// <summary>Whether a person at a browser can resolve the error themselves. Headless callers never can.</summary>
public enum InteractiveFix
{
    /// <summary>The user can complete the missing step (MFA, registration, re-sign-in).</summary>
    Yes,

    /// <summary>Only with the right client, device or location (a broker, an enrolled device, a trusted network).</summary>
    Partial,

    /// <summary>Only an administrator or a configuration change can resolve it.</summary>
    No,

    /// <summary>Nothing to fix: the interrupt is part of a normal sign-in.</summary>
    NotApplicable,
}
