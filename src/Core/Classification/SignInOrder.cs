namespace EntraStrongAuth.Core.Classification;

/// <summary>The order sign-ins are observed in, as the caller knows it. Sorted input lets outcomes be emitted early.</summary>
public enum SignInOrder
{
    /// <summary>Any order (several files, concurrent time slices): every outcome is known only at the end.</summary>
    Unknown,

    /// <summary>Newest first, as Graph returns them: a failure's outcome is known when it arrives.</summary>
    NewestFirst,

    /// <summary>Oldest first, as most exports are: a failure's outcome is known once the stream passes its window.</summary>
    OldestFirst,

    /// <summary>Not known in advance: the analyzer holds the first 64 sign-ins back, takes the order they show
    /// (Unknown when they show none), and falls back to Unknown if the input breaks it later.</summary>
    Detect,
}
