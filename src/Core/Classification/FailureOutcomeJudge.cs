using System;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Finishes a linked failure: its outcome (the resolving success; the PossiblyIncomplete / Pending flags of failures
/// too recent for Entra ID to have finished logging), and the BenignInterrupt reclassification of an interrupt
/// resolved in the same flow within minutes ("50074 then success 30 s later" is a normal step-up), then builds the
/// <see cref="StrongAuthFailure"/> once from the classification and the outcome.
/// </summary>
internal sealed class FailureOutcomeJudge
{
    private readonly StrongAuthAnalyzerOptions _options;
    private readonly CauseRuleSet _rules;

    public FailureOutcomeJudge(StrongAuthAnalyzerOptions options, CauseRuleSet rules)
    {
        _options = options;
        _rules = rules;
    }

    public StrongAuthFailure Finish(PendingFailure pending)
    {
        var classification = FlowChangeEvidence.Add(pending.Classification, pending.PriorProof);
        var created = classification.SignIn.CreatedDateTime;

        // Too recent: Entra ID may still add steps, and the success that resolves it may not be logged yet.
        var recent = _options.Now - created < _options.IncompleteAge;
        if (pending.BestKind is not { } kind)
        {
            var open = new FailureOutcome { Resolution = recent ? ResolutionState.Pending : ResolutionState.Unresolved, PossiblyIncomplete = recent };
            return new StrongAuthFailure(classification, open);
        }

        var mark = pending.Best;
        var resolvedAt = new DateTimeOffset(mark.Ticks, TimeSpan.Zero);
        var outcome = new FailureOutcome
        {
            Resolution = ResolutionState.Resolved,
            ResolvedAt = resolvedAt,
            ResolvedBy = mark.ResolvedBy,
            ResolvedBySignInId = mark.SignInId,
            ResolutionLink = LinkKinds.Name(kind),
            TimeToResolve = resolvedAt - created,
            PossiblyIncomplete = recent,
        };
        var final = IsBenign(classification, kind, outcome) ? AsBenign(classification, kind, outcome) : classification;
        return new StrongAuthFailure(final, outcome);
    }

    private bool IsBenign(FailureClassification classification, LinkKind kind, FailureOutcome outcome) =>
        LinkKinds.IsSameFlow(kind)
        && outcome.TimeToResolve <= _options.BenignWindow
        && _rules.Definition(classification.Cause) is { BenignWhenResolved: true };

    private FailureClassification AsBenign(FailureClassification classification, LinkKind kind, FailureOutcome outcome)
    {
        var link = LinkKinds.Name(kind);
        var signIn = classification.SignIn;
        var resolved = new Evidence(
            link,
            kind switch
            {
                LinkKind.CorrelationId => signIn.CorrelationId,
                LinkKind.OriginalRequestId => signIn.OriginalRequestId ?? signIn.Id,
                _ => signIn.SessionId,
            },
            "Resolved by sign-in " + outcome.ResolvedBySignInId + " (" + (outcome.ResolvedBy ?? "no MFA step logged") + ") "
                + Durations.Describe(outcome.TimeToResolve!.Value) + " later in the same " + link
                + ": a normal interrupt. Classified " + classification.Cause + " before that, by the evidence that follows.");

        // A shared correlation or request id is the same sign-in flow; a session is looser.
        var confidence = kind == LinkKind.SessionId ? Confidence.Medium : Confidence.High;
        var remedy = _rules.Definition(FailureCause.BenignInterrupt)?.Remedy ?? classification.Remedy;
        return classification.Reclassify(FailureCause.BenignInterrupt, confidence, new[] { resolved }.Concat(classification.Evidence).ToList(), remedy);
    }
}
