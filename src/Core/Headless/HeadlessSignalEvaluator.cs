using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Core.Headless;

/// <summary>Turns one aggregate into evidence: each signal of the data that fires, with its points and the facts.</summary>
internal static class HeadlessSignalEvaluator
{
    public static List<HeadlessEvidence> Evaluate(SignInAggregate a, HeadlessData data)
    {
        var evidence = new List<HeadlessEvidence>();
        var n = a.Total;

        // Share signals: "k of n sign-ins did X", firing on a least count and share.
        Share(evidence, data, HeadlessSignalKeys.Ropc, a.Ropc, n, "used the password grant (ROPC)");
        Share(evidence, data, HeadlessSignalKeys.DeviceCode, a.DeviceCode, n, "used device code flow");
        Share(evidence, data, HeadlessSignalKeys.AutomationApp, a.AutomationApp, n, "came from automation tools (" + Names(a.Apps) + ")");
        Share(evidence, data, HeadlessSignalKeys.ScriptingUserAgent, a.ScriptingAgent, n, "sent a scripting user agent (" + Names(a.Agents) + ")");
        Share(evidence, data, HeadlessSignalKeys.LegacyProtocol, a.Legacy, n, "used legacy authentication (" + Names(a.LegacyClients) + ")");
        Share(evidence, data, HeadlessSignalKeys.NoDevice, a.NoDevice, n, "presented no registered device");

        if (data.Signal(HeadlessSignalKeys.NoInteractive) is { } quiet && a.PersonInteractive == 0 && a.InteractivityUnknown == 0 && a.NonInteractive >= quiet.MinCount)
        {
            Add(evidence, quiet, "no interactive sign-in by a person while " + a.NonInteractive + " non-interactive sign-ins continued");
        }

        if (data.Signal(HeadlessSignalKeys.Cadence) is { } regular
            && Cadence.Find(a.CadenceSeconds(), regular.Tolerance) is { } cadence
            && cadence.Intervals >= regular.MinCount && cadence.Share >= regular.MinShare)
        {
            Add(evidence, regular, cadence + " over " + Days(a.LastSeen - a.FirstSeen));
        }

        if (data.Signal(HeadlessSignalKeys.SingleSource) is { } single && n >= single.MinCount)
        {
            var ip = a.Ips.Top();
            var asn = a.Asns.Top();
            if (ip.Key is not null && a.ShareOf(ip.Value) >= single.MinShare)
            {
                Add(evidence, single, ip.Value + " of " + n + " sign-ins from one address (" + ip.Key + ")");
            }
            else if (asn.Value > 0 && a.ShareOf(asn.Value) >= single.MinShare)
            {
                Add(evidence, single, asn.Value + " of " + n + " sign-ins from one network (AS" + asn.Key.ToString(CultureInfo.InvariantCulture) + ")");
            }
        }

        if (data.Signal(HeadlessSignalKeys.AllHours) is { } hours && a.Hours.Count(h => h > 0) is var active && active >= hours.MinCount)
        {
            Add(evidence, hours, "active in " + active + " of the 24 hours of the day (UTC)");
        }

        if (data.Signal(HeadlessSignalKeys.RepeatedStrongAuthFailure) is { } failing
            && a.StrongAuthFailures >= failing.MinCount && a.LastStrongAuthFailure > a.LastSuccess)
        {
            Add(evidence, failing, a.StrongAuthFailures + " strong-authentication failures (50074/50076/50079), no success after the last one");
        }

        Count(evidence, data, HeadlessSignalKeys.InteractiveMfa, a.MfaInteractive, "interactive sign-ins satisfied MFA (a person answered)");
        Count(evidence, data, HeadlessSignalKeys.BrowserInteractive, a.BrowserInteractive, "interactive sign-ins from a browser or Office client");
        if (data.Signal(HeadlessSignalKeys.VariedSources) is { } varied && a.Asns.Distinct >= varied.MinCount)
        {
            Add(evidence, varied, "sign-ins from " + a.Asns.Distinct + " networks (" + string.Join(", ", a.Asns.Ranked(5).Select(x => "AS" + x.ToString(CultureInfo.InvariantCulture))) + ")");
        }

        // Strongest first, either way: a reader sees what decided the score.
        return evidence.OrderByDescending(e => Math.Abs(e.Points)).ThenBy(e => e.Signal, StringComparer.Ordinal).ToList();
    }

    private static void Share(List<HeadlessEvidence> evidence, HeadlessData data, string key, long count, long total, string what)
    {
        if (data.Signal(key) is { } signal && count >= Math.Max(1, signal.MinCount) && total > 0 && (double)count / total >= signal.MinShare)
        {
            Add(evidence, signal, count + " of " + total + " sign-ins " + what);
        }
    }

    private static void Count(List<HeadlessEvidence> evidence, HeadlessData data, string key, long count, string what)
    {
        if (data.Signal(key) is { } signal && count >= Math.Max(1, signal.MinCount))
        {
            Add(evidence, signal, count + " " + what);
        }
    }

    private static void Add(List<HeadlessEvidence> evidence, HeadlessSignal signal, string detail) =>
        evidence.Add(new HeadlessEvidence(signal.Key, signal.Points, detail));

    private static string Names(TopCounter<string> counter) => string.Join(", ", counter.Ranked(3));

    private static string Days(TimeSpan span) =>
        span.TotalDays >= 1 ? Math.Round(span.TotalDays, 1).ToString(CultureInfo.InvariantCulture) + " days"
        : Math.Round(span.TotalHours, 1).ToString(CultureInfo.InvariantCulture) + " hours";
}
