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
        var marks = ofApp.Select(s => Mark.Of(s, strongAuthCodes)).Where(m => m is not null).Select(m => m!.Value);
        return Measure(appId, ofApp.Select(s => s.AppDisplayName).FirstOrDefault(n => n is not null), marks, fallbackWindow);
    }

    /// <summary>From compact marks (what a stream keeps of one app's sign-ins): its silent interrupts and interactive successes.</summary>
    internal static AppRecovery Measure(string? appId, string? appName, IEnumerable<Mark> marks, TimeSpan fallbackWindow)
    {
        var all = marks.ToList();
        var interrupts = all.Where(m => m.IsInterrupt).ToList();
        var fallbacks = all.Where(m => !m.IsInterrupt)
            .GroupBy(m => m.User, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Ticks).ToList(), StringComparer.OrdinalIgnoreCase);
        var recovered = interrupts.Count(i => fallbacks.TryGetValue(i.User, out var times) && times.Any(t => t >= i.Ticks && t - i.Ticks <= fallbackWindow.Ticks));
        return new AppRecovery(appId, appName, interrupts.Count, recovered, interrupts.Select(i => i.User).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    public override string ToString() =>
        (AppDisplayName ?? AppId) + ": " + Recovered + " of " + SilentInterrupts + " silent interrupts followed by an interactive sign-in";

    /// <summary>What recovery needs of one sign-in: whose, when, and whether it was a silent interrupt or an interactive success.</summary>
    internal readonly struct Mark
    {
        private Mark(string user, long ticks, bool isInterrupt)
        {
            User = user;
            Ticks = ticks;
            IsInterrupt = isInterrupt;
        }

        public string User { get; }

        public long Ticks { get; }

        public bool IsInterrupt { get; }

        /// <summary>The mark of a silent strong-auth interrupt or an interactive success; null for anything else.</summary>
        public static Mark? Of(SignInEvent s, IReadOnlyCollection<int> strongAuthCodes)
        {
            var interrupt = !s.IsSuccess && s.IsInteractive == false && strongAuthCodes.Contains(s.ErrorCode);
            var fallback = s.IsSuccess && s.IsInteractive == true;
            return interrupt || fallback ? new Mark(s.UserId ?? s.UserPrincipalName ?? string.Empty, s.CreatedDateTime.UtcTicks, interrupt) : null;
        }
    }
}
