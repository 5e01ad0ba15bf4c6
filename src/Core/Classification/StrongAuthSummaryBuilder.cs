using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Builds a <see cref="StrongAuthSummary"/> from failures as they stream past, holding only the counters (one per
/// cause, code, user and app), never the failures.
/// </summary>
public sealed class StrongAuthSummaryBuilder
{
    private readonly StrongAuthCount _total = new("Total", null);
    private readonly Dictionary<string, StrongAuthCount> _byCause = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StrongAuthCount> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StrongAuthCount> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StrongAuthCount> _byApp = new(StringComparer.OrdinalIgnoreCase);
    private int _benign;
    private int _possiblyIncomplete;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;
    private long _excludedSignIns;
    private long _excludedFailures;
    private long _duplicates;
    private long _withoutId;

    public void Add(StrongAuthFailure failure)
    {
        if (failure is null)
        {
            throw new ArgumentNullException(nameof(failure));
        }

        var state = failure.ResolutionKind;
        _total.Add(state);
        Tally(_byCause, failure.CauseKind.ToString(), null, state);
        Tally(_byCode, failure.ErrorCode.ToString(CultureInfo.InvariantCulture), failure.ErrorName, state);

        // UPNs are case-insensitive; the id stands in when a source has no UPN.
        var user = failure.UserPrincipalName?.Trim().ToLowerInvariant() ?? failure.UserId ?? "(unknown user)";
        Tally(_byUser, user, failure.UserPrincipalName ?? failure.UserId, state);
        Tally(_byApp, failure.AppId ?? failure.AppDisplayName ?? "(unknown app)", failure.AppDisplayName, state);

        _benign += failure.IsBenign ? 1 : 0;
        _possiblyIncomplete += failure.PossiblyIncomplete ? 1 : 0;
        _first = _first is null || failure.CreatedDateTime < _first ? failure.CreatedDateTime : _first;
        _last = _last is null || failure.CreatedDateTime > _last ? failure.CreatedDateTime : _last;
    }

    /// <summary>How many sign-ins (and of those, failures) the caller excluded before analysis; reported, not counted in the totals.</summary>
    public void SetExcluded(long signIns, long failures)
    {
        _excludedSignIns = signIns;
        _excludedFailures = failures;
    }

    /// <summary>How many sign-ins were skipped as repeats of an id already read, and how many had no id (kept, not checked).</summary>
    public void SetDuplicates(long skipped, long withoutId)
    {
        _duplicates = skipped;
        _withoutId = withoutId;
    }

    public StrongAuthSummary Build() =>
        new(_total.Copy(), _benign, _possiblyIncomplete, _first, _last, Ranked(_byCause), Ranked(_byCode), Ranked(_byUser), Ranked(_byApp))
        {
            ExcludedSignIns = _excludedSignIns,
            ExcludedFailures = _excludedFailures,
            DuplicatesSkipped = _duplicates,
            SignInsWithoutId = _withoutId,
        };

    private static void Tally(Dictionary<string, StrongAuthCount> counts, string key, string? name, ResolutionState state)
    {
        if (!counts.TryGetValue(key, out var count))
        {
            count = new StrongAuthCount(key, name);
            counts[key] = count;
        }

        count.Add(state);
    }

    /// <summary>Largest first, ties by key, so the summary is the same for the same failures in any order.</summary>
    private static List<StrongAuthCount> Ranked(Dictionary<string, StrongAuthCount> counts) =>
        counts.Values.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Copy()).ToList();
}
