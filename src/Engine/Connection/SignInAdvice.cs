using EntraStrongAuth.Core.Connection;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>What to check when a sign-in fails, for each way of signing in.</summary>
internal static class SignInAdvice
{
    public static string For(CredentialKind kind) => kind switch
    {
        CredentialKind.ClientSecret => "Check -TenantId, the client id (user name) and secret (password) of -ClientSecretCredential, and that the secret has not expired.",
        CredentialKind.Certificate => "Check -TenantId and -ClientId, and that this certificate's public key is uploaded to the app registration and not expired.",
        CredentialKind.ManagedIdentity => "Run where a managed identity is assigned (Azure VM, App Service, Functions, Automation, Arc); for a user-assigned identity pass its -ClientId.",
        CredentialKind.WorkloadIdentity => "Check that the app registration has a federated credential whose issuer, subject and audience match the token in the file, and -TenantId/-ClientId.",
        CredentialKind.InteractiveBrowser or CredentialKind.DeviceCode => "Complete the sign-in in the browser; if your organization blocks the default client, pass -ClientId of an app registration allowed in your tenant.",
        _ => "Check -TenantId and the credential, and that the authority host is reachable.",
    };
}
