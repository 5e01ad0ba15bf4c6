using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>One mode of one combination, the role it plays there, and the combination configurations that restrict it.</summary>
internal sealed class StrengthSlot
{
    private StrengthSlot(string combination, string mode, MethodRole role, IReadOnlyList<CombinationConfiguration> configurations)
    {
        Combination = combination;
        Mode = mode;
        Role = role;
        Configurations = configurations;
    }

    public string Combination { get; }

    public string Mode { get; }

    public MethodRole Role { get; }

    public IReadOnlyList<CombinationConfiguration> Configurations { get; }

    public static IReadOnlyList<StrengthSlot> Of(AuthenticationStrength strength, string combination)
    {
        var modes = StrengthCombination.Modes(combination);
        return modes
            .Select(mode => new StrengthSlot(
                combination,
                mode,
                StrengthCombination.RoleOf(mode, modes.Count),
                strength.CombinationConfigurations.Where(c => c.AppliesTo(combination) && Restricts(c, mode)).ToList()))
            .ToList();
    }

    public bool Takes(Capability capability) =>
        string.Equals(capability.Mode, Mode, StringComparison.OrdinalIgnoreCase) && capability.Roles.Contains(Role);

    public bool Allows(RegisteredMethod method) => Configurations.All(c => c.Allows(method));

    /// <summary>A FIDO2 configuration restricts the fido2 mode; a certificate one the certificate modes (not the password beside them).</summary>
    private static bool Restricts(CombinationConfiguration configuration, string mode) =>
        configuration.IsFido2
            ? string.Equals(mode, "fido2", StringComparison.OrdinalIgnoreCase)
            : mode.StartsWith("x509Certificate", StringComparison.OrdinalIgnoreCase);
}
