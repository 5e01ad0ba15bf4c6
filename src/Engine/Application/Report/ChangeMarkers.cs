using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Policies;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>One change the trend chart marks: a day and what happened on it.</summary>
internal sealed class ChangeMarker
{
    public ChangeMarker(DateTime day, string label, string detail)
    {
        Day = day;
        Label = label;
        Detail = detail;
    }

    public DateTime Day { get; }

    /// <summary>The short text on the chart (a policy name).</summary>
    public string Label { get; }

    /// <summary>The sentence in the "What changed" list: what the marker rests on.</summary>
    public string Detail { get; }
}

/// <summary>
/// What changed inside the window, so a rollout reads as the step it caused: a piped Conditional Access policy created
/// or modified then (its own dates), or a policy that first applies to failures after the first day (the sign-ins'
/// applied policies; a policy the logs only show from that day on was most likely switched on or widened then).
/// </summary>
internal static class ChangeMarkers
{
    // More markers than this crowd the chart; the list under it names them all.
    public const int Drawn = 8;

    public static IReadOnlyList<ChangeMarker> Find(FailureTally failures, IReadOnlyList<StrongAuthPolicy> policies, DateTime firstDay, DateTime lastDay)
    {
        var markers = new List<ChangeMarker>();
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var policy in policies)
        {
            var (when, what) = policy.ModifiedDateTime is { } modified && modified.UtcDateTime.Date >= firstDay
                ? (modified, "modified")
                : (policy.CreatedDateTime ?? DateTimeOffset.MinValue, "created");
            var day = when.UtcDateTime.Date;
            if (day >= firstDay && day <= lastDay)
            {
                markers.Add(new ChangeMarker(day, policy.DisplayName, "Conditional Access policy '" + policy.DisplayName + "' was " + what + " (now " + policy.StateKind + "), from the policy's " + what + "DateTime."));
                named.Add(policy.DisplayName);
            }
        }

        foreach (var pair in failures.PolicyFirstDay.Where(pair => pair.Value > firstDay && !named.Contains(pair.Key)))
        {
            markers.Add(new ChangeMarker(pair.Value, pair.Key, "Conditional Access policy '" + pair.Key + "' first applies to a failure on this day, not before it in the window: the sign-ins' applied policies suggest it was switched on or widened then."));
        }

        return markers.OrderBy(marker => marker.Day).ThenBy(marker => marker.Label, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
