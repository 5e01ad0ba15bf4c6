using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// One user's time range worth reading: the link window around that user's failures. Failure analysis needs a
/// user's successes only near the failures they can resolve or prove (before and after, within the analyzer's widest
/// window), not the user's whole history between the first and the last failure; a source that can filter on many
/// ranges at once (KQL) reads just these.
/// </summary>
public sealed record UserWindow(string UserPrincipalName, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Each user's failures widened by <paramref name="window"/> both ways, overlapping ranges merged, in user then time order.</summary>
    public static IReadOnlyList<UserWindow> Around(IEnumerable<(string UserPrincipalName, DateTimeOffset At)> failures, TimeSpan window, DateTimeOffset notAfter)
    {
        var merged = new List<UserWindow>();
        foreach (var user in failures.GroupBy(f => f.UserPrincipalName, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            UserWindow? open = null;
            foreach (var at in user.Select(f => f.At).OrderBy(t => t))
            {
                var from = at - window;
                var to = Min(at + window, notAfter);
                if (to <= from)
                {
                    to = from.AddSeconds(1);
                }

                if (open is not null && from <= open.To)
                {
                    open = open with { To = open.To > to ? open.To : to };
                    continue;
                }

                if (open is not null)
                {
                    merged.Add(open);
                }

                open = new UserWindow(user.Key, from, to);
            }

            if (open is not null)
            {
                merged.Add(open);
            }
        }

        return merged;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
