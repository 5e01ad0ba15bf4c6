using System;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>One fix, for one audience.</summary>
public sealed class DiagnosisFix
{
    public DiagnosisFix(FixAudience audience, string action)
    {
        Audience = audience;
        Action = action ?? throw new ArgumentNullException(nameof(action));
    }

    public FixAudience Audience { get; }

    public string Action { get; }

    public override string ToString() => Audience + ": " + Action;
}
