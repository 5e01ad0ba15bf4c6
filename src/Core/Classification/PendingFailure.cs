using System.Collections.Generic;

namespace EntraStrongAuth.Core.Classification;

/// <summary>A classified failure waiting for its outcome, with the best resolving success found so far.</summary>
internal sealed class PendingFailure
{
    public PendingFailure(FailureClassification classification, List<(LinkKind Kind, ulong Key)> keys)
    {
        Classification = classification;
        Ticks = classification.SignIn.CreatedDateTime.UtcTicks;
        Keys = keys;
    }

    public FailureClassification Classification { get; }

    public long Ticks { get; }

    public List<(LinkKind Kind, ulong Key)> Keys { get; }

    /// <summary>The link of <see cref="Best"/>; null while no success was found.</summary>
    public LinkKind? BestKind { get; private set; }

    public SuccessMark Best { get; private set; }

    /// <summary>The last MFA success of the same session or flow before this failure, when one was seen.</summary>
    public FlowContext? PriorProof { get; private set; }

    /// <summary>Keeps the proof when it is before this failure and later than the one held.</summary>
    public void OfferPrior(FlowContext? proof)
    {
        if (proof is not null && proof.Ticks < Ticks && (PriorProof is null || proof.IsLaterThan(PriorProof)))
        {
            PriorProof = proof;
        }
    }

    /// <summary>Keeps the candidate when its link is stronger, or as strong and earlier.</summary>
    public void Offer(LinkKind kind, SuccessMark mark)
    {
        if (BestKind is null || kind < BestKind || (kind == BestKind && mark.IsBetterThan(Best)))
        {
            BestKind = kind;
            Best = mark;
        }
    }
}
