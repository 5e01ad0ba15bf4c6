using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// One step of the diagnosis of a strong-authentication failure: what was looked at, what was found, what it rests
/// on, and what to do next (for Unknown: the permission, file or endpoint that would answer it).
/// </summary>
public sealed class DiagnosisStep
{
    public DiagnosisStep(int number, string name, DiagnosisStatus status, string finding, IEnumerable<string>? evidence = null, string? nextAction = null)
    {
        Number = number;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        StatusKind = status;
        Finding = finding ?? throw new ArgumentNullException(nameof(finding));
        Evidence = new TextList<string>(evidence ?? Array.Empty<string>());
        NextAction = nextAction;
    }

    /// <summary>1 to 7, the order of the standard diagnosis.</summary>
    public int Number { get; }

    public string Name { get; }

    public string Status => StatusKind.ToString();

    internal DiagnosisStatus StatusKind { get; }

    /// <summary>The step's answer in one or two sentences.</summary>
    public string Finding { get; }

    /// <summary>The facts the finding rests on (field = value, counts, names).</summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>What to do next; for an Unknown step, what would answer it.</summary>
    public string? NextAction { get; }

    public override string ToString() => Number + ". " + Name + ": " + Status + " - " + Finding;
}
