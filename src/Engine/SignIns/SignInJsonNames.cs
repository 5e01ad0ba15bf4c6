using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>Property names inside the signIn's complex values (status, location, deviceDetail, policies, steps …).</summary>
internal enum NestedName
{
    ErrorCode,
    FailureReason,
    AdditionalDetails,
    City,
    State,
    CountryOrRegion,
    DeviceId,
    DisplayName,
    OperatingSystem,
    Browser,
    IsCompliant,
    IsManaged,
    TrustType,
    Id,
    Result,
    EnforcedGrantControls,
    EnforcedSessionControls,
    AuthenticationStrength,
    AuthenticationStrengthId,
    AuthenticationStrengthResult,
    AuthenticationMethod,
    AuthenticationMethodDetail,
    AuthenticationStepDateTime,
    AuthenticationStepRequirement,
    AuthenticationStepResultDetail,
    Succeeded,
    RequirementProvider,
    Detail,
    ExpirationRequirement,
    NetworkType,
    NetworkNames,
}

/// <summary>
/// The Graph signIn property names (beta and v1.0; names exact as in the beta resource doc) and the names inside its
/// complex values. The diagnostic archive's <c>properties</c> and the Log Analytics dynamic columns use the same inner
/// names, so every JSON reader shares these tables.
/// </summary>
internal static class SignInJsonNames
{
    public static readonly Utf8NameTable<SignInField> SignIn = new(new Dictionary<string, SignInField>
    {
        ["id"] = SignInField.Id,
        ["createdDateTime"] = SignInField.CreatedDateTime,
        ["userId"] = SignInField.UserId,
        ["userPrincipalName"] = SignInField.UserPrincipalName,
        ["userDisplayName"] = SignInField.UserDisplayName,
        ["userType"] = SignInField.UserType,
        ["appId"] = SignInField.AppId,
        ["appDisplayName"] = SignInField.AppDisplayName,
        ["resourceId"] = SignInField.ResourceId,
        ["resourceDisplayName"] = SignInField.ResourceDisplayName,
        ["servicePrincipalId"] = SignInField.ServicePrincipalId,
        ["ipAddress"] = SignInField.IpAddress,
        ["autonomousSystemNumber"] = SignInField.AutonomousSystemNumber,
        ["clientAppUsed"] = SignInField.ClientAppUsed,
        ["userAgent"] = SignInField.UserAgent,
        ["isInteractive"] = SignInField.IsInteractive,
        ["signInEventTypes"] = SignInField.SignInEventTypes,
        ["authenticationProtocol"] = SignInField.AuthenticationProtocol,
        ["incomingTokenType"] = SignInField.IncomingTokenType,
        ["originalTransferMethod"] = SignInField.OriginalTransferMethod,
        ["tokenIssuerType"] = SignInField.TokenIssuerType,
        ["tokenIssuerName"] = SignInField.TokenIssuerName,
        ["correlationId"] = SignInField.CorrelationId,
        ["originalRequestId"] = SignInField.OriginalRequestId,
        ["sessionId"] = SignInField.SessionId,
        ["status"] = SignInField.Status,
        ["authenticationRequirement"] = SignInField.AuthenticationRequirement,
        ["authenticationRequirementPolicies"] = SignInField.AuthenticationRequirementPolicies,
        ["authenticationDetails"] = SignInField.AuthenticationDetails,
        ["authenticationMethodsUsed"] = SignInField.AuthenticationMethodsUsed,
        ["appliedConditionalAccessPolicies"] = SignInField.AppliedConditionalAccessPolicies,
        ["conditionalAccessStatus"] = SignInField.ConditionalAccessStatus,
        ["sessionLifetimePolicies"] = SignInField.SessionLifetimePolicies,
        ["deviceDetail"] = SignInField.DeviceDetail,
        ["location"] = SignInField.Location,
        ["networkLocationDetails"] = SignInField.NetworkLocationDetails,
        ["riskLevelDuringSignIn"] = SignInField.RiskLevelDuringSignIn,
        ["riskLevelAggregated"] = SignInField.RiskLevelAggregated,
        ["riskState"] = SignInField.RiskState,
        ["riskDetail"] = SignInField.RiskDetail,
        ["riskEventTypes"] = SignInField.RiskEventTypes,
        ["riskEventTypes_v2"] = SignInField.RiskEventTypesV2,
        ["clientCredentialType"] = SignInField.ClientCredentialType,
        ["crossTenantAccessType"] = SignInField.CrossTenantAccessType,
        ["homeTenantId"] = SignInField.HomeTenantId,
        ["resourceTenantId"] = SignInField.ResourceTenantId,
    });

