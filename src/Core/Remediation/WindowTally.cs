using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Remediation;

/// <summary>One subject's sign-ins in one window (before or after the fix), as aggregates: memory grows with the
/// apps and codes seen, not with the sign-ins.</summary>
internal sealed class WindowTally
{
    private readonly Dictionary<string, SignInCounts> _headlessByApp = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, long> _failureCodes = new();
    private readonly HashSet<string> _workloadKinds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

    public SignInCounts User { get; } = new();

    public SignInCounts Workload { get; } = new();

    /// <summary>The most recent headless user sign-in: where to look for a copy of the script still running.</summary>
    public SignInEvent? LatestHeadless { get; private set; }

    public IReadOnlyCollection<string> WorkloadKinds => _workloadKinds;

    public void AddUser(SignInEvent signIn, in SignInNature nature)
    {
        User.Add(nature);
        NoteNames(signIn);
        if (nature.IsStrongAuthFailure)
        {
            _failureCodes.TryGetValue(signIn.ErrorCode, out var count);
            _failureCodes[signIn.ErrorCode] = count + 1;
        }

        if (!nature.IsHeadless)
        {
            return;
        }

        var app = signIn.AppId ?? string.Empty;
        if (!_headlessByApp.TryGetValue(app, out var counts))
        {
            _headlessByApp[app] = counts = new SignInCounts();
        }

        counts.Add(nature);
        if (LatestHeadless is null || signIn.CreatedDateTime > LatestHeadless.CreatedDateTime)
        {
            LatestHeadless = signIn;
        }
    }

    public void AddWorkload(SignInEvent signIn, string kind, in SignInNature nature)
    {
        Workload.Add(nature);
        NoteNames(signIn);
        _workloadKinds.Add(kind);
    }

    /// <summary>Apps whose headless sign-ins failed strong auth or were scripted: the automation's apps.</summary>
    public ISet<string> AutomationApps() =>
        new HashSet<string>(_headlessByApp.Where(a => a.Value.StrongAuthFailures > 0 || a.Value.Scripted > 0).Select(a => a.Key), StringComparer.OrdinalIgnoreCase);

    /// <summary>Headless sign-ins of the given apps, plus those of any app that were scripted.</summary>
    public SignInCounts Automation(ISet<string> apps)
    {
        var total = new SignInCounts();
        foreach (var app in _headlessByApp.Where(a => apps.Contains(a.Key) || a.Value.Scripted > 0))
        {
            total.Add(app.Value);
        }

        return total;
    }

    /// <summary>The name the sign-ins give an app (by appId) or a workload identity (by service principal id); null if none did.</summary>
    public string? NameOf(string? id) => id is not null && _names.TryGetValue(id, out var name) ? name : null;

    /// <summary>"50076×12; 50074×3", most frequent first; empty when none.</summary>
    public string FailureCodes() =>
        string.Join("; ", _failureCodes.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => c.Key + "×" + c.Value));

    public bool HasFailureCode(params int[] codes) => codes.Any(_failureCodes.ContainsKey);

    // A sign-in names its app (appDisplayName); a workload identity's sign-in names the identity by its app's name.
    private void NoteNames(SignInEvent signIn)
    {
        if (string.IsNullOrWhiteSpace(signIn.AppDisplayName))
        {
            return;
        }

        foreach (var id in new[] { signIn.AppId, signIn.ServicePrincipalId })
        {
            if (!string.IsNullOrWhiteSpace(id) && !_names.ContainsKey(id!))
            {
                _names[id!] = signIn.AppDisplayName!;
            }
        }
    }
}
