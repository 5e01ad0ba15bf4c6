using System.Collections.Generic;

namespace EntraStrongAuth.Core.Strength;

/// <summary>A mode one registered method can provide for this user, in the given roles.</summary>
internal sealed class Capability
{
    public Capability(RegisteredMethod method, MethodModeEntry? entry, ModeGrant? grant, string mode, IReadOnlyList<MethodRole> roles)
    {
        Method = method;
        Entry = entry;
        Grant = grant;
        Mode = mode;
        Roles = roles;
    }

    public RegisteredMethod Method { get; }

    /// <summary>Null for federation, which is no registered method.</summary>
    public MethodModeEntry? Entry { get; }

    public ModeGrant? Grant { get; }

    public string Mode { get; }

    public IReadOnlyList<MethodRole> Roles { get; }
}
