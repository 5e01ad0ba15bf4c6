namespace EntraStrongAuth.Core.Readiness;

/// <summary>What enforcing a policy does to one subject (user, user and app, or app), from least to most disruptive.</summary>
public enum ReadinessVerdict
{
    /// <summary>Already meets the requirement: nothing changes for it.</summary>
    Ready,

    /// <summary>Can satisfy the requirement and will be asked to.</summary>
    WillPrompt,

    /// <summary>A person who must register a method first (MethodsToAdd says which).</summary>
    MustRegister,

    /// <summary>Will fail, whatever it registers: Reasons say why.</summary>
    WillBreak,
}
