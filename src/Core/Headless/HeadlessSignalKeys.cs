namespace EntraStrongAuth.Core.Headless;

/// <summary>The signal keys the scorer computes; headless-signals.json gives each its points and thresholds.</summary>
public static class HeadlessSignalKeys
{
    public const string Ropc = "Ropc";
    public const string DeviceCode = "DeviceCode";
    public const string AutomationApp = "AutomationApp";
    public const string ScriptingUserAgent = "ScriptingUserAgent";
    public const string LegacyProtocol = "LegacyProtocol";
    public const string NoInteractive = "NoInteractive";
    public const string Cadence = "Cadence";
    public const string SingleSource = "SingleSource";
    public const string NoDevice = "NoDevice";
    public const string AllHours = "AllHours";
    public const string RepeatedStrongAuthFailure = "RepeatedStrongAuthFailure";
    public const string InteractiveMfa = "InteractiveMfa";
    public const string BrowserInteractive = "BrowserInteractive";
    public const string VariedSources = "VariedSources";

    /// <summary>Every key, in the order evidence is computed.</summary>
    public static readonly string[] All =
    {
        Ropc, DeviceCode, AutomationApp, ScriptingUserAgent, LegacyProtocol, NoInteractive, Cadence, SingleSource, NoDevice,
        AllHours, RepeatedStrongAuthFailure, InteractiveMfa, BrowserInteractive, VariedSources,
    };
}
