namespace EntraStrongAuth.Core.Headless;

/// <summary>One signal that moved a headless score, with the points it added (or took away) and the facts behind it.</summary>
public sealed class HeadlessEvidence
{
    public HeadlessEvidence(string signal, int points, string detail)
    {
        Signal = signal;
        Points = points;
        Detail = detail;
    }

    /// <summary>The signal's key in headless-signals.json (Ropc, DeviceCode, AutomationApp, ScriptingUserAgent, Cadence …).</summary>
    public string Signal { get; }

    /// <summary>Points added to the score; negative for evidence of a person (an interactive MFA sign-in, a browser).</summary>
    public int Points { get; }

    /// <summary>What was seen: "47 of 52 sign-ins used ROPC", "every 5 min ± 20 s for 6 days".</summary>
    public string Detail { get; }

    public override string ToString() => Signal + " " + (Points >= 0 ? "+" : string.Empty) + Points + ": " + Detail;
}
