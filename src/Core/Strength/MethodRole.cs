namespace EntraStrongAuth.Core.Strength;

/// <summary>How a method takes part in a combination.</summary>
public enum MethodRole
{
    /// <summary>The whole sign-in (a one-mode combination) or its first step (password, federated single-factor).</summary>
    Primary,

    /// <summary>The second step after a password or federated single-factor sign-in.</summary>
    Secondary,
}
