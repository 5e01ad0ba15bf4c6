using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>The most recent failures up to a limit, kept without holding every failure: trimmed whenever it doubles.</summary>
internal sealed class RecentFailures
{
    private readonly int _limit;
    private List<StrongAuthFailure> _kept = new();

    public RecentFailures(int limit)
    {
        _limit = limit;
    }

    public void Offer(StrongAuthFailure failure)
    {
        _kept.Add(failure);
        if (_kept.Count >= 2 * _limit + 16)
        {
            _kept = MostRecentFirst().ToList();
        }
    }

    public IReadOnlyList<StrongAuthFailure> MostRecentFirst() =>
        _kept.OrderByDescending(failure => failure.CreatedDateTime).ThenBy(failure => failure.SignInId, System.StringComparer.Ordinal).Take(_limit).ToList();
}
