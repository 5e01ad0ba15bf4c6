namespace EntraStrongAuth.Core.Headless;

/// <summary>What a script signing in as a user should become.</summary>
public enum WorkloadIdentityKind
{
    /// <summary>It runs in Azure (Automation, Functions, a VM, App Service, AKS with a managed identity).</summary>
    ManagedIdentity,

    /// <summary>It runs where an OIDC issuer vouches for it: GitHub Actions, Azure DevOps, Kubernetes, another cloud.</summary>
    WorkloadIdentityFederation,

    /// <summary>Anywhere else: an app registration with a certificate credential.</summary>
    CertificateServicePrincipal,
}
