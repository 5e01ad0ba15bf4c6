using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Diagnosis;

namespace EntraStrongAuth.Core.Readiness;

/// <summary>One app in a readiness summary: its users by verdict and its observed recovery after silent interrupts.</summary>
public sealed class AppReadiness
{
    internal AppReadiness(IReadOnlyList<ReadinessResult> results)
    {
        AppId = results[0].AppId;
        AppDisplayName = results.Select(r => r.AppDisplayName).FirstOrDefault(n => n is not null);
        Users = results.Count;
        WillBreak = results.Count(r => r.VerdictKind == ReadinessVerdict.WillBreak);
        MustRegister = results.Count(r => r.VerdictKind == ReadinessVerdict.MustRegister);
        Recovery = results.Select(r => r.AppRecovery).FirstOrDefault(r => r is not null);
    }

    public string? AppId { get; }

    public string? AppDisplayName { get; }

    /// <summary>Users of the app in the policy's scope.</summary>
    public int Users { get; }

    public int WillBreak { get; }

    public int MustRegister { get; }

    /// <summary>How often the app fell back to an interactive sign-in after a silent interrupt; null when it had none.</summary>
    public double? RecoveryRate => Recovery?.Rate;

    public AppRecovery? Recovery { get; }

    public override string ToString() =>
        (AppDisplayName ?? AppId) + ": " + Users + " users, " + WillBreak + " break" + (RecoveryRate is { } rate ? ", falls back after " + rate.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) + " of " + Recovery!.SilentInterrupts + " silent interrupts" : string.Empty);
}
