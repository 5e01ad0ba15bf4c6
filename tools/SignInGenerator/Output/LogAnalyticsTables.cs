namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// The two Log Analytics tables and their columns, in the order a query returns them.
/// SigninLogs: the order of real exported rows (msticpy aad_logons, 2020), then the remaining columns of the
/// documented schema (azure-reference-other, 2024-11), then the columns the newer Sentinel schema of the
/// non-interactive table adds (IncomingTokenType, SessionId …), assumed present in both tables.
/// AADNonInteractiveUserSignInLogs: the Sentinel KQL-validation schema (86 columns) without the hidden _ columns.
/// Dynamic columns are the ones the schemas type as dynamic; every other JSON-valued column is a string holding JSON
/// text, which is why real exports show both shapes.
/// </summary>
internal sealed record LogAnalyticsTable(string Name, string Category, IReadOnlyList<string> Columns, IReadOnlySet<string> DynamicColumns)
{
    public static readonly LogAnalyticsTable SigninLogs = new("SigninLogs", "SignInLogs", new[]
    {
        "TenantId", "SourceSystem", "TimeGenerated", "ResourceId", "OperationName", "OperationVersion", "Category", "ResultType",
        "ResultSignature", "ResultDescription", "DurationMs", "CorrelationId", "Resource", "ResourceGroup", "ResourceProvider", "Identity",
        "Level", "Location", "AlternateSignInName", "AppDisplayName", "AppId", "AuthenticationDetails", "AuthenticationMethodsUsed",
        "AuthenticationProcessingDetails", "AuthenticationRequirement", "AuthenticationRequirementPolicies", "ClientAppUsed",
        "ConditionalAccessPolicies", "ConditionalAccessStatus", "CreatedDateTime", "DeviceDetail", "IsInteractive", "Id", "IPAddress",
        "IsRisky", "LocationDetails", "MfaDetail", "NetworkLocationDetails", "OriginalRequestId", "ProcessingTimeInMilliseconds",
        "RiskDetail", "RiskEventTypes", "RiskEventTypes_V2", "RiskLevelAggregated", "RiskLevelDuringSignIn", "RiskState",
        "ResourceDisplayName", "ResourceIdentity", "ServicePrincipalId", "ServicePrincipalName", "Status", "TokenIssuerName",
        "TokenIssuerType", "UserAgent", "UserDisplayName", "UserId", "UserPrincipalName", "AADTenantId", "Type",
        "AppliedConditionalAccessPolicies", "AppliedEventListeners", "AuthenticationContextClassReferences", "AuthenticationProtocol",
        "AutonomousSystemNumber", "CrossTenantAccessType", "FlaggedForReview", "HomeTenantId", "IPAddressFromResourceProvider",
        "ResourceServicePrincipalId", "ResourceTenantId", "RiskLevel", "SessionLifetimePolicies", "SignInIdentifier",
        "SignInIdentifierType", "UniqueTokenIdentifier", "UserType", "Agent", "AppOwnerTenantId", "AuthenticatorAppLocation",
        "ClientCredentialType", "ClientSessionId", "ConditionalAccessAudiences", "FederatedCredentialId", "GlobalSecureAccessIpAddress",
        "HomeTenantName", "IncomingTokenType", "IsTenantRestricted", "IsThroughGlobalSecureAccess", "OriginalTransferMethod",
        "ResourceOwnerTenantId", "SessionId", "TokenProtectionStatusDetails",
    }, new HashSet<string> { "AppliedEventListeners", "ConditionalAccessPolicies", "DeviceDetail", "LocationDetails", "MfaDetail", "Status" });

    public static readonly LogAnalyticsTable NonInteractive = new("AADNonInteractiveUserSignInLogs", "NonInteractiveUserSignInLogs", new[]
    {
        "AADTenantId", "Agent", "AlternateSignInName", "AppDisplayName", "AppId", "AppliedEventListeners", "AppOwnerTenantId",
        "AuthenticationContextClassReferences", "AuthenticationDetails", "AuthenticationMethodsUsed", "AuthenticationProcessingDetails",
        "AuthenticationProtocol", "AuthenticationRequirement", "AuthenticationRequirementPolicies", "AuthenticatorAppLocation",
        "AutonomousSystemNumber", "Category", "ClientAppUsed", "ClientCredentialType", "ClientSessionId", "ConditionalAccessAudiences",
        "ConditionalAccessPolicies", "ConditionalAccessStatus", "CorrelationId", "CreatedDateTime", "CrossTenantAccessType", "DeviceDetail",
        "DurationMs", "FederatedCredentialId", "GlobalSecureAccessIpAddress", "HomeTenantId", "HomeTenantName", "Id", "Identity",
        "IncomingTokenType", "IPAddress", "IsInteractive", "IsRisky", "IsTenantRestricted", "IsThroughGlobalSecureAccess", "Level",
        "Location", "LocationDetails", "MfaDetail", "NetworkLocationDetails", "OperationName", "OperationVersion", "OriginalRequestId",
        "OriginalTransferMethod", "ProcessingTimeInMs", "ResourceDisplayName", "ResourceGroup", "ResourceIdentity", "ResourceOwnerTenantId",
        "ResourceServicePrincipalId", "ResourceTenantId", "ResultDescription", "ResultSignature", "ResultType", "RiskDetail", "RiskEventTypes",
        "RiskEventTypes_V2", "RiskLevelAggregated", "RiskLevelDuringSignIn", "RiskState", "ServicePrincipalId", "SessionId",
        "SessionLifetimePolicies", "SignInEventTypes", "SignInIdentifierType", "SourceSystem", "Status", "TenantId", "TimeGenerated",
        "TokenIssuerName", "TokenIssuerType", "TokenProtectionStatusDetails", "Type", "UniqueTokenIdentifier", "UserAgent",
        "UserDisplayName", "UserId", "UserPrincipalName", "UserType",
    }, new HashSet<string> { "AppliedEventListeners" });

    public static LogAnalyticsTable For(bool interactive) => interactive ? SigninLogs : NonInteractive;
}
