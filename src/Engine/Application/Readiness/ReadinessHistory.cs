using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>
/// What readiness learns from the window's user sign-ins whatever the policy: each sign-in once, the accounts'
/// headless scores and the apps' recovery. Several policies checked in one run share one history, so this work is
/// done once per sign-in, not once per policy; the scores and recovery are worked out once at the end.
/// </summary>
internal sealed class ReadinessHistory
{
    /// <summary>
    /// The silent failures that ask for MFA or its registration, the interrupts enforcement adds: an app that never
    /// answers them interactively breaks. Session-lifetime failures (sign-in frequency: 70043, 70044, 50078 "MFA
    /// expired") and revocation (50173) happen whatever the policy and are answered by signing in again anywhere
    /// (often the browser), so they say nothing of the app.
    /// </summary>
    private static readonly int[] MfaInterruptCodes = { 50072, 50074, 50076, 50079 };

    private readonly DateTimeOffset? _start;
    private readonly DateTimeOffset? _end;
    private readonly TimeSpan _fallbackWindow;
    private readonly SignInOnce _once = new();
    private readonly HeadlessScorer _scorer;
    private readonly AppRecoveryCounter _recovery = new(MfaInterruptCodes);
    private Dictionary<string, HeadlessFinding>? _scores;
    private IReadOnlyDictionary<string, AppRecovery>? _apps;

    public ReadinessHistory(ReadinessCheckOptions options)
    {
        _start = options.Start;
        _end = options.End;
        _fallbackWindow = options.FallbackWindow;
        _scorer = new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = 0, WindowStart = options.Start, WindowEnd = options.End });
    }

    /// <summary>User sign-ins taken in (inside the window, first of their id).</summary>
    public int UserSignIns { get; private set; }

    /// <summary>False for a repeated id, a sign-in outside the window, or one without a user (a workload identity).</summary>
    public bool Accept(SignInEvent signIn)
    {
        if (!_once.IsFirst(signIn) || (_start is { } from && signIn.CreatedDateTime < from) || (_end is { } to && signIn.CreatedDateTime >= to)
            || (signIn.UserId ?? signIn.UserPrincipalName) is null)
        {
            return false;
        }

        UserSignIns++;
        _scorer.Add(signIn);
        _recovery.Add(signIn);
        return true;
    }

    /// <summary>Each account's headless score, by user id (else UPN).</summary>
    public IReadOnlyDictionary<string, HeadlessFinding> Scores() =>
        _scores ??= _scorer.Findings().ToDictionary(f => f.UserId ?? f.UserPrincipalName ?? f.User, StringComparer.OrdinalIgnoreCase);

    /// <summary>Each app's recovery after people's silent MFA interrupts (script accounts' interrupts left out).</summary>
    public IReadOnlyDictionary<string, AppRecovery> Apps()
    {
        if (_apps is null)
        {
            var scripts = new HashSet<string>(Scores().Where(h => h.Value.Score >= AccountKindStep.ScriptScore).Select(h => h.Key), StringComparer.OrdinalIgnoreCase);
            _apps = _recovery.Measure(_fallbackWindow, scripts);
        }

        return _apps;
    }

    public string? DuplicatesReport() => _once.Report();
}
