namespace EntraStrongAuth.Core.Classification;

/// <summary>Whether a later successful sign-in resolved the failure.</summary>
public enum ResolutionState
{
    /// <summary>A later success of the same correlation / request / session, or of the same user and app soon after.</summary>
    Resolved,

    /// <summary>No later success was found in the input.</summary>
    Unresolved,

    /// <summary>The failure is too recent for its outcome to be known (Entra can still be aggregating the log).</summary>
    Pending,
}
