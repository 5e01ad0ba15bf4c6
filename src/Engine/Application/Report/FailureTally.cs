using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// The report's view of the failures, built as they stream in so 100,000 of them cost counters, not objects: totals by
/// outcome, per cause, per day and cause, when each Conditional Access policy first appears, and the most recent
/// failures that need action. A failure seen twice (overlapping input) is counted once, by its sign-in id.
/// </summary>
internal sealed class FailureTally
{
    private readonly Dictionary<FailureCause, CauseTally> _causes = new();
    private readonly SortedDictionary<DateTime, Dictionary<FailureCause, long>> _days = new();
    private readonly Dictionary<string, DateTime> _policyFirstDay = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly RecentFailures _needingAction;

    // Outcomes of the failures that are not benign interrupts.
    private readonly StrongAuthCount _outcomes = new("all", null);

    public FailureTally(int top)
    {
        _needingAction = new RecentFailures(top);
    }

    public long Total { get; private set; }

    public long Benign { get; private set; }

    public long Resolved => _outcomes.Resolved;

    public long Pending => _outcomes.Pending;

    /// <summary>Unresolved failures that are not benign interrupts: what someone has to act on.</summary>
    public long NeedsAction => _outcomes.Unresolved;

    public long Duplicates { get; private set; }

    /// <summary>Failures whose deciding rule lacked a field (their confidence was lowered).</summary>
    public long MissingEvidence { get; private set; }

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public IReadOnlyCollection<CauseTally> Causes => _causes.Values.OrderByDescending(cause => cause.Failures).ThenBy(cause => cause.Cause.ToString(), StringComparer.Ordinal).ToList();

    /// <summary>Failures per UTC day and cause, oldest day first.</summary>
    public IReadOnlyDictionary<DateTime, Dictionary<FailureCause, long>> Days => _days;

    /// <summary>The day each Conditional Access policy first applied to a failure.</summary>
    public IReadOnlyDictionary<string, DateTime> PolicyFirstDay => _policyFirstDay;

    public IReadOnlyList<StrongAuthFailure> NeedingAction => _needingAction.MostRecentFirst();

    /// <summary>Counts one failure; false when its sign-in was already counted.</summary>
    public bool Add(StrongAuthFailure failure)
    {
        if (failure.SignInId is { Length: > 0 } id && !_seen.Add(id))
        {
            Duplicates++;
            return false;
        }

        Total++;
        if (!_causes.TryGetValue(failure.CauseKind, out var cause))
        {
            _causes[failure.CauseKind] = cause = new CauseTally(failure.CauseKind);
        }

        cause.Add(failure);
        CountOutcome(failure);
        CountDay(failure);
        if (failure.MissingEvidence.Count > 0)
        {
            MissingEvidence++;
        }

        return true;
    }

    private void CountOutcome(StrongAuthFailure failure)
    {
        if (failure.IsBenign)
        {
            Benign++;
            return;
        }

        _outcomes.Add(failure.ResolutionKind);
        if (failure.ResolutionKind != ResolutionState.Resolved)
        {
            _needingAction.Offer(failure);
        }
    }

    private void CountDay(StrongAuthFailure failure)
    {
        var time = failure.CreatedDateTime;
        First = First is null || time < First ? time : First;
        Last = Last is null || time > Last ? time : Last;

        var day = time.UtcDateTime.Date;
        if (!_days.TryGetValue(day, out var causes))
        {
            _days[day] = causes = new Dictionary<FailureCause, long>();
        }

        causes.TryGetValue(failure.CauseKind, out var count);
        causes[failure.CauseKind] = count + 1;

        foreach (var policy in failure.ConditionalAccessPolicies)
        {
            if (!_policyFirstDay.TryGetValue(policy, out var first) || day < first)
            {
                _policyFirstDay[policy] = day;
            }
        }
    }
}
