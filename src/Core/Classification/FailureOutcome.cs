using System;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Writes a linked failure's outcome: the resolving success, the BenignInterrupt reclassification of an interrupt
/// resolved in the same flow within minutes ("50074 then success 30 s later" is a normal step-up; DESIGN §5), and
/// the PossiblyIncomplete / Pending flags of failures too recent for Entra ID to have finished logging.
/// </summary>
internal sealed class FailureOutcome
{
    private readonly StrongAuthAnalyzerOptions _options;
    private readonly CauseRuleSet _rules;

    public FailureOutcome(StrongAuthAnalyzerOptions options, CauseRuleSet rules)
    {
        _options = options;
        _rules = rules;
    }

    public StrongAuthFailure Finish(PendingFailure pending)
    {
        var failure = pending.Failure;
        if (pending.BestKind is { } kind)
        {
            var mark = pending.Best;
            failure.Resolution = ResolutionState.Resolved;
            failure.ResolvedAt = new DateTimeOffset(mark.Ticks, TimeSpan.Zero);
            failure.ResolvedBy = mark.ResolvedBy;
            failure.ResolvedBySignInId = mark.SignInId;
            failure.ResolutionLink = LinkKinds.Name(kind);
            failure.TimeToResolve = failure.ResolvedAt - failure.CreatedDateTime;
            failure = IsBenign(failure, kind) ? AsBenign(failure, kind) : failure;
        }

        // Too recent: Entra ID may still add steps, and the success that resolves it may not be logged yet.
        if (_options.Now - failure.CreatedDateTime < _options.IncompleteAge)
        {
            failure.PossiblyIncomplete = true;
            if (failure.Resolution != ResolutionState.Resolved)
            {
                failure.Resolution = ResolutionState.Pending;
            }
        }

        return failure;
    }

    private bool IsBenign(StrongAuthFailure failure, LinkKind kind) =>
        LinkKinds.IsSameFlow(kind)
        && failure.TimeToResolve <= _options.BenignWindow
        && _rules.Definition(failure.Cause) is { BenignWhenResolved: true };

    private StrongAuthFailure AsBenign(StrongAuthFailure failure, LinkKind kind)
    {
        var link = LinkKinds.Name(kind);
        var resolved = new Evidence(
            link,
            kind switch
            {
                LinkKind.CorrelationId => failure.CorrelationId,
                LinkKind.OriginalRequestId => failure.SignIn.OriginalRequestId ?? failure.SignInId,
                _ => failure.SignIn.SessionId,
            },
            "Resolved by sign-in " + failure.ResolvedBySignInId + " (" + (failure.ResolvedBy ?? "no MFA step logged") + ") "
                + Durations.Describe(failure.TimeToResolve!.Value) + " later in the same " + link
                + ": a normal interrupt. Classified " + failure.Cause + " before that, by the evidence that follows.");

        // A shared correlation or request id is the same sign-in flow; a session is looser.
        var confidence = kind == LinkKind.SessionId ? Confidence.Medium : Confidence.High;
        var remedy = _rules.Definition(FailureCause.BenignInterrupt)?.Remedy ?? failure.Remedy;
        return failure.Reclassify(FailureCause.BenignInterrupt, confidence, new[] { resolved }.Concat(failure.Evidence).ToList(), remedy);
    }
}
