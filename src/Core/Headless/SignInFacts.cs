using System;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// What one sign-in (or a group of alike sign-ins, <see cref="HeadlessGroup"/>) says about who made it, worked out
/// once and added to the user's and the user+app's aggregates.
/// </summary>
internal readonly struct SignInFacts
{
    /// <summary>The error codes of a sign-in refused for want of strong authentication.</summary>
    internal static readonly int[] StrongAuthCodes = { 50072, 50074, 50076, 50079, 50158 };

    public SignInFacts(HeadlessGroup g, HeadlessData data)
    {
        IsRopc = string.Equals(g.AuthenticationProtocol, "ropc", StringComparison.OrdinalIgnoreCase);
        IsDeviceCode = string.Equals(g.AuthenticationProtocol, "deviceCode", StringComparison.OrdinalIgnoreCase)
            || string.Equals(g.OriginalTransferMethod, "deviceCodeFlow", StringComparison.OrdinalIgnoreCase);
        IsLegacy = data.IsLegacyClient(g.ClientAppUsed);
        var app = data.Classification.FindApp(g.AppId);
        IsAutomationApp = app is { Unattended: true };
        ScriptingAgent = data.Classification.MatchUserAgent(g.UserAgent)?.Name;
        var isBrowser = g.UserAgent is { } agent
            && (agent.StartsWith("Mozilla/", StringComparison.OrdinalIgnoreCase) || agent.StartsWith("Microsoft Office/", StringComparison.OrdinalIgnoreCase));

        // Unknown for an admin-center CSV under a neutral file name (only the file name tells its tabs apart): a browser
        // or Office sign-in is taken as a person's, anything else as not interactive, and the aggregate never claims
        // "no interactive sign-in" on such sign-ins.
        InteractivityKnown = g.IsInteractive.HasValue;
        IsInteractive = g.IsInteractive ?? isBrowser;

        // A person's own sign-in: interactive, and not by a flow that has no person at the keyboard of this client.
        IsPersonInteractive = IsInteractive && !IsRopc && !IsDeviceCode && !IsLegacy && ScriptingAgent is null;
        IsMfaInteractive = IsPersonInteractive && g.IsSuccess && g.MfaSatisfied;
        IsBrowserInteractive = IsPersonInteractive && isBrowser;
        HasDevice = g.HasDevice;
        IsStrongAuthFailure = g.IsStrongAuthFailure;
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

    public static bool IsStrongAuthCode(int errorCode) => Array.IndexOf(StrongAuthCodes, errorCode) >= 0;
}
