using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Readiness;

/// <summary>Test-StrongAuthReadiness -Summary: the verdicts counted, the reasons to break counted, and what was set aside.</summary>
public sealed class ReadinessSummary
{
    internal ReadinessSummary(string policy, IReadOnlyList<ReadinessResult> results, int usersOutOfScope, int signInsOutOfScope)
    {
        Policy = policy;
        Subjects = results.Count;
        Users = results.Select(r => r.UserId ?? r.UserPrincipalName).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        // Keyed by name: ConvertTo-Json refuses dictionaries whose keys are not strings.
        ByVerdict = new TextMap(Enum.GetValues(typeof(ReadinessVerdict)).Cast<ReadinessVerdict>().ToDictionary(v => v.ToString(), v => results.Count(r => r.VerdictKind == v), StringComparer.OrdinalIgnoreCase));
        ByReason = new TextMap(Enum.GetValues(typeof(BreakReason)).Cast<BreakReason>().ToDictionary(v => v.ToString(), v => results.Count(r => r.ReasonKinds.Contains(v)), StringComparer.OrdinalIgnoreCase));
        UsersOutOfScope = usersOutOfScope;
        SignInsOutOfScope = signInsOutOfScope;
        Breaking = new TextList<string>(results.Where(r => r.VerdictKind == ReadinessVerdict.WillBreak).Select(r => r.ToString()));
        Apps = new TextList<AppReadiness>(results.GroupBy(r => r.AppId ?? string.Empty, StringComparer.OrdinalIgnoreCase).Select(g => new AppReadiness(g.ToList())).OrderByDescending(a => a.WillBreak).ThenByDescending(a => a.Users), Environment.NewLine);
    }

    public string Policy { get; }

    /// <summary>User and app pairs assessed.</summary>
    public int Subjects { get; }

    public int Users { get; }

    /// <summary>Subjects per verdict, keyed by the verdict's name.</summary>
    public IReadOnlyDictionary<string, int> ByVerdict { get; }

    public int Ready => ByVerdict[nameof(ReadinessVerdict.Ready)];

    public int WillPrompt => ByVerdict[nameof(ReadinessVerdict.WillPrompt)];

    public int MustRegister => ByVerdict[nameof(ReadinessVerdict.MustRegister)];

    public int WillBreak => ByVerdict[nameof(ReadinessVerdict.WillBreak)];

    /// <summary>Subjects per reason to break (a subject can have several).</summary>
    public IReadOnlyDictionary<string, int> ByReason { get; }

    /// <summary>Users who signed in but are outside the policy's user scope.</summary>
    public int UsersOutOfScope { get; }

    /// <summary>Sign-ins to apps or over clients outside the policy's application and client conditions.</summary>
    public int SignInsOutOfScope { get; }

    /// <summary>Per app: its users in scope, how many break, and its observed recovery rate after silent interrupts.</summary>
    public IReadOnlyList<AppReadiness> Apps { get; }

    /// <summary>The subjects that will break, one line each.</summary>
    public IReadOnlyList<string> Breaking { get; }

    public override string ToString() => Policy + ": " + Ready + " ready, " + WillPrompt + " will prompt, " + MustRegister + " must register, " + WillBreak + " will break";
}
