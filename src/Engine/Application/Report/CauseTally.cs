using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>What the report says about one cause: counts by outcome and confidence, who and what, the evidence, the fix.</summary>
internal sealed class CauseTally
{
    // The same outcome counting as a summary's per-cause row.
    private readonly StrongAuthCount _outcomes;

    public CauseTally(FailureCause cause)
    {
        Cause = cause;
        _outcomes = new StrongAuthCount(cause.ToString(), null);
    }

    public FailureCause Cause { get; }

    public long Failures => _outcomes.Count;

    public long Resolved => _outcomes.Resolved;

    public long Unresolved => _outcomes.Unresolved;

    public long Pending => _outcomes.Pending;

    public NameCounter Confidence { get; } = new();

    /// <summary>Accounts by user principal name (the user id when the record has no name).</summary>
    public NameCounter Users { get; } = new();

    /// <summary>Client apps by display name (the app id when the record has no name).</summary>
    public NameCounter Apps { get; } = new();

    public NameCounter Codes { get; } = new();

    /// <summary>The evidence in words: each reason the rules gave, with how many failures it explains.</summary>
    public NameCounter Evidence { get; } = new();

    /// <summary>Fields the deciding rules needed and the records lacked.</summary>
    public NameCounter MissingEvidence { get; } = new();

    /// <summary>The failures whose deciding rule lacked at least one field.</summary>
    public long FailuresMissingEvidence { get; private set; }

    /// <summary>The remedy of the cause's first failure (every failure of a cause carries the cause's remedy).</summary>
    public IReadOnlyList<string> Remedy { get; private set; } = Array.Empty<string>();

    /// <summary>The cause's most recent failure: the example its diagnose and verify commands name.</summary>
    public StrongAuthFailure? Latest { get; private set; }

    public void Add(StrongAuthFailure failure)
    {
        _outcomes.Add(failure.ResolutionKind);
        Confidence.Add(failure.Confidence);
        Users.Add(failure.UserPrincipalName ?? failure.UserId);
        Apps.Add(failure.AppDisplayName ?? failure.AppId);
        Codes.Add(failure.ErrorCode + (failure.ErrorName is { } name ? " " + name : string.Empty));
        foreach (var reason in failure.Evidence.Select(evidence => evidence.Reason).Distinct(StringComparer.Ordinal))
        {
            Evidence.Add(reason);
        }

        if (failure.MissingEvidence.Count > 0)
        {
            FailuresMissingEvidence++;
        }

        foreach (var field in failure.MissingEvidence)
        {
            MissingEvidence.Add(field);
        }

        if (Remedy.Count == 0 && failure.Remedy.Count > 0)
        {
            Remedy = failure.Remedy.ToArray();
        }

        if (Latest is null || failure.CreatedDateTime > Latest.CreatedDateTime)
        {
            Latest = failure;
        }
    }
}
