using System;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>One fix, for one audience.</summary>
public sealed class DiagnosisFix
{
    public DiagnosisFix(FixAudience audience, string action)
    {
        AudienceKind = audience;
        Action = action ?? throw new ArgumentNullException(nameof(action));
    }

    public string Audience => AudienceKind.ToString();

    internal FixAudience AudienceKind { get; }

    public string Action { get; }

    public override string ToString() => Audience + ": " + Action;
}
