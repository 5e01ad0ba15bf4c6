using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// One row of the cause table (cause-rules.json): when the error code is one of <see cref="Codes"/> and every
/// condition holds, the failure has <see cref="Cause"/> with <see cref="Confidence"/>. Rules are tried in order.
/// </summary>
public sealed class CauseRule
{
    public CauseRule(
        string id,
        int number,
        FailureCause cause,
        Confidence confidence,
        IReadOnlyList<int> codes,
        string reason,
        IReadOnlyList<RuleCondition> conditions,
        IReadOnlyList<string> requires,
        IReadOnlyList<string> lowerWhenAbsent,
        IReadOnlyList<string>? remedy)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Number = number;
        Cause = cause;
        Confidence = confidence;
        Codes = codes ?? throw new ArgumentNullException(nameof(codes));
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        Conditions = conditions ?? throw new ArgumentNullException(nameof(conditions));
        Requires = requires ?? throw new ArgumentNullException(nameof(requires));
        LowerWhenAbsent = lowerWhenAbsent ?? throw new ArgumentNullException(nameof(lowerWhenAbsent));
        Remedy = remedy;
    }

    public string Id { get; }

    /// <summary>1-based position in the file: the rule's priority.</summary>
    public int Number { get; }

    public FailureCause Cause { get; }

    public Confidence Confidence { get; }

    /// <summary>The error codes the rule applies to; empty means any code.</summary>
    public IReadOnlyList<int> Codes { get; }

    /// <summary>Why the code (with the conditions) implies the cause: the reason of the error-code evidence.</summary>
    public string Reason { get; }

    public IReadOnlyList<RuleCondition> Conditions { get; }

    /// <summary>
    /// The evidence the rule relies on beyond its conditions: fields that would have shown another cause (an earlier
    /// rule) had they been in the record. When the record lacks one, the rule won by elimination without the evidence
    /// that rules the other causes out: the finding is a guess, with Low confidence, and names the missing field.
    /// </summary>
    public IReadOnlyList<string> Requires { get; }

    /// <summary>Fields that would have said more (which source demanded MFA): each one missing lowers the confidence by one, at most once.</summary>
    public IReadOnlyList<string> LowerWhenAbsent { get; }

    /// <summary>Replaces the cause's remedy when set (e.g. legacy-protocol clients).</summary>
    public IReadOnlyList<string>? Remedy { get; }

    public bool AppliesTo(int errorCode) => Codes.Count == 0 || Codes.Contains(errorCode);

    public override string ToString() => Id + " → " + Cause + " (" + Confidence + ")";
}
