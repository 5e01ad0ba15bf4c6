using System;
using EntraStrongAuth.Core.Classification;
using Xunit;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>Never more confident than the evidence: what missing fields and absent-field conditions do to a rule's confidence.</summary>
public class EvidenceLimitsTests
{
    private static CauseRule Rule(params RuleCondition[] conditions) =>
        new("r1", 1, FailureCause.PolicyStepUp, Confidence.High, new[] { 50076 }, "x", conditions, new[] { "userAgent" }, new[] { "authenticationRequirementPolicies" }, null);

    private static readonly RuleCondition Interactive = new("isInteractive", RuleOperator.Equal, new[] { "true" }, null, "y");
    private static readonly RuleCondition NoDevice = new("deviceDetail", RuleOperator.Absent, Array.Empty<string>(), null, "y");

    [Theory]
    [InlineData(Confidence.High, false, false, Confidence.High)]
    [InlineData(Confidence.High, true, false, Confidence.Low)]
    [InlineData(Confidence.Medium, true, false, Confidence.Low)]
    [InlineData(Confidence.High, false, true, Confidence.Medium)]
    [InlineData(Confidence.Medium, false, true, Confidence.Low)]
    [InlineData(Confidence.Low, false, true, Confidence.Low)]
    public void Missing_required_evidence_makes_a_guess_and_missing_detail_lowers_by_one(Confidence given, bool requiredMissing, bool detailMissing, Confidence expected) =>
        Assert.Equal(expected, EvidenceLimits.Cap(Rule(Interactive), given, requiredMissing, detailMissing));

    [Fact]
    public void A_rule_that_matched_because_a_field_was_absent_is_at_most_Medium()
    {
        Assert.Equal(Confidence.Medium, EvidenceLimits.Cap(Rule(Interactive, NoDevice), Confidence.High, false, false));
        Assert.Equal(Confidence.Medium, EvidenceLimits.Cap(Rule(NoDevice), Confidence.Medium, false, false));
    }
}
