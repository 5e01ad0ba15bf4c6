namespace EntraStrongAuth.Core.Connection;

/// <summary>How the module signs in to Microsoft Graph. The Engine maps each kind to an Azure.Identity credential.</summary>
public enum CredentialKind
{
    /// <summary>A bearer token the caller already has (<c>-AccessToken</c>); never refreshed.</summary>
    AccessToken,

    /// <summary>An app registration's client secret (<c>-ClientSecretCredential</c>).</summary>
    ClientSecret,
}
