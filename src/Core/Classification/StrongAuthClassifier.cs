using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Aadsts;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Classifies one failed sign-in into exactly one <see cref="FailureCause"/> with a confidence, the evidence that
/// decided it and the remedy. The cause table is data (<see cref="ClassificationData.Rules"/>): the first rule that
/// matches decides; later rules of the same cause add supporting evidence. Linking a failure to a later success is
/// not done here (it needs other records): see <see cref="StrongAuthAnalyzer"/>.
/// </summary>
public sealed class StrongAuthClassifier
{
    private static readonly Lazy<StrongAuthClassifier> DefaultClassifier = new(() => new StrongAuthClassifier(ClassificationData.BuiltIn, AadstsCatalog.BuiltIn));

    public StrongAuthClassifier(ClassificationData data, AadstsCatalog catalog)
    {
        Data = data ?? throw new ArgumentNullException(nameof(data));
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    /// <summary>The classifier over the built-in tables and AADSTS catalog.</summary>
    public static StrongAuthClassifier Default => DefaultClassifier.Value;

    public ClassificationData Data { get; }

    public AadstsCatalog Catalog { get; }

    /// <summary>The failure explained on its own: no later success was looked for (<see cref="StrongAuthAnalyzer"/> links).</summary>
    public StrongAuthFailure Classify(SignInEvent signIn) => new(Decide(signIn), FailureOutcome.Unresolved);

    /// <summary>The cause of one failed sign-in with its confidence, evidence and remedy: what the analyzer then links.</summary>
    internal FailureClassification Decide(SignInEvent signIn)
    {
        if (signIn is null)
        {
            throw new ArgumentNullException(nameof(signIn));
        }

        if (signIn.IsSuccess)
        {
            throw new ArgumentException("A successful sign-in (status.errorCode 0) has no failure to classify.", nameof(signIn));
        }

        var code = Catalog.TryGet(signIn.ErrorCode, out var entry) ? new AadstsErrorInfo(entry) : null;
        var decision = FirstMatch(signIn, code);
        return SubjectRemedies.Fit(decision is null ? Other(signIn, code) : decision.Build(signIn, code, Data.Rules), Data);
    }

    /// <summary>The first matching rule, with the evidence of later matching rules of the same cause.</summary>
    private Decision? FirstMatch(SignInEvent signIn, AadstsErrorInfo? code)
    {
        Decision? decision = null;
        foreach (var rule in Data.Rules.Rules)
        {
            if (!rule.AppliesTo(signIn.ErrorCode) || (decision is not null && rule.Cause != decision.Rule.Cause))
            {
                continue;
            }

            if (RuleMatcher.TryMatch(rule, signIn, Data, out var evidence))
            {
                if (decision is null)
                {
                    decision = new Decision(rule, CodeEvidence(signIn.ErrorCode, code, rule.Reason), evidence);
                }
                else
                {
                    decision.Support(evidence);
                }
            }
        }

        return decision;
    }

    private static FailureClassification Other(SignInEvent signIn, AadstsErrorInfo? code)
    {
        var text = code is null
            ? "Not in the AADSTS catalog; no strong-authentication rule matched."
            : code.Meaning + " No strong-authentication rule matched.";
        var remedy = code is { Remedy.Count: > 0 }
            ? code.Remedy
            : new[] { "Look the code up at " + AadstsErrorInfo.BuildLookupUri(signIn.ErrorCode) + " and in the sign-in's failure reason." };

        // The catalog knowing the code is itself good evidence of what it is; an unknown code is a guess.
        return new FailureClassification(signIn, code, FailureCause.Other, code is null ? Confidence.Low : Confidence.Medium, new[] { CodeEvidence(signIn.ErrorCode, code, text) }, remedy);
    }

    private static Evidence CodeEvidence(int errorCode, AadstsErrorInfo? code, string reason) =>
        new("status.errorCode", errorCode.ToString(CultureInfo.InvariantCulture), code is null ? reason : code.Name + ": " + reason);

    /// <summary>The evidence and confidence of a classification as it is assembled from the matching rules.</summary>
    private sealed class Decision
    {
        private readonly List<Evidence> _evidence = new();
        private bool _corroborated;

        public Decision(CauseRule rule, Evidence code, List<Evidence> evidence)
        {
            Rule = rule;
            _evidence.Add(code);
            Add(evidence);
        }

        public CauseRule Rule { get; }

        /// <summary>A later rule of the same cause also matched; new facts in it corroborate the decision.</summary>
        public void Support(List<Evidence> evidence) => _corroborated |= Add(evidence);

        public FailureClassification Build(SignInEvent signIn, AadstsErrorInfo? code, CauseRuleSet rules)
        {
            var confidence = Rule.Confidence;
            if (_corroborated && confidence < Confidence.High)
            {
                confidence++;
            }

            var required = Absent(signIn, Rule.Requires);
            var detail = Absent(signIn, Rule.LowerWhenAbsent);
            var missing = required.Concat(detail).Distinct(StringComparer.Ordinal).ToList();
            foreach (var field in missing)
            {
                _evidence.Add(new Evidence(field, null, SignInFields.AbsentMeaning(field)));
            }

            confidence = EvidenceLimits.Cap(Rule, confidence, required.Count > 0, detail.Count > 0);
            AddDemandingPolicies(signIn);
            if (Rule.Cause == FailureCause.StaleSessionClaims)
            {
                Add(SessionLifetimeEvidence.Of(signIn));
            }

            var remedy = Rule.Remedy ?? rules.Definition(Rule.Cause)?.Remedy ?? code?.Remedy ?? Array.Empty<string>();
            return new FailureClassification(signIn, code, Rule.Cause, confidence, _evidence, remedy) { RuleId = Rule.Id, MissingEvidence = missing };
        }

        private static List<string> Absent(SignInEvent signIn, IEnumerable<string> fields) =>
            fields.Where(field => !SignInFields.Read(signIn, field).Any()).ToList();

        /// <summary>Names the enforced policies that interrupted the sign-in, whichever rule decided: that is what an admin reviews.</summary>
        private void AddDemandingPolicies(SignInEvent signIn)
        {
            var policies = signIn.AppliedConditionalAccessPolicies;
            for (var i = 0; i < policies.Count; i++)
            {
                var policy = policies[i];
                if (!ConditionalAccessResults.Interrupted(policy))
                {
                    continue;
                }

                var field = "appliedConditionalAccessPolicies[" + i.ToString(CultureInfo.InvariantCulture) + "].displayName";
                var grant = policy.EnforcedGrantControls.Count == 0 ? "none" : string.Join(", ", policy.EnforcedGrantControls);
                var strength = policy.AuthenticationStrengthDisplayName is null ? string.Empty : "; strength " + policy.AuthenticationStrengthDisplayName + " → " + policy.AuthenticationStrengthResult;
                Add(new[] { new Evidence(field, policy.DisplayName ?? policy.Id, "Enforced Conditional Access policy the sign-in did not satisfy (result " + (policy.Result ?? "not given") + "; grant " + grant + strength + ").") });
            }
        }

        /// <summary>Adds the facts not yet listed; true when any was new.</summary>
        private bool Add(IEnumerable<Evidence> evidence)
        {
            var added = false;
            foreach (var item in evidence)
            {
                if (!_evidence.Any(e => e.Field == item.Field && e.Value == item.Value))
                {
                    _evidence.Add(item);
                    added = true;
                }
            }

            return added;
        }
    }
}
