using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.SignInGenerator.TenantAuth;

/// <summary>
/// The three built-in authentication strengths of a generated tenant. Their combinations come from the module's own
/// shipped table (src/Core/Data/authentication-strengths.json, the 19/4/3 combinations Graph documents), so the Graph
/// simulator answers exactly what Get-AuthenticationStrength shows offline; only the descriptions are the generator's.
/// Combination names stay strings, as in Graph.
/// </summary>
internal static class BuiltInStrengths
{
    public const string PasswordlessId = AuthenticationStrength.PasswordlessMfaId;

    public static readonly StrengthPolicy Multifactor = FromShipped(Strengths.MultifactorId,
        "Combinations of methods that satisfy strong authentication, such as a password + SMS");

    public static readonly StrengthPolicy Passwordless = FromShipped(PasswordlessId,
        "Passwordless methods that satisfy strong authentication, such as Passwordless sign-in with the Microsoft Authenticator");

    public static readonly StrengthPolicy PhishingResistant = FromShipped(Strengths.PhishingResistantId,
        "Phishing-resistant, Passwordless methods for the strongest authentication, such as a FIDO2 security key");

    public static IReadOnlyList<StrengthPolicy> All { get; } = new[] { Multifactor, Passwordless, PhishingResistant };

    private static StrengthPolicy FromShipped(string id, string description)
    {
        var shipped = StrengthData.BuiltIn.FindStrength(id)
            ?? throw new InvalidOperationException("The module's built-in strength table has no strength " + id + ".");
        return new StrengthPolicy(shipped.Id, shipped.DisplayName, description, BuiltIn: true, shipped.AllowedCombinations.ToArray());
    }
}
