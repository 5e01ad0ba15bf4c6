using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>A mode a method can provide, in which roles, and the policy requirements (any one) that enable it.</summary>
public sealed class ModeGrant
{
    public ModeGrant(string mode, IEnumerable<MethodRole> roles, IEnumerable<string> policy, bool guestsOnly = false)
    {
        Mode = mode ?? throw new ArgumentNullException(nameof(mode));
        Roles = (roles ?? throw new ArgumentNullException(nameof(roles))).ToList();
        Policy = (policy ?? throw new ArgumentNullException(nameof(policy))).ToList();
        GuestsOnly = guestsOnly;
    }

    public string Mode { get; }

    public IReadOnlyList<MethodRole> Roles { get; }

    /// <summary>Requirement names (see <see cref="UserMethodsPolicy.RequirementNames"/>); empty: not governed by the policy.</summary>
    public IReadOnlyList<string> Policy { get; }

    /// <summary>Only external (guest) users get this mode (email one-time passcode).</summary>
    public bool GuestsOnly { get; }

    public bool EnabledBy(UserMethodsPolicy policy) =>
        Policy.Count == 0 || Policy.Any((policy ?? throw new ArgumentNullException(nameof(policy))).Meets);
}