    public static readonly Utf8NameTable<NestedName> Nested = new(new Dictionary<string, NestedName>
    {
        ["errorCode"] = NestedName.ErrorCode,
        ["failureReason"] = NestedName.FailureReason,
        ["additionalDetails"] = NestedName.AdditionalDetails,
        ["city"] = NestedName.City,
        ["state"] = NestedName.State,
        ["countryOrRegion"] = NestedName.CountryOrRegion,
        ["deviceId"] = NestedName.DeviceId,
        ["displayName"] = NestedName.DisplayName,
        ["operatingSystem"] = NestedName.OperatingSystem,
        ["browser"] = NestedName.Browser,
        ["isCompliant"] = NestedName.IsCompliant,
        ["isManaged"] = NestedName.IsManaged,
        ["trustType"] = NestedName.TrustType,
        ["id"] = NestedName.Id,
        ["result"] = NestedName.Result,
        ["enforcedGrantControls"] = NestedName.EnforcedGrantControls,
        ["enforcedSessionControls"] = NestedName.EnforcedSessionControls,
        ["authenticationStrength"] = NestedName.AuthenticationStrength,
        ["authenticationStrengthId"] = NestedName.AuthenticationStrengthId,
        ["authenticationStrengthResult"] = NestedName.AuthenticationStrengthResult,
        ["authenticationMethod"] = NestedName.AuthenticationMethod,
        ["authenticationMethodDetail"] = NestedName.AuthenticationMethodDetail,
        ["authenticationStepDateTime"] = NestedName.AuthenticationStepDateTime,
        ["authenticationStepRequirement"] = NestedName.AuthenticationStepRequirement,
        ["authenticationStepResultDetail"] = NestedName.AuthenticationStepResultDetail,
        ["succeeded"] = NestedName.Succeeded,
        ["requirementProvider"] = NestedName.RequirementProvider,
        ["detail"] = NestedName.Detail,
        ["expirationRequirement"] = NestedName.ExpirationRequirement,
        ["networkType"] = NestedName.NetworkType,
        ["networkNames"] = NestedName.NetworkNames,
    });

    /// <summary>
    /// The diagnostic-settings envelope (storage account / Event Hub). Only what fills a gap in <c>properties</c>:
    /// resourceId here is the Azure resource path, not the signIn's resource, so it is not mapped.
    /// </summary>
    public static readonly Utf8NameTable<SignInField> DiagnosticEnvelope = new(new Dictionary<string, SignInField>
    {
        ["properties"] = SignInField.NestedSignIn,
        ["time"] = SignInField.EventTime,
        ["resultType"] = SignInField.ResultType,
        ["resultDescription"] = SignInField.ResultDescription,
        ["category"] = SignInField.Category,
        ["correlationId"] = SignInField.EnvelopeCorrelationId,
        ["callerIpAddress"] = SignInField.CallerIpAddress,
        ["location"] = SignInField.CountryCode,
    });

    private static readonly Dictionary<SignInField, string> NestedPaths = new()
    {
        [SignInField.ErrorCode] = "status.errorCode",
        [SignInField.FailureReason] = "status.failureReason",
        [SignInField.AdditionalDetails] = "status.additionalDetails",
        [SignInField.City] = "location.city",
        [SignInField.State] = "location.state",
        [SignInField.CountryOrRegion] = "location.countryOrRegion",
        [SignInField.DeviceId] = "deviceDetail.deviceId",
        [SignInField.DeviceDisplayName] = "deviceDetail.displayName",
        [SignInField.OperatingSystem] = "deviceDetail.operatingSystem",
        [SignInField.Browser] = "deviceDetail.browser",
        [SignInField.IsCompliant] = "deviceDetail.isCompliant",
        [SignInField.IsManaged] = "deviceDetail.isManaged",
        [SignInField.TrustType] = "deviceDetail.trustType",
    };

    /// <summary>How a problem names a field: the format's own name, else the Graph path (status.errorCode …).</summary>
    public static Func<SignInField, string> FieldNames(Utf8NameTable<SignInField> table) =>
        field => table.NameOf(field) ?? (NestedPaths.TryGetValue(field, out var path) ? path : null) ?? SignIn.NameOf(field) ?? field.ToString();
}
