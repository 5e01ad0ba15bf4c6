namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// The kinds of sign-in Graph keeps apart. Without a signInEventTypes filter, Graph returns interactive user sign-ins
/// only, which is how tools silently miss the non-interactive ones; so each kind asked for is queried explicitly.
/// </summary>
public enum SignInEventType
{
    Interactive,
    NonInteractive,
    ServicePrincipal,
    ManagedIdentity,
}
