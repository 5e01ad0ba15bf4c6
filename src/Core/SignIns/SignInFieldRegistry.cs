using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using static EntraStrongAuth.Core.SignIns.SignInValueKind;

namespace EntraStrongAuth.Core.SignIns;

/// <summary>
/// Every sign-in field in one table: its Graph path (beta, and v1.0 where that differs), its Log Analytics columns,
/// its admin center download headers, its diagnostic-envelope name, its type, whether a lean read takes it, and the
/// name classification rules use for it. The readers' name tables, the lean-read field set, the admin center's
/// display-text conversion, the PSObject converter and the rule fields are all built from this table, so adding a
/// field is one entry here (with its <see cref="SignInField"/> key and the <see cref="SignInEvent"/> property it fills).
/// Parts of an object are entries of their own, named "object.part" (status.errorCode), so flat formats (CSV)
/// and nested ones (JSON) reach the same field.
/// </summary>
internal static class SignInFieldRegistry
{
    private static readonly List<SignInFieldEntry> Entries = Define().ToList();

    private static readonly SignInFieldEntry[] ByField = Index(Entries);

    /// <summary>The entries, in the order of the Graph signIn resource, then the parts, then the format-only values.</summary>
    public static IReadOnlyList<SignInFieldEntry> All => Entries;

    /// <summary>The entry of a field; <see cref="SignInField.None"/> has an empty one (no names, no setter).</summary>
    public static SignInFieldEntry Of(SignInField field) => ByField[(int)field];

    /// <summary>Every <see cref="SignInField"/> has exactly one entry: a missing or doubled one fails at first use.</summary>
    private static SignInFieldEntry[] Index(List<SignInFieldEntry> entries)
    {
        var byField = new SignInFieldEntry?[Enum.GetNames(typeof(SignInField)).Length];
        byField[(int)SignInField.None] = new SignInFieldEntry(SignInField.None, Text);
        foreach (var entry in entries)
        {
            if (byField[(int)entry.Field] is not null)
            {
                throw new InvalidOperationException(entry.Field + " has two sign-in field registry entries.");
            }

            byField[(int)entry.Field] = entry;
        }

        var missing = Enumerable.Range(0, byField.Length).Where(i => byField[i] is null).Select(i => ((SignInField)i).ToString()).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("No sign-in field registry entry for " + string.Join(", ", missing) + ".");
        }

