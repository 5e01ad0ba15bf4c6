using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// How often an app falls back to an interactive sign-in after a silent (non-interactive) strong-authentication
/// interrupt in this tenant: an interrupt recovers when an interactive success of the same user and app follows it
/// within the fallback window. An app that never does has not implemented the interaction_required branch.
/// </summary>
public sealed class AppRecovery
{
    /// <summary>Fewer silent interrupts than this say too little about the app to call it either way.</summary>
    public const int MinimumInterrupts = 3;

    private AppRecovery(string? appId, string? appName, int interrupts, int recovered, int users)
    {
        AppId = appId;
        AppDisplayName = appName;
        SilentInterrupts = interrupts;
        Recovered = recovered;
        Users = users;
    }

    public string? AppId { get; }

    public string? AppDisplayName { get; }

    /// <summary>Non-interactive strong-authentication failures of the app in the history.</summary>
    public int SilentInterrupts { get; }

    /// <summary>Of those, the ones an interactive success of the same user and app followed within the window.</summary>
    public int Recovered { get; }

    /// <summary>Distinct users behind the interrupts.</summary>
    public int Users { get; }

    /// <summary>Recovered / SilentInterrupts; null with no interrupts.</summary>
    public double? Rate => SilentInterrupts == 0 ? null : (double)Recovered / SilentInterrupts;

    /// <summary>Enough interrupts to judge the app.</summary>
    public bool IsConclusive => SilentInterrupts >= MinimumInterrupts;

    /// <summary>Measures <paramref name="appId"/> on the sign-ins in <paramref name="history"/> (any order, any apps).</summary>
    public static AppRecovery Measure(string? appId, IEnumerable<SignInEvent> history, IReadOnlyCollection<int> strongAuthCodes, TimeSpan fallbackWindow)
    {
        if (history is null)
        {
            throw new ArgumentNullException(nameof(history));
        }

        var ofApp = history.Where(s => appId is not null && string.Equals(s.AppId, appId, StringComparison.OrdinalIgnoreCase)).ToList();
        var interrupts = ofApp.Where(s => !s.IsSuccess && s.IsInteractive == false && strongAuthCodes.Contains(s.ErrorCode)).ToList();
        var fallbacks = ofApp.Where(s => s.IsSuccess && s.IsInteractive == true)
            .GroupBy(UserKey, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(s => s.CreatedDateTime).OrderBy(t => t).ToList(), StringComparer.OrdinalIgnoreCase);
        var recovered = interrupts.Count(i => fallbacks.TryGetValue(UserKey(i), out var times) && times.Any(t => t >= i.CreatedDateTime && t - i.CreatedDateTime <= fallbackWindow));
        var name = ofApp.Select(s => s.AppDisplayName).FirstOrDefault(n => n is not null);
        return new AppRecovery(appId, name, interrupts.Count, recovered, interrupts.Select(UserKey).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    public override string ToString() =>
        (AppDisplayName ?? AppId) + ": " + Recovered + " of " + SilentInterrupts + " silent interrupts followed by an interactive sign-in";

    private static string UserKey(SignInEvent s) => s.UserId ?? s.UserPrincipalName ?? string.Empty;
}
