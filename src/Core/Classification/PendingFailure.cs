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
