using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// SigninLogs / AADNonInteractiveUserSignInLogs columns (Log Analytics, Sentinel) to sign-in fields, for JSON rows
/// and CSV headers alike. Most columns are the Graph name in PascalCase; the exceptions are why this is a map of its
/// own: ResourceId is the Azure resource path of the tenant (the signIn's resource is ResourceIdentity), Location is a
/// country code (the object is LocationDetails), the policies are ConditionalAccessPolicies, and ResultType carries
/// the error code as a string.
/// </summary>
internal static class LogAnalyticsColumns
{
    public static readonly Utf8NameTable<SignInField> Table = new(new Dictionary<string, SignInField>
    {
        ["TimeGenerated"] = SignInField.EventTime,
        ["CreatedDateTime"] = SignInField.CreatedDateTime,
        ["ResultType"] = SignInField.ResultType,
        ["ResultDescription"] = SignInField.ResultDescription,
        ["Status"] = SignInField.Status,
        ["Category"] = SignInField.Category,
        ["Type"] = SignInField.Category,
        ["Id"] = SignInField.Id,
        ["UserId"] = SignInField.UserId,
        ["UserPrincipalName"] = SignInField.UserPrincipalName,
        ["UserDisplayName"] = SignInField.UserDisplayName,
        ["UserType"] = SignInField.UserType,
        ["AppId"] = SignInField.AppId,
        ["AppDisplayName"] = SignInField.AppDisplayName,
        ["ResourceIdentity"] = SignInField.ResourceId,
        ["ResourceDisplayName"] = SignInField.ResourceDisplayName,
        ["ServicePrincipalId"] = SignInField.ServicePrincipalId,
        ["IPAddress"] = SignInField.IpAddress,
        ["AutonomousSystemNumber"] = SignInField.AutonomousSystemNumber,
        ["Location"] = SignInField.CountryCode,
        ["LocationDetails"] = SignInField.Location,
        ["ClientAppUsed"] = SignInField.ClientAppUsed,
        ["UserAgent"] = SignInField.UserAgent,
        ["IsInteractive"] = SignInField.IsInteractive,
        ["SignInEventTypes"] = SignInField.SignInEventTypes,
        ["AuthenticationProtocol"] = SignInField.AuthenticationProtocol,
        ["IncomingTokenType"] = SignInField.IncomingTokenType,
        ["OriginalTransferMethod"] = SignInField.OriginalTransferMethod,
        ["TokenIssuerType"] = SignInField.TokenIssuerType,
        ["TokenIssuerName"] = SignInField.TokenIssuerName,
        ["CorrelationId"] = SignInField.CorrelationId,
        ["OriginalRequestId"] = SignInField.OriginalRequestId,
        ["SessionId"] = SignInField.SessionId,
        ["AuthenticationRequirement"] = SignInField.AuthenticationRequirement,
        ["AuthenticationRequirementPolicies"] = SignInField.AuthenticationRequirementPolicies,
        ["AuthenticationDetails"] = SignInField.AuthenticationDetails,
        ["AuthenticationMethodsUsed"] = SignInField.AuthenticationMethodsUsed,
        ["ConditionalAccessPolicies"] = SignInField.AppliedConditionalAccessPolicies,
        ["AppliedConditionalAccessPolicies"] = SignInField.AppliedConditionalAccessPolicies,
        ["ConditionalAccessStatus"] = SignInField.ConditionalAccessStatus,
        ["SessionLifetimePolicies"] = SignInField.SessionLifetimePolicies,
        ["DeviceDetail"] = SignInField.DeviceDetail,
        ["NetworkLocationDetails"] = SignInField.NetworkLocationDetails,
        ["RiskLevelDuringSignIn"] = SignInField.RiskLevelDuringSignIn,
        ["RiskLevelAggregated"] = SignInField.RiskLevelAggregated,
        ["RiskState"] = SignInField.RiskState,
        ["RiskDetail"] = SignInField.RiskDetail,
        ["RiskEventTypes"] = SignInField.RiskEventTypes,
        ["RiskEventTypes_V2"] = SignInField.RiskEventTypesV2,
        ["ClientCredentialType"] = SignInField.ClientCredentialType,
        ["CrossTenantAccessType"] = SignInField.CrossTenantAccessType,
        ["HomeTenantId"] = SignInField.HomeTenantId,
        ["ResourceTenantId"] = SignInField.ResourceTenantId,
    });

    /// <summary>
    /// A CSV header to a field. The Log Analytics portal's "Export to CSV" writes datetime columns as
    /// "TimeGenerated [UTC]" (or "[Local Time]"): the bracket suffix is dropped before the lookup.
    /// </summary>
    public static SignInField Resolve(string header)
    {
        var name = header.Trim();
        var bracket = name.IndexOf(" [", StringComparison.Ordinal);
        if (bracket > 0 && name.EndsWith("]", StringComparison.Ordinal))
        {
            name = name.Substring(0, bracket);
        }

        return Table.TryGet(name, out var field) ? field : SignInField.None;
    }
}
