using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// Which registered methods make a user "enrolled" and which let them sign in to register more. Read from the
/// method-modes table, not a list of kinds, so a new row (a new passkey type) is classified without code changes.
/// </summary>
internal static class StrongMethods
{
    // Multifactor on their own but never a second step, so the role test below misses them.
    private static readonly HashSet<string> MultifactorPrimaryModes = new() { "windowsHelloForBusiness", "deviceBasedPush" };

    /// <summary>
    /// A strong method can be a second factor or is multifactor by itself (the report's isMfaRegistered sense):
    /// password, email, Temporary Access Pass and QR code provide only first-step modes and do not count.
    /// </summary>
    public static bool IsStrong(RegisteredMethod method, UserMethodsPolicy policy, StrengthData data) =>
        StrongGrants(method, policy, data).Any();

    /// <summary>A strong method the policy enables, or a still-usable Temporary Access Pass: the user can sign in to My Security Info with it.</summary>
    public static bool CanBootstrap(RegisteredMethod method, UserMethodsPolicy policy, StrengthData data)
    {
        if (method.IsAssumed || method.IsUsable == false)
        {
            return false;
        }

        var entry = StrengthEvaluator.EntryOf(method, policy, data);
        var isTap = entry?.Provides.Any(g => g.Mode.StartsWith("temporaryAccessPass", System.StringComparison.Ordinal)) == true;
        return isTap
            ? policy.Meets("TemporaryAccessPass")
            : StrongGrants(method, policy, data).Any(g => g.EnabledBy(policy));
    }

    private static IEnumerable<ModeGrant> StrongGrants(RegisteredMethod method, UserMethodsPolicy policy, StrengthData data) =>
        StrengthEvaluator.EntryOf(method, policy, data)?.Provides
            .Where(g => g.Roles.Contains(MethodRole.Secondary) || MultifactorPrimaryModes.Contains(g.Mode))
        ?? Enumerable.Empty<ModeGrant>();
}
