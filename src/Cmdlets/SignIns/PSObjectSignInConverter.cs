using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// Maps an object piped in by an admin — a Graph PowerShell SDK signIn (Get-MgBetaAuditLogSignIn, Get-MgAuditLogSignIn),
/// ConvertFrom-Json output of a Graph response — to the normalized <see cref="SignInEvent"/>. A SignInEvent passes through.
/// </summary>
internal static class PSObjectSignInConverter
{
    /// <summary>The sign-in, or null when the object lacks what every sign-in has (createdDateTime and a status code).</summary>
    public static SignInEvent? Convert(object? input)
    {
        if (input is System.Management.Automation.PSObject { BaseObject: SignInEvent wrapped })
        {
            return wrapped;
        }

        if (input is SignInEvent signIn)
        {
            return signIn;
        }

        var source = new PSObjectReader(input);
        var status = source.Child("Status");
        var created = source.Time("CreatedDateTime");
        var code = status.Exists ? status.Integer("ErrorCode") : source.Integer("ErrorCode");
        if (created is null || code is null)
        {
            return null;
        }

        var location = source.Child("Location");
        var device = source.Child("DeviceDetail");
        return new SignInEvent
        {
            Id = source.String("Id"),
            CreatedDateTime = created.Value,
            UserId = source.String("UserId"),
            UserPrincipalName = source.String("UserPrincipalName"),
            UserDisplayName = source.String("UserDisplayName"),
            UserType = source.String("UserType"),
            AppId = source.String("AppId"),
            AppDisplayName = source.String("AppDisplayName"),
            ResourceId = source.String("ResourceId"),
            ResourceDisplayName = source.String("ResourceDisplayName"),
            ServicePrincipalId = source.String("ServicePrincipalId"),
            IpAddress = source.String("IpAddress"),
            City = location.String("City"),
            State = location.String("State"),
            CountryOrRegion = location.String("CountryOrRegion"),
            ClientAppUsed = source.String("ClientAppUsed"),
            UserAgent = source.String("UserAgent"),
            IsInteractive = source.Boolean("IsInteractive"),
            SignInEventTypes = source.Strings("SignInEventTypes"),
            AuthenticationProtocol = source.String("AuthenticationProtocol"),
            IncomingTokenType = source.String("IncomingTokenType"),
            OriginalTransferMethod = source.String("OriginalTransferMethod"),
            TokenIssuerType = source.String("TokenIssuerType"),
            TokenIssuerName = source.String("TokenIssuerName"),
            CorrelationId = source.String("CorrelationId"),
            OriginalRequestId = source.String("OriginalRequestId"),
            SessionId = source.String("SessionId"),
            ErrorCode = code.Value,
            FailureReason = status.Exists ? status.String("FailureReason") : source.String("FailureReason"),
            AdditionalDetails = status.Exists ? status.String("AdditionalDetails") : source.String("AdditionalDetails"),
            AuthenticationRequirement = source.String("AuthenticationRequirement"),
            AuthenticationRequirementPolicies = source.Objects("AuthenticationRequirementPolicies")
                .Select(p => new AuthenticationRequirementPolicy { RequirementProvider = p.String("RequirementProvider"), Detail = p.String("Detail") }).ToList(),
            AuthenticationDetails = source.Objects("AuthenticationDetails").Select(ToDetail).ToList(),
            AuthenticationMethodsUsed = source.Strings("AuthenticationMethodsUsed"),
            AppliedConditionalAccessPolicies = source.Objects("AppliedConditionalAccessPolicies").Select(ToPolicy).ToList(),
            ConditionalAccessStatus = source.String("ConditionalAccessStatus"),
            SessionLifetimePolicies = source.Objects("SessionLifetimePolicies")
                .Select(p => new SessionLifetimePolicy { ExpirationRequirement = p.String("ExpirationRequirement"), Detail = p.String("Detail") }).ToList(),
            DeviceId = device.String("DeviceId"),
            DeviceDisplayName = device.String("DisplayName"),
            OperatingSystem = device.String("OperatingSystem"),
            Browser = device.String("Browser"),
            IsCompliant = device.Boolean("IsCompliant"),
            IsManaged = device.Boolean("IsManaged"),
            TrustType = device.String("TrustType"),
            NetworkLocationDetails = source.Objects("NetworkLocationDetails")
                .Select(n => new NetworkLocationDetail { NetworkType = n.String("NetworkType"), NetworkNames = n.Strings("NetworkNames") }).ToList(),
            RiskLevelDuringSignIn = source.String("RiskLevelDuringSignIn"),
            RiskLevelAggregated = source.String("RiskLevelAggregated"),
            RiskState = source.String("RiskState"),
            RiskDetail = source.String("RiskDetail"),
            RiskEventTypes = source.Strings("RiskEventTypes_v2") is { Count: > 0 } risks ? risks : source.Strings("RiskEventTypes"),
            ClientCredentialType = source.String("ClientCredentialType"),
            CrossTenantAccessType = source.String("CrossTenantAccessType"),
            HomeTenantId = source.String("HomeTenantId"),
            ResourceTenantId = source.String("ResourceTenantId"),
            Source = "pipeline",
        };
    }

    private static AuthenticationDetail ToDetail(PSObjectReader detail) => new()
    {
        AuthenticationMethod = detail.String("AuthenticationMethod"),
        AuthenticationMethodDetail = detail.String("AuthenticationMethodDetail"),
        AuthenticationStepDateTime = detail.Time("AuthenticationStepDateTime"),
        AuthenticationStepRequirement = detail.String("AuthenticationStepRequirement"),
        AuthenticationStepResultDetail = detail.String("AuthenticationStepResultDetail"),
        Succeeded = detail.Boolean("Succeeded"),
    };

    private static AppliedConditionalAccessPolicy ToPolicy(PSObjectReader policy)
    {
        var strength = policy.Child("AuthenticationStrength");
        return new AppliedConditionalAccessPolicy
        {
            Id = policy.String("Id"),
            DisplayName = policy.String("DisplayName"),
            Result = policy.String("Result"),
            EnforcedGrantControls = policy.Strings("EnforcedGrantControls"),
            EnforcedSessionControls = policy.Strings("EnforcedSessionControls"),
            AuthenticationStrengthId = strength.String("AuthenticationStrengthId"),
            AuthenticationStrengthDisplayName = strength.String("DisplayName"),
            AuthenticationStrengthResult = strength.String("AuthenticationStrengthResult"),
        };
    }
}
