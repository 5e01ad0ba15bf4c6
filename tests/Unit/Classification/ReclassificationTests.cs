using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Classification.TestSignIns;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>
/// A quick resolution turns a failure into a BenignInterrupt: only the cause, its confidence, evidence and remedy may
/// change. Every other property is checked by reflection, so a property added later cannot be silently lost.
/// </summary>
public sealed class ReclassificationTests
{
    /// <summary>What reclassifying is meant to change on a <see cref="StrongAuthFailure"/>.</summary>
    private static readonly string[] CauseProperties =
    {
        nameof(StrongAuthFailure.Cause), nameof(StrongAuthFailure.Confidence), nameof(StrongAuthFailure.Evidence),
        nameof(StrongAuthFailure.Remedy), nameof(StrongAuthFailure.ReclassifiedFrom), nameof(StrongAuthFailure.IsBenign),
    };

    [Fact]
    public void Reclassifying_changes_the_cause_and_keeps_every_other_classification_property()
    {
        var original = FullClassification();
        AssertEveryPropertySet(original);

        var benign = original.Reclassify(FailureCause.BenignInterrupt, Confidence.Medium, new[] { new Evidence("correlationId", "c1", "resolved") }, new[] { "Nothing to do." });

        Assert.Equal(FailureCause.BenignInterrupt, benign.Cause);
        Assert.Equal(Confidence.Medium, benign.Confidence);
        Assert.Equal("correlationId", Assert.Single(benign.Evidence).Field);
        Assert.Equal("Nothing to do.", Assert.Single(benign.Remedy));
        Assert.Equal(FailureCause.PolicyStepUp, benign.ReclassifiedFrom);
        foreach (var property in Properties(typeof(FailureClassification)).Where(p => !CauseProperties.Contains(p.Name)))
        {
            AssertSameValue(property, property.GetValue(original), property.GetValue(benign));
        }
    }

    [Fact]
    public void A_reclassified_failure_keeps_every_other_output_property()
    {
        var outcome = FullOutcome();
        var classification = FullClassification();
        var before = new StrongAuthFailure(classification, outcome);
        AssertEveryPropertySet(before);

        var after = new StrongAuthFailure(classification.Reclassify(FailureCause.BenignInterrupt, Confidence.High, Array.Empty<Evidence>(), Array.Empty<string>()), outcome);

        Assert.Equal(FailureCause.BenignInterrupt, after.CauseKind);
        Assert.True(after.IsBenign);
        foreach (var property in Properties(typeof(StrongAuthFailure)).Where(p => !CauseProperties.Contains(p.Name)))
        {
            AssertSameValue(property, property.GetValue(before), property.GetValue(after));
        }
    }

    [Fact]
    public void The_analyzer_s_benign_interrupt_keeps_what_the_classifier_found()
    {
        var failure = Failure(50074).Policy("Require MFA for Azure management", "failure", new[] { "Mfa" }, "Phishing-resistant MFA", "singleChallengeRequired");
        var success = Success(30).Linked(failure);
        var alone = StrongAuthClassifier.Default.Classify(failure);

        var benign = AnalyzerRun.Single(new[] { failure, success });

        Assert.Equal(FailureCause.BenignInterrupt, benign.CauseKind);
        Assert.Equal(alone.Cause, benign.ReclassifiedFrom);
        Assert.Equal("Phishing-resistant MFA", benign.AuthenticationStrength);
        Assert.Equal(alone.CodeInfo!.Code, benign.CodeInfo!.Code);

        // The catalog entry is looked up afresh per classification, so it is compared by its code above.
        var outcomeProperties = Properties(typeof(FailureOutcome)).Select(p => p.Name).Append(nameof(StrongAuthFailure.CodeInfo));
        foreach (var property in Properties(typeof(StrongAuthFailure)).Where(p => !CauseProperties.Contains(p.Name) && !outcomeProperties.Contains(p.Name)))
        {
            AssertSameValue(property, property.GetValue(alone), property.GetValue(benign));
        }
    }

    private static FailureClassification FullClassification()
    {
        var signIn = Failure(50074).Policy("Require MFA for Azure management", "failure", new[] { "Mfa" }, "Phishing-resistant MFA", "singleChallengeRequired");
        Assert.True(AadstsCatalog.BuiltIn.TryGet(50074, out var entry));
        var code = new AadstsErrorInfo(entry);
        return new FailureClassification(signIn, code, FailureCause.PolicyStepUp, Confidence.High, new[] { new Evidence("status.errorCode", "50074", "step-up") }, new[] { "Complete MFA." })
        {
            RuleId = "stepup-ca-mfa-grant",
            MissingEvidence = new[] { "userAgent" },
            ReclassifiedFrom = FailureCause.Other,
        };
    }

    private static FailureOutcome FullOutcome() => new()
    {
        Resolution = ResolutionState.Resolved,
        ResolvedAt = T0.AddSeconds(30),
        ResolvedBy = "Mobile app notification",
        ResolvedBySignInId = "5a1e0000-0000-4000-8000-000000000999",
        ResolutionLink = "correlationId",
        TimeToResolve = TimeSpan.FromSeconds(30),
        PossiblyIncomplete = true,
    };

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    /// <summary>A default value could be lost unseen: the fixtures set every kept property, so a new one must be set here too.</summary>
    private static void AssertEveryPropertySet(object value)
    {
        foreach (var property in Properties(value.GetType()).Where(p => !CauseProperties.Contains(p.Name)))
        {
            var actual = property.GetValue(value);
            var unset = actual is null
                || (actual is IEnumerable list and not string && !list.Cast<object>().Any())
                || (actual.GetType().IsValueType && !actual.GetType().IsEnum && actual.Equals(Activator.CreateInstance(actual.GetType())));
            Assert.False(unset, value.GetType().Name + "." + property.Name + " is not set by the test's fixture: set it, so the test can see it kept.");
        }
    }

    private static void AssertSameValue(PropertyInfo property, object? expected, object? actual)
    {
        if (expected is IEnumerable list and not string)
        {
            Assert.True(list.Cast<object>().SequenceEqual(((IEnumerable)actual!).Cast<object>()), property.Name + " changed");
        }
        else
        {
            Assert.True(Equals(expected, actual), property.Name + ": expected " + expected + ", got " + actual);
        }
    }
}
