using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Classification;

/// <summary>Counts over a set of explained failures: totals by outcome and breakdowns by cause, code, user and app (largest first).</summary>
public sealed class StrongAuthSummary
{
    internal StrongAuthSummary(
        StrongAuthCount total,
        int benign,
        int possiblyIncomplete,
        DateTimeOffset? first,
        DateTimeOffset? last,
        IReadOnlyList<StrongAuthCount> byCause,
        IReadOnlyList<StrongAuthCount> byCode,
        IReadOnlyList<StrongAuthCount> byUser,
        IReadOnlyList<StrongAuthCount> byApp)
    {
        Total = total.Count;
        Resolved = total.Resolved;
        Unresolved = total.Unresolved;
        Pending = total.Pending;
        Benign = benign;
        PossiblyIncomplete = possiblyIncomplete;
        First = first;
        Last = last;
        ByCause = byCause.ToTextList();
        ByCode = byCode.ToTextList();
        ByUser = byUser.ToTextList();
        ByApp = byApp.ToTextList();
    }

    public int Total { get; }

    public int Resolved { get; }

    public int Unresolved { get; }

    public int Pending { get; }

    public int Benign { get; }

    public int PossiblyIncomplete { get; }

    /// <summary>The earliest failure counted.</summary>
    public DateTimeOffset? First { get; }

    /// <summary>The latest failure counted.</summary>
    public DateTimeOffset? Last { get; }

    public IReadOnlyList<StrongAuthCount> ByCause { get; }

    public IReadOnlyList<StrongAuthCount> ByCode { get; }

    public IReadOnlyList<StrongAuthCount> ByUser { get; }

    public IReadOnlyList<StrongAuthCount> ByApp { get; }

    /// <summary>Sign-ins set aside by -ExcludeUserPrincipalName / -ExcludeGuest before analysis (successes included).</summary>
    public long ExcludedSignIns { get; internal set; }

    /// <summary>The excluded sign-ins that failed (any non-zero error code): not in <see cref="Total"/> or the breakdowns.</summary>
    public long ExcludedFailures { get; internal set; }

    /// <summary>Sign-ins skipped because one with the same id (request id) was already read: overlapping files, formats or piped input.</summary>
    public long DuplicatesSkipped { get; internal set; }

    /// <summary>Sign-ins that had no id, so could not be checked for repeats: all of them were analysed.</summary>
    public long SignInsWithoutId { get; internal set; }
}
