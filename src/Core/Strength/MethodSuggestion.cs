using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>A method to register (or, for an existing method, to allow) so that a combination of the strength can be completed.</summary>
public sealed class MethodSuggestion
{
    public MethodSuggestion(string label, string kind, IEnumerable<string> modes, string setUpBy, bool enabledByPolicy, string? restriction)
    {
        Label = label ?? throw new ArgumentNullException(nameof(label));
        Kind = kind ?? throw new ArgumentNullException(nameof(kind));
        Modes = (modes ?? throw new ArgumentNullException(nameof(modes))).ToList();
        SetUpBy = setUpBy ?? throw new ArgumentNullException(nameof(setUpBy));
        EnabledByPolicy = enabledByPolicy;
        Restriction = restriction;
    }

    /// <summary>For people: "FIDO2 security key (passkey)".</summary>
    public string Label { get; }

    /// <summary>The Graph kind or report value of the method-modes row (its first key).</summary>
    public string Kind { get; }

    /// <summary>The modes of the combination it fills.</summary>
    public IReadOnlyList<string> Modes { get; }

    /// <summary>user, administrator or device.</summary>
    public string SetUpBy { get; }

    /// <summary>False only among the additions that need a policy change first.</summary>
    public bool EnabledByPolicy { get; }

    /// <summary>What the strength or policy demands of it, e.g. the AAGUIDs a key must have; null when nothing.</summary>
    public string? Restriction { get; }

    public override string ToString() => Restriction is null ? Label : Label + " (" + Restriction + ")";
}
