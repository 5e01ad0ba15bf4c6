using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>The FIDO2 policy's keyRestrictions: an allow or block list of AAGUIDs.</summary>
public sealed class Fido2KeyRestrictions
{
    public Fido2KeyRestrictions(bool isEnforced, string enforcementType, IEnumerable<string> aaguids)
    {
        IsEnforced = isEnforced;
        EnforcementType = enforcementType ?? throw new ArgumentNullException(nameof(enforcementType));
        Aaguids = (aaguids ?? throw new ArgumentNullException(nameof(aaguids))).Select(a => a.Trim()).ToList();
    }

    public bool IsEnforced { get; }

    /// <summary>allow or block.</summary>
    public string EnforcementType { get; }

    public IReadOnlyList<string> Aaguids { get; }

    public bool IsAllowList => string.Equals(EnforcementType, "allow", StringComparison.OrdinalIgnoreCase);
}
