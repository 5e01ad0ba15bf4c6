using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// How far the evidence a record actually carries lets a rule's confidence go: never more confident than the evidence.
/// A rule that won by elimination without the evidence that rules the other causes out (<see cref="CauseRule.Requires"/>
/// missing) is a guess: Low. A field that would only have said more (<see cref="CauseRule.LowerWhenAbsent"/>) lowers
/// the confidence by one. A rule that matched because a field was absent (an <see cref="RuleOperator.Absent"/>
/// condition) is at most Medium.
/// </summary>
internal static class EvidenceLimits
{
    public static Confidence Cap(CauseRule rule, Confidence confidence, bool requiredMissing, bool detailMissing)
    {
        if (requiredMissing)
        {
            return Confidence.Low;
        }

        if (detailMissing && confidence > Confidence.Low)
        {
            confidence--;
        }

        if (confidence == Confidence.High && rule.Conditions.Any(c => c.Operator == RuleOperator.Absent))
        {
            confidence = Confidence.Medium;
        }

        return confidence;
    }
}
