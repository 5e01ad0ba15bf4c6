using System;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Headless;

/// <summary>What one sign-in says about who made it, worked out once and added to the user's and the user+app's aggregates.</summary>
internal readonly struct SignInFacts
{
    private static readonly int[] StrongAuthCodes = { 50072, 50074, 50076, 50079, 50158 };

    public SignInFacts(SignInEvent e, HeadlessData data)
    {
        IsRopc = string.Equals(e.AuthenticationProtocol, "ropc", StringComparison.OrdinalIgnoreCase);
        IsDeviceCode = string.Equals(e.AuthenticationProtocol, "deviceCode", StringComparison.OrdinalIgnoreCase)
            || string.Equals(e.OriginalTransferMethod, "deviceCodeFlow", StringComparison.OrdinalIgnoreCase);
        IsLegacy = data.IsLegacyClient(e.ClientAppUsed);
        var app = data.Classification.FindApp(e.AppId);
        IsAutomationApp = app is { Unattended: true };
        ScriptingAgent = data.Classification.MatchUserAgent(e.UserAgent)?.Name;
        var isBrowser = e.UserAgent is { } agent
            && (agent.StartsWith("Mozilla/", StringComparison.OrdinalIgnoreCase) || agent.StartsWith("Microsoft Office/", StringComparison.OrdinalIgnoreCase));
        bool? interactive = e.IsInteractive
            ?? (e.SignInEventTypes.Count > 0 ? e.SignInEventTypes.Contains("interactiveUser", StringComparer.OrdinalIgnoreCase) : null);

        // Unknown for an admin-center CSV under a neutral file name (only the file name tells its tabs apart): a browser
        // or Office sign-in is taken as a person's, anything else as not interactive, and the aggregate never claims
        // "no interactive sign-in" on such sign-ins.
        InteractivityKnown = interactive.HasValue;
        IsInteractive = interactive ?? isBrowser;

        // A person's own sign-in: interactive, and not by a flow that has no person at the keyboard of this client.
        IsPersonInteractive = IsInteractive && !IsRopc && !IsDeviceCode && !IsLegacy && ScriptingAgent is null;
        IsMfaInteractive = IsPersonInteractive && e.IsSuccess && (
            string.Equals(e.AuthenticationRequirement, "multiFactorAuthentication", StringComparison.OrdinalIgnoreCase)
            || e.AuthenticationDetails.Any(d => d.Succeeded == true && d.AuthenticationStepRequirement is { } r
                && r.IndexOf("multi", StringComparison.OrdinalIgnoreCase) >= 0));
        IsBrowserInteractive = IsPersonInteractive && isBrowser;
        HasDevice = !string.IsNullOrWhiteSpace(e.DeviceId);
        IsStrongAuthFailure = Array.IndexOf(StrongAuthCodes, e.ErrorCode) >= 0;
    }

    public bool IsRopc { get; }

    public bool IsDeviceCode { get; }

    public bool IsLegacy { get; }

    public bool IsAutomationApp { get; }

    /// <summary>The scripting user agent's name, or null.</summary>
    public string? ScriptingAgent { get; }

    public bool IsInteractive { get; }

    /// <summary>False when the source says nothing of interactivity (no isInteractive, no signInEventTypes).</summary>
    public bool InteractivityKnown { get; }

    public bool IsPersonInteractive { get; }

    public bool IsMfaInteractive { get; }

    public bool IsBrowserInteractive { get; }

    public bool HasDevice { get; }

    public bool IsStrongAuthFailure { get; }
}
