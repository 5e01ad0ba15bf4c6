using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>Helpers for combination strings (<c>password,sms</c>): modes joined by commas, in Graph's spelling.</summary>
public static class StrengthCombination
{
    /// <summary>Modes that are the first step of a two-step combination; the other mode of the pair is the second step.</summary>
    private static readonly HashSet<string> FirstSteps = new(StringComparer.OrdinalIgnoreCase) { "password", "federatedSingleFactor" };

    /// <summary>The modes of a combination, trimmed, in written order.</summary>
    public static IReadOnlyList<string> Modes(string combination) =>
        (combination ?? string.Empty).Split(',').Select(m => m.Trim()).Where(m => m.Length > 0).ToList();

    /// <summary>The combination without stray spaces (the advanced-options doc sample has <c>" x509CertificateMultiFactor "</c>).</summary>
    public static string Normalize(string combination) => string.Join(",", Modes(combination));

    /// <summary>
    /// The role a mode plays in a combination: a one-mode combination is a whole sign-in (primary); in a pair,
    /// password or federated single-factor is the first step and the other mode the second. Every pair Graph offers
    /// has that shape (authenticationStrengthRoot.authenticationCombinations).
    /// </summary>
    public static MethodRole RoleOf(string mode, int modesInCombination) =>
        modesInCombination <= 1 || FirstSteps.Contains(mode) ? MethodRole.Primary : MethodRole.Secondary;
}