        return byField.Select(e => e!).ToArray();
    }

    private static SignInFieldEntry Add(SignInField field, SignInValueKind kind = Text) => new(field, kind);

    private static IEnumerable<SignInFieldEntry> Define()
    {
        // Top-level properties of the Graph signIn resource.
        yield return Add(SignInField.Id, UniqueText).Graph("id").LogAnalytics("Id").AdminCenter("Request ID").Link().Text(e => e.Id, (e, v) => e.Id = v);
        yield return Add(SignInField.CreatedDateTime, Time).Graph("createdDateTime").LogAnalytics("CreatedDateTime").AdminCenter("Date (UTC)", "Date").Link();
        yield return Add(SignInField.UserId).Graph("userId").LogAnalytics("UserId").AdminCenter("User ID").Link().Text(e => e.UserId, (e, v) => e.UserId = v);
        yield return Add(SignInField.UserPrincipalName).Graph("userPrincipalName").LogAnalytics("UserPrincipalName").AdminCenter("Username").Link().Text(e => e.UserPrincipalName, (e, v) => e.UserPrincipalName = v);
        yield return Add(SignInField.UserDisplayName).Graph("userDisplayName").LogAnalytics("UserDisplayName").AdminCenter("User").Text(e => e.UserDisplayName, (e, v) => e.UserDisplayName = v);
        yield return Add(SignInField.UserType).Graph("userType").LogAnalytics("UserType").AdminCenter("User type").Link().Members("member", "guest").Text(e => e.UserType, (e, v) => e.UserType = v).Rule();
        yield return Add(SignInField.AppId).Graph("appId").LogAnalytics("AppId").AdminCenter("Application ID").Link().Text(e => e.AppId, (e, v) => e.AppId = v).Rule();
        yield return Add(SignInField.AppDisplayName).Graph("appDisplayName").LogAnalytics("AppDisplayName").AdminCenter("Application").Text(e => e.AppDisplayName, (e, v) => e.AppDisplayName = v);

        // Log Analytics' ResourceId is the Azure resource path of the tenant; the signIn's resource is ResourceIdentity.
        yield return Add(SignInField.ResourceId).Graph("resourceId").LogAnalytics("ResourceIdentity").AdminCenter("Resource ID").Text(e => e.ResourceId, (e, v) => e.ResourceId = v).Rule();
        yield return Add(SignInField.ResourceDisplayName).Graph("resourceDisplayName").LogAnalytics("ResourceDisplayName").AdminCenter("Resource").Text(e => e.ResourceDisplayName, (e, v) => e.ResourceDisplayName = v);
        yield return Add(SignInField.ServicePrincipalId).Graph("servicePrincipalId").LogAnalytics("ServicePrincipalId").Text(e => e.ServicePrincipalId, (e, v) => e.ServicePrincipalId = v);
        yield return Add(SignInField.IpAddress).Graph("ipAddress").LogAnalytics("IPAddress").AdminCenter("IP address").Text(e => e.IpAddress, (e, v) => e.IpAddress = v);
        yield return Add(SignInField.AutonomousSystemNumber, Number).Graph("autonomousSystemNumber").LogAnalytics("AutonomousSystemNumber").AdminCenter("Autonomous system number").Number((e, v) => e.AutonomousSystemNumber = v);
        yield return Add(SignInField.ClientAppUsed).Graph("clientAppUsed").LogAnalytics("ClientAppUsed").AdminCenter("Client app").Text(e => e.ClientAppUsed, (e, v) => e.ClientAppUsed = v).Rule();
        yield return Add(SignInField.UserAgent).Graph("userAgent").LogAnalytics("UserAgent").AdminCenter("User agent").Text(e => e.UserAgent, (e, v) => e.UserAgent = v).Rule();
        yield return Add(SignInField.IsInteractive, SignInValueKind.Boolean).Graph("isInteractive").LogAnalytics("IsInteractive").Boolean((e, v) => e.IsInteractive = v)
            .Rule("The record does not say whether the sign-in was interactive (AD FS and NPS events lack it).", SignInRuleValues.IsInteractive);
        yield return Add(SignInField.SignInEventTypes, SignInValueKind.TextList).Graph("signInEventTypes").LogAnalytics("SignInEventTypes").TextList((e, v) => e.SignInEventTypes = v)
            .Rule(values: e => SignInRuleValues.Each("signInEventTypes", e.SignInEventTypes, v => v));
        yield return Add(SignInField.AuthenticationProtocol).Graph("authenticationProtocol").LogAnalytics("AuthenticationProtocol").AdminCenter("Authentication Protocol")
            .Members("none", "oAuth2", "ropc", "wsFederation", "saml20", "deviceCode", "authenticationTransfer", "nativeAuth").Text(e => e.AuthenticationProtocol, (e, v) => e.AuthenticationProtocol = v).Rule();
        yield return Add(SignInField.IncomingTokenType).Graph("incomingTokenType").LogAnalytics("IncomingTokenType").AdminCenter("Incoming token type")
            .Members("none", "primaryRefreshToken", "saml11", "saml20", "remoteDesktopToken", "refreshToken").Text(e => e.IncomingTokenType, (e, v) => e.IncomingTokenType = v).Rule();
        yield return Add(SignInField.OriginalTransferMethod).Graph("originalTransferMethod").LogAnalytics("OriginalTransferMethod").AdminCenter("Original transfer method")
            .Members("none", "deviceCodeFlow", "authenticationTransfer").Text(e => e.OriginalTransferMethod, (e, v) => e.OriginalTransferMethod = v).Rule();
        yield return Add(SignInField.TokenIssuerType).Graph("tokenIssuerType").LogAnalytics("TokenIssuerType").AdminCenter("Token issuer type").Link().Text(e => e.TokenIssuerType, (e, v) => e.TokenIssuerType = v).Rule();
        yield return Add(SignInField.TokenIssuerName).Graph("tokenIssuerName").LogAnalytics("TokenIssuerName").AdminCenter("Token issuer name").Text(e => e.TokenIssuerName, (e, v) => e.TokenIssuerName = v);
        yield return Add(SignInField.CorrelationId, UniqueText).Graph("correlationId").LogAnalytics("CorrelationId").AdminCenter("Correlation ID").Link().Text(e => e.CorrelationId, (e, v) => e.CorrelationId = v);
        yield return Add(SignInField.OriginalRequestId, UniqueText).Graph("originalRequestId").LogAnalytics("OriginalRequestId").Link().Text(e => e.OriginalRequestId, (e, v) => e.OriginalRequestId = v);
        yield return Add(SignInField.SessionId, UniqueText).Graph("sessionId").LogAnalytics("SessionId").AdminCenter("Session ID").Link().Text(e => e.SessionId, (e, v) => e.SessionId = v);
        yield return Add(SignInField.Status, SignInValueKind.Object).Graph("status").LogAnalytics("Status").Link();
        yield return Add(SignInField.AuthenticationRequirement).Graph("authenticationRequirement").LogAnalytics("AuthenticationRequirement").AdminCenter("Authentication requirement").Link()
            .Members("singleFactorAuthentication", "multiFactorAuthentication").Text(e => e.AuthenticationRequirement, (e, v) => e.AuthenticationRequirement = v).Rule();
        yield return Add(SignInField.AuthenticationRequirementPolicies, ObjectArray).Graph("authenticationRequirementPolicies").LogAnalytics("AuthenticationRequirementPolicies");
        yield return Add(SignInField.AuthenticationDetails, ObjectArray).Graph("authenticationDetails").LogAnalytics("AuthenticationDetails").Link();
        yield return Add(SignInField.AuthenticationMethodsUsed, SignInValueKind.TextList).Graph("authenticationMethodsUsed").LogAnalytics("AuthenticationMethodsUsed").TextList((e, v) => e.AuthenticationMethodsUsed = v);
        // Saved files from before Graph renamed it carry conditionalAccessPolicies (as SigninLogs still does).
        yield return Add(SignInField.AppliedConditionalAccessPolicies, ObjectArray).Graph("appliedConditionalAccessPolicies").Formerly("conditionalAccessPolicies").LogAnalytics("ConditionalAccessPolicies", "AppliedConditionalAccessPolicies");
        yield return Add(SignInField.ConditionalAccessStatus).Graph("conditionalAccessStatus").LogAnalytics("ConditionalAccessStatus").AdminCenter("Conditional Access")
            .Members("success", "failure", "notApplied").Text(e => e.ConditionalAccessStatus, (e, v) => e.ConditionalAccessStatus = v).Rule();
        yield return Add(SignInField.SessionLifetimePolicies, ObjectArray).Graph("sessionLifetimePolicies").LogAnalytics("SessionLifetimePolicies");
        yield return Add(SignInField.DeviceDetail, SignInValueKind.Object).Graph("deviceDetail").LogAnalytics("DeviceDetail")
            .Rule("No device id, name, operating system or browser: not a registered device and not a browser Entra ID recognised.", SignInRuleValues.DeviceDetail);

        // Log Analytics' Location is a country code (see CountryCode); the object is LocationDetails.
        yield return Add(SignInField.Location, SignInValueKind.Object).Graph("location").LogAnalytics("LocationDetails");
        yield return Add(SignInField.NetworkLocationDetails, ObjectArray).Graph("networkLocationDetails").LogAnalytics("NetworkLocationDetails");
        // Early beta signIn records carried the sign-in's risk as riskLevel.
        yield return Add(SignInField.RiskLevelDuringSignIn).Graph("riskLevelDuringSignIn").Formerly("riskLevel").LogAnalytics("RiskLevelDuringSignIn").Text(e => e.RiskLevelDuringSignIn, (e, v) => e.RiskLevelDuringSignIn = v).Rule();
        yield return Add(SignInField.RiskLevelAggregated).Graph("riskLevelAggregated").LogAnalytics("RiskLevelAggregated").Text(e => e.RiskLevelAggregated, (e, v) => e.RiskLevelAggregated = v);
        yield return Add(SignInField.RiskState).Graph("riskState").LogAnalytics("RiskState").Text(e => e.RiskState, (e, v) => e.RiskState = v);
        yield return Add(SignInField.RiskDetail).Graph("riskDetail").LogAnalytics("RiskDetail").Text(e => e.RiskDetail, (e, v) => e.RiskDetail = v);

        // riskEventTypes is deprecated: the builder keeps riskEventTypes_v2 whichever comes first.
        yield return Add(SignInField.RiskEventTypes, SignInValueKind.TextList).Graph("riskEventTypes").LogAnalytics("RiskEventTypes").TextList((e, v) => e.RiskEventTypes = v);
        yield return Add(SignInField.RiskEventTypesV2, SignInValueKind.TextList).Graph("riskEventTypes_v2").LogAnalytics("RiskEventTypes_V2").TextList((e, v) => e.RiskEventTypes = v);
        yield return Add(SignInField.ClientCredentialType).Graph("clientCredentialType").LogAnalytics("ClientCredentialType").AdminCenter("Client credential type")
            .Members("none", "clientSecret", "clientAssertion", "federatedIdentityCredential", "managedIdentity", "certificate").Text(e => e.ClientCredentialType, (e, v) => e.ClientCredentialType = v).Rule();
        yield return Add(SignInField.CrossTenantAccessType).Graph("crossTenantAccessType").LogAnalytics("CrossTenantAccessType").AdminCenter("Cross tenant access type")
            .Members("none", "b2bCollaboration", "b2bDirectConnect", "microsoftSupport", "serviceProvider", "passthrough").Text(e => e.CrossTenantAccessType, (e, v) => e.CrossTenantAccessType = v);
        yield return Add(SignInField.HomeTenantId).Graph("homeTenantId").LogAnalytics("HomeTenantId").AdminCenter("Home tenant ID").Link().Text(e => e.HomeTenantId, (e, v) => e.HomeTenantId = v);
        yield return Add(SignInField.ResourceTenantId).Graph("resourceTenantId").LogAnalytics("ResourceTenantId").AdminCenter("Resource tenant ID").Link().Text(e => e.ResourceTenantId, (e, v) => e.ResourceTenantId = v);

        // Beta only (v1.0 lacks it), and deprecated by Graph but still written by beta, SigninLogs and the admin center.
        yield return Add(SignInField.MfaDetail, SignInValueKind.Object).Graph("mfaDetail").BetaOnly().LogAnalytics("MfaDetail");

        // Parts of the objects above. A CSV carries them as columns of their own.
        yield return Add(SignInField.ErrorCode, SignInValueKind.ErrorCode).Graph("status.errorCode").AdminCenter("Sign-in error code", "Sign in error code").Link();
        yield return Add(SignInField.FailureReason).Graph("status.failureReason").AdminCenter("Failure reason").Text(e => e.FailureReason, (e, v) => e.FailureReason = v).Rule();
        yield return Add(SignInField.AdditionalDetails).Graph("status.additionalDetails").Link().Text(e => e.AdditionalDetails, (e, v) => e.AdditionalDetails = v).Rule();
        yield return Add(SignInField.City).Graph("location.city").Text(e => e.City, (e, v) => e.City = v);
        yield return Add(SignInField.State).Graph("location.state").Text(e => e.State, (e, v) => e.State = v);
        yield return Add(SignInField.CountryOrRegion).Graph("location.countryOrRegion").Text(e => e.CountryOrRegion, (e, v) => e.CountryOrRegion = v);
        yield return Add(SignInField.DeviceId).Graph("deviceDetail.deviceId").AdminCenter("Device ID").Text(e => e.DeviceId, (e, v) => e.DeviceId = v);
        yield return Add(SignInField.DeviceDisplayName).Graph("deviceDetail.displayName").Text(e => e.DeviceDisplayName, (e, v) => e.DeviceDisplayName = v);
        yield return Add(SignInField.OperatingSystem).Graph("deviceDetail.operatingSystem").AdminCenter("Operating System").Text(e => e.OperatingSystem, (e, v) => e.OperatingSystem = v);
        yield return Add(SignInField.Browser).Graph("deviceDetail.browser").AdminCenter("Browser").Text(e => e.Browser, (e, v) => e.Browser = v);
        yield return Add(SignInField.IsCompliant, SignInValueKind.Boolean).Graph("deviceDetail.isCompliant").AdminCenter("Compliant").Boolean((e, v) => e.IsCompliant = v);
        yield return Add(SignInField.IsManaged, SignInValueKind.Boolean).Graph("deviceDetail.isManaged").AdminCenter("Managed").Boolean((e, v) => e.IsManaged = v);
        yield return Add(SignInField.TrustType).Graph("deviceDetail.trustType").AdminCenter("Join Type").Text(e => e.TrustType, (e, v) => e.TrustType = v);

        // The admin center's MFA columns are also kept as one authentication step (see MfaResult): a lean read needs them.
        yield return Add(SignInField.MfaAuthMethod).Graph("mfaDetail.authMethod").BetaOnly().AdminCenter("Multifactor authentication auth method", "MFA auth method").Link()
            .Text(e => e.MfaAuthMethod, (e, v) => e.MfaAuthMethod = v);
        yield return Add(SignInField.MfaAuthDetail).Graph("mfaDetail.authDetail").BetaOnly().AdminCenter("Multifactor authentication auth detail", "MFA auth detail").Link()
            .Text(e => e.MfaAuthDetail, (e, v) => e.MfaAuthDetail = v);

        // Values of one format only, which the record builder applies where the signIn itself left a gap.
        yield return Add(SignInField.NestedSignIn, SignInValueKind.Object).Envelope("properties").Link();
        yield return Add(SignInField.EventTime, Time).LogAnalytics("TimeGenerated").Envelope("time").Link();

        // The admin center's Status ("Success", "Failure", "Interrupted") stands in for an empty "Sign-in error code".
        yield return Add(SignInField.ResultType, SignInValueKind.ErrorCode).LogAnalytics("ResultType").AdminCenter("Status").Envelope("resultType").Link();
        yield return Add(SignInField.ResultDescription).LogAnalytics("ResultDescription").Envelope("resultDescription");
        yield return Add(SignInField.Category).LogAnalytics("Category", "Type").Envelope("category");
        yield return Add(SignInField.CountryCode).LogAnalytics("Location").Envelope("location");
        yield return Add(SignInField.CallerIpAddress).Envelope("callerIpAddress");
        yield return Add(SignInField.EnvelopeCorrelationId, UniqueText).Envelope("correlationId").Link();
        yield return Add(SignInField.LocationText).AdminCenter("Location");
        yield return Add(SignInField.MfaResult).AdminCenter("Multifactor authentication result", "MFA result").Link();
    }
}
