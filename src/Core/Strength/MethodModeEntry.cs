using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Strength;

/// <summary>One row of method-modes.json: a kind of registered method and the modes it can provide.</summary>
public sealed class MethodModeEntry
{
    public MethodModeEntry(
        string label,
        IEnumerable<string> keys,
        IEnumerable<ModeGrant> provides,
        bool suggest,
        string setUpBy,
        string? limitation = null,
        string? ambiguity = null,
        IEnumerable<string>? aaguids = null,
        string? note = null,
        string? source = null)
    {
        Label = label ?? throw new ArgumentNullException(nameof(label));
        Keys = (keys ?? throw new ArgumentNullException(nameof(keys))).ToList();
        Provides = (provides ?? throw new ArgumentNullException(nameof(provides))).ToList();
        Suggest = suggest;
        SetUpBy = setUpBy ?? throw new ArgumentNullException(nameof(setUpBy));
        Limitation = limitation;
        Ambiguity = ambiguity;
        Aaguids = aaguids?.ToList() ?? new List<string>();
        Note = note;
        Source = source;
    }

    public string Label { get; }

    /// <summary>Graph kinds (with /variant) and registration-report values this row describes.</summary>
    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<ModeGrant> Provides { get; }

    /// <summary>Whether to propose it as a method to register.</summary>
    public bool Suggest { get; }

    /// <summary>user, administrator or device: who sets the method up.</summary>
    public string SetUpBy { get; }

    /// <summary>A reason code (e.g. OnlyOnRegisteredDevice) that applies even when the method counts.</summary>
    public string? Limitation { get; }

    /// <summary>Why the mapping of this row is a guess (the data does not say enough); reported as an uncertainty.</summary>
    public string? Ambiguity { get; }

    /// <summary>The AAGUIDs a method of this row always has (passkey in Authenticator); empty when the user picks the model.</summary>
    public IReadOnlyList<string> Aaguids { get; }

    public string? Note { get; }

    public string? Source { get; }

    public override string ToString() => Label;
}
