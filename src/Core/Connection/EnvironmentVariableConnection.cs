using System;
using System.Collections.Generic;
using System.Security;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Core.Connection;

/// <summary>
/// Connect-EntraStrongAuth -EnvironmentVariable: the Azure SDK's variable names (AZURE_TENANT_ID, AZURE_CLIENT_ID,
/// then AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH [+ _PASSWORD] or AZURE_FEDERATED_TOKEN_FILE), resolved
/// here so the error can name exactly which variable is missing. AZURE_USERNAME/AZURE_PASSWORD (a user's password
/// in a script) is refused on purpose: it is the headless-user pattern that MFA enforcement breaks. The one reader of
/// these variables: -WorkloadIdentity fills its missing values from them here too.
/// </summary>
public static class EnvironmentVariableConnection
{
    public const string Source = "EnvironmentVariables";

    private const string TenantIdVariable = "AZURE_TENANT_ID";
    private const string ClientIdVariable = "AZURE_CLIENT_ID";
    private const string FederatedTokenFileVariable = "AZURE_FEDERATED_TOKEN_FILE";

    /// <summary>
    /// Connect-EntraStrongAuth -WorkloadIdentity: the parameters win; what they leave out comes from AZURE_TENANT_ID,
    /// AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE, which AKS workload identity and CI runners inject. Values are
    /// taken as they are (validation happens when the credential is made).
    /// </summary>
    public static ConnectionOptions WorkloadIdentity(CloudEnvironment environment, Func<string, string?> read, string? tenantId, string? clientId, string? federatedTokenFile)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        return new ConnectionOptions(CredentialKind.WorkloadIdentity, environment)
        {
            TenantId = tenantId ?? read(TenantIdVariable),
            ClientId = clientId ?? read(ClientIdVariable),
            FederatedTokenFile = federatedTokenFile ?? read(FederatedTokenFileVariable),
        };
    }

    public static ConnectionOptions Resolve(CloudEnvironment environment, Func<string, string?> read)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        var tenantId = Value(read, TenantIdVariable);
        var clientId = Value(read, ClientIdVariable);
        var missing = new List<string>();
        if (tenantId is null)
        {
            missing.Add(TenantIdVariable);
        }

        if (clientId is null)
        {
            missing.Add(ClientIdVariable);
        }

        var secret = Value(read, "AZURE_CLIENT_SECRET");
        var certificatePath = Value(read, "AZURE_CLIENT_CERTIFICATE_PATH");
        var tokenFile = Value(read, FederatedTokenFileVariable);
        if (secret is null && certificatePath is null && tokenFile is null)
        {
            if (Value(read, "AZURE_USERNAME") is not null)
            {
                throw new EntraStrongAuthException(
                    ErrorIds.EnvironmentUserPasswordRefused,
                    FailureKind.InvalidArgument,
                    "AZURE_USERNAME/AZURE_PASSWORD sign a user in with a password, which fails as soon as MFA is required (AADSTS50076/50079).",
                    "Give the automation a workload identity: set AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_FEDERATED_TOKEN_FILE for an app registration, or use -Identity.");
            }

            missing.Add("one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH, AZURE_FEDERATED_TOKEN_FILE");
        }

        if (missing.Count > 0)
        {
            throw new EntraStrongAuthException(
                ErrorIds.EnvironmentVariableMissing,
                FailureKind.InvalidArgument,
                "-EnvironmentVariable needs these environment variables, which are not set: " + string.Join(", ", missing) + ".",
                "Set them in the process environment (values are never shown), or pass the credential as parameters.");
        }

        if (secret is not null)
        {
            return new ConnectionOptions(CredentialKind.ClientSecret, environment) { TenantId = tenantId, ClientId = clientId, Secret = Secure(secret), Source = Source };
        }

        if (certificatePath is not null)
        {
            var password = Value(read, "AZURE_CLIENT_CERTIFICATE_PASSWORD");
            var certificate = CertificateSource.FromFile(certificatePath, password is null ? null : Secure(password));
            return new ConnectionOptions(CredentialKind.Certificate, environment) { TenantId = tenantId, ClientId = clientId, Certificate = certificate, Source = Source };
        }

        return new ConnectionOptions(CredentialKind.WorkloadIdentity, environment) { TenantId = tenantId, ClientId = clientId, FederatedTokenFile = tokenFile, Source = Source };
    }

    private static string? Value(Func<string, string?> read, string name)
    {
        var value = read(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
