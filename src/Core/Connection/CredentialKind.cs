namespace EntraStrongAuth.Core.Connection;

/// <summary>How the module signs in to Microsoft Graph. The Engine maps each kind to an Azure.Identity credential.</summary>
public enum CredentialKind
{
    /// <summary>A user in the system browser (delegated; <c>Connect-EntraStrongAuth</c> with no credential).</summary>
    InteractiveBrowser,

    /// <summary>A user on another device with a one-time code (<c>-UseDeviceCode</c>, or no browser here).</summary>
    DeviceCode,

    /// <summary>An app registration's client secret (<c>-ClientSecretCredential</c>).</summary>
    ClientSecret,

    /// <summary>An app registration's certificate: from the user's store, an object, or a PFX/PEM file.</summary>
    Certificate,

    /// <summary>The Azure resource's managed identity (<c>-Identity</c>); user-assigned with <c>-ClientId</c>.</summary>
    ManagedIdentity,

    /// <summary>Workload identity federation: an OIDC token from another issuer in a file, exchanged for a Graph token.</summary>
    WorkloadIdentity,

    /// <summary>A bearer token the caller already has (<c>-AccessToken</c>); never refreshed.</summary>
    AccessToken,

    /// <summary>
    /// The Microsoft Graph PowerShell session (<c>Connect-MgGraph</c>): its token is asked of that session whenever the
    /// one held is near expiry, so the session's own sign-in keeps renewing it (<c>-UseGraphSession</c>, or adopted).
    /// </summary>
    GraphSession,
}
