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
        ByVerdict = Enum.GetValues(typeof(ReadinessVerdict)).Cast<ReadinessVerdict>().ToDictionary(v => v, v => results.Count(r => r.Verdict == v));
        ByReason = Enum.GetValues(typeof(BreakReason)).Cast<BreakReason>().ToDictionary(v => v, v => results.Count(r => r.Reasons.Contains(v)));
        UsersOutOfScope = usersOutOfScope;
        SignInsOutOfScope = signInsOutOfScope;
        Breaking = new TextList<string>(results.Where(r => r.Verdict == ReadinessVerdict.WillBreak).Select(r => r.ToString()));
        Apps = new TextList<AppReadiness>(results.GroupBy(r => r.AppId ?? string.Empty, StringComparer.OrdinalIgnoreCase).Select(g => new AppReadiness(g.ToList())).OrderByDescending(a => a.WillBreak).ThenByDescending(a => a.Users), Environment.NewLine);
    }

    public string Policy { get; }

    /// <summary>User and app pairs assessed.</summary>
    public int Subjects { get; }

    public int Users { get; }

    public IReadOnlyDictionary<ReadinessVerdict, int> ByVerdict { get; }

    public int Ready => ByVerdict[ReadinessVerdict.Ready];

    public int WillPrompt => ByVerdict[ReadinessVerdict.WillPrompt];

    public int MustRegister => ByVerdict[ReadinessVerdict.MustRegister];

    public int WillBreak => ByVerdict[ReadinessVerdict.WillBreak];

    /// <summary>Subjects per reason to break (a subject can have several).</summary>
    public IReadOnlyDictionary<BreakReason, int> ByReason { get; }

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
