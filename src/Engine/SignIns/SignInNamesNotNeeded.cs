using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Columns and properties the sources write that no classification needs: known, and skipped without a warning.
/// Any other name a reader meets is listed once per file in a warning (see <see cref="UnknownNames"/>), so nothing
/// is dropped silently. From the Graph beta signIn resource, the SigninLogs / AADNonInteractiveUserSignInLogs /
/// AADServicePrincipalSignInLogs / AADManagedIdentitySignInLogs column lists, a custom log table's standard columns,
/// the TableName that az monitor log-analytics query adds to each row, the diagnostic-settings envelope, and the admin center download's headers (54, 55 and 57 column versions).
/// </summary>
internal static class SignInNamesNotNeeded
{
    public static readonly string[] Graph =
    [
        "authenticationContextClassReferences", "appliedEventListeners", "appTokenProtectionStatus", "authenticationAppDeviceDetails",
        "authenticationAppPolicyEvaluationDetails", "authenticationProcessingDetails", "azureResourceId", "federatedCredentialId",
        "flaggedForReview", "homeTenantName", "isTenantRestricted", "ipAddressFromResourceProvider", "privateLinkDetails",
        "processingTimeInMilliseconds", "servicePrincipalCredentialKeyId", "servicePrincipalCredentialThumbprint",
        "servicePrincipalName", "signInIdentifier", "signInIdentifierType", "signInTokenProtectionStatus", "managedServiceIdentity",
        "agent", "isThroughGlobalSecureAccess", "globalSecureAccessIpAddress", "conditionalAccessAudiences",
        "uniqueTokenIdentifier", "resourceServicePrincipalId", "resourceOwnerTenantId", "appOwnerTenantId", "tokenProtectionStatusDetails",
        "authenticatorAppLocation", "clientSessionId",
    ];

    public static readonly string[] LogAnalytics =
    [
        "AADTenantId", "AlternateSignInName", "AppliedEventListeners", "AuthenticationContextClassReferences", "AuthenticationProcessingDetails",
        "DurationMs", "FederatedCredentialId", "FlaggedForReview", "IPAddressFromResourceProvider", "Identity", "IsRisky", "Level",
        "OperationName", "OperationVersion", "ProcessingTimeInMilliseconds", "ProcessingTimeInMs", "ResourceGroup", "ResourceProvider",
        "ResourceServicePrincipalId", "ResultSignature", "ServicePrincipalCredentialKeyId", "ServicePrincipalCredentialThumbprint",
        "ServicePrincipalName", "SignInIdentifier", "SignInIdentifierType", "SourceSystem", "TenantId", "UniqueTokenIdentifier",
        "_BilledSize", "_IsBillable", "Resource", "ResourceId", "RiskLevel", "_ResourceId", "_SubscriptionId", "_ItemId", "_Internal_WorkspaceResourceId",
        "MG", "ManagementGroupName", "Computer", "RawData", "Agent", "AppOwnerTenantId", "AuthenticatorAppLocation", "ClientSessionId",
        "ConditionalAccessAudiences", "GlobalSecureAccessIpAddress", "HomeTenantName", "IsTenantRestricted", "IsThroughGlobalSecureAccess",
        "ResourceOwnerTenantId", "TokenProtectionStatusDetails", "TableName",
    ];

    public static readonly string[] Envelope =
    [
        "resourceId", "operationName", "operationVersion", "tenantId", "resultSignature", "durationMs", "identity", "level",
    ];

    private static readonly HashSet<string> AdminCenter = new(
        [
            "App owner tenant ID", "Associated Resource Id", "Federated Token Id", "Federated Token Issuer", "Flagged for review",
            "Global Secure Access IP address", "Home tenant name", "IP address (seen by resource)", "Latency", "Managed Identity type",
            "Resource owner tenant ID", "Sign-in identifier", "Through Global Secure Access", "Token Protection - Sign In Session",
            "Token Protection - Sign In Session StatusCode", "Unique token identifier",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>A name table entry that marks a name as known but not read.</summary>
    public static IEnumerable<KeyValuePair<string, SignInField>> AsSkipped(IEnumerable<string> names) =>
        names.Select(name => new KeyValuePair<string, SignInField>(name, SignInField.None));

    /// <summary>A CSV header that is known but not read (the Log Analytics ones through its name table).</summary>
    public static bool IsKnownHeader(string header, SignInLogFormat format) =>
        format == SignInLogFormat.AdminCenterCsv ? AdminCenter.Contains(AdminCenterCsvColumns.Normalize(header)) : LogAnalyticsColumns.IsKnown(header);
}
