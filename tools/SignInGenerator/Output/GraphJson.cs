using System.Text.Json;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// Writes a sign-in as Graph beta JSON (or in the Monitor flavor, for the diagnostic archive's properties), and
/// each nested part as a JSON value on its own so that Log Analytics (dynamic and JSON-text columns) reuses the
/// exact same rendering.
/// Property order follows what Graph returns; unknown-to-us properties Graph also sends are written with the
/// empty values a real tenant shows, so readers meet the full shape.
/// </summary>
internal static class GraphJson
{
    private static readonly (string Key, string Value)[] ProcessingDetails = { ("Legacy TLS (TLS 1.0, 1.1, 3DES)", "False") };

    public static void WriteSignIn(Utf8JsonWriter w, SignIn s, JsonFlavor flavor = JsonFlavor.Graph)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("createdDateTime", Formats.Time(s.CreatedDateTime, flavor));
        w.WriteString("userDisplayName", s.User.DisplayName);
        w.WriteString("userPrincipalName", s.User.UserPrincipalName);
        w.WriteString("userId", s.User.Id);
        w.WriteString("appId", s.App.Id);
        w.WriteString("appDisplayName", s.App.DisplayName);
        w.WriteString("ipAddress", s.IpAddress);
        w.WriteNull("ipAddressFromResourceProvider");
        w.WriteString("clientAppUsed", s.Client.ClientAppUsed);
        w.WriteString("userAgent", s.Client.UserAgent);
        w.WriteString("correlationId", s.CorrelationId);
        w.WriteString("conditionalAccessStatus", s.ConditionalAccessStatus);
        w.WriteString("originalRequestId", s.OriginalRequestId);
        w.WriteBoolean("isInteractive", s.IsInteractive);
        w.WriteString("tokenIssuerName", s.TokenIssuerName);
        w.WriteString("tokenIssuerType", s.TokenIssuerType);
        w.WriteString("clientCredentialType", "none");
        w.WriteNumber("processingTimeInMilliseconds", s.ProcessingTimeMs);
        w.WriteString("riskDetail", s.Risk.Detail);
        w.WriteString("riskLevelAggregated", s.Risk.Aggregated);
        w.WriteString("riskLevelDuringSignIn", s.Risk.DuringSignIn);
        w.WriteString("riskState", s.Risk.State);
        w.WritePropertyName("riskEventTypes_v2");
        WriteStrings(w, s.Risk.EventTypes);
        w.WriteString("resourceDisplayName", s.Resource.DisplayName);
        w.WriteString("resourceId", s.Resource.Id);
        w.WriteString("resourceTenantId", s.ResourceTenantId);
        w.WriteString("homeTenantId", s.User.HomeTenantId);
        w.WriteString("homeTenantName", "");
        w.WritePropertyName("authenticationMethodsUsed");
        WriteStrings(w, s.AuthenticationMethodsUsed);
        w.WriteString("authenticationRequirement", s.AuthenticationRequirement);
        w.WriteString("signInIdentifier", s.User.UserPrincipalName);
        w.WriteString("signInIdentifierType", "userPrincipalName");
        w.WriteString("servicePrincipalName", "");
        w.WritePropertyName("signInEventTypes");
        WriteStrings(w, s.SignInEventTypes);
        w.WriteString("servicePrincipalId", "");
        w.WriteString("federatedCredentialId", "");
        w.WriteString("userType", flavor == JsonFlavor.Graph ? s.User.UserType : Formats.Capitalised(s.User.UserType));
        w.WriteBoolean("flaggedForReview", false);
        w.WriteBoolean("isTenantRestricted", false);
        w.WriteNumber("autonomousSystemNumber", s.Place.AutonomousSystemNumber);
        w.WriteString("crossTenantAccessType", s.User.CrossTenantAccessType);
        w.WriteString("uniqueTokenIdentifier", s.UniqueTokenIdentifier);
        w.WriteString("incomingTokenType", s.IncomingTokenType);
        w.WriteString("authenticationProtocol", s.AuthenticationProtocol);
        w.WriteString("signInTokenProtectionStatus", "none");
        w.WriteString("originalTransferMethod", "none");
        w.WriteBoolean("isThroughGlobalSecureAccess", false);
        w.WriteString("globalSecureAccessIpAddress", "");
        w.WriteString("sessionId", s.SessionId);
        w.WritePropertyName("status");
        WriteStatus(w, s, flavor);
        w.WritePropertyName("deviceDetail");
        WriteDeviceDetail(w, s);
        w.WritePropertyName("location");
        WriteLocation(w, s, flavor);
        w.WritePropertyName("appliedConditionalAccessPolicies");
        WriteAppliedPolicies(w, s, flavor);
        w.WritePropertyName("authenticationContextClassReferences");
        WriteStrings(w, []);
        w.WritePropertyName("authenticationProcessingDetails");
        WriteProcessingDetails(w);
        w.WritePropertyName("networkLocationDetails");
        WriteNetworkLocations(w, s);
        w.WritePropertyName("authenticationDetails");
        WriteAuthenticationDetails(w, s, flavor);
        w.WritePropertyName("authenticationRequirementPolicies");
        WriteRequirementPolicies(w, s);
        w.WritePropertyName("sessionLifetimePolicies");
        WriteSessionLifetimePolicies(w, s);
        w.WriteStartObject("privateLinkDetails");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>status: Graph always has all three members; Log Analytics rows carry only what is set (real exports do).</summary>
    public static void WriteStatus(Utf8JsonWriter w, SignIn s, JsonFlavor flavor)
    {
        w.WriteStartObject();
        w.WriteNumber("errorCode", s.ErrorCode);
        if (flavor == JsonFlavor.Graph)
        {
            w.WriteString("failureReason", s.FailureReason);
            w.WriteString("additionalDetails", s.AdditionalDetails);
        }
        else
        {
            if (!s.IsSuccess)
            {
                w.WriteString("failureReason", s.FailureReason);
            }

            if (s.AdditionalDetails is not null)
            {
                w.WriteString("additionalDetails", s.AdditionalDetails);
            }
        }

        w.WriteEndObject();
    }

    public static void WriteDeviceDetail(Utf8JsonWriter w, SignIn s)
    {
        DeviceInfo? device = s.Client.PresentsDevice ? s.User.Device : null;
        w.WriteStartObject();
        w.WriteString("deviceId", device?.DeviceId ?? "");
        w.WriteString("displayName", device?.DisplayName ?? "");
        w.WriteString("operatingSystem", s.Client.OperatingSystem);
        w.WriteString("browser", s.Client.Browser);
        w.WriteBoolean("isCompliant", device?.IsCompliant ?? false);
        w.WriteBoolean("isManaged", device?.IsManaged ?? false);
        w.WriteString("trustType", device?.TrustType ?? "");
        w.WriteEndObject();
    }

    public static void WriteLocation(Utf8JsonWriter w, SignIn s, JsonFlavor flavor)
    {
        w.WriteStartObject();
        w.WriteString("city", s.Place.City);
        w.WriteString("state", s.Place.State);
        w.WriteString("countryOrRegion", s.Place.CountryOrRegion);
        w.WriteStartObject("geoCoordinates");
        if (flavor == JsonFlavor.Graph)
        {
            w.WriteNull("altitude");
        }

        w.WriteNumber("latitude", s.Place.Latitude);
        w.WriteNumber("longitude", s.Place.Longitude);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteAuthenticationDetails(Utf8JsonWriter w, SignIn s, JsonFlavor flavor)
    {
        w.WriteStartArray();
        foreach (var step in s.AuthenticationDetails)
        {
            w.WriteStartObject();
            w.WriteString("authenticationStepDateTime", Formats.Time(step.StepDateTime, flavor));
            w.WriteString("authenticationMethod", step.Method);
            w.WriteString("authenticationMethodDetail", step.MethodDetail);
            w.WriteBoolean("succeeded", step.Succeeded);
            w.WriteString("authenticationStepResultDetail", step.ResultDetail);
            w.WriteString("authenticationStepRequirement", step.StepRequirement);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Every tenant policy with its result; Graph gives conditions as flag names, Log Analytics as numbers.</summary>
    public static void WriteAppliedPolicies(Utf8JsonWriter w, SignIn s, JsonFlavor flavor)
    {
        w.WriteStartArray();
        foreach (var applied in s.AppliedPolicies)
        {
            CaPolicy policy = applied.Policy;
            w.WriteStartObject();
            w.WriteString("id", policy.Id);
            w.WriteString("displayName", policy.DisplayName);
            w.WritePropertyName("enforcedGrantControls");
            WriteStrings(w, policy.GrantControls);
            w.WritePropertyName("enforcedSessionControls");
            WriteStrings(w, policy.SessionControls);
            w.WriteString("result", applied.Result);
            if (flavor == JsonFlavor.Graph)
            {
                w.WriteString("conditionsSatisfied", Formats.ConditionNames(applied.Satisfied));
                w.WriteString("conditionsNotSatisfied", Formats.ConditionNames(applied.NotSatisfied));
            }
            else
            {
                w.WriteNumber("conditionsSatisfied", (int)applied.Satisfied);
                w.WriteNumber("conditionsNotSatisfied", (int)applied.NotSatisfied);
            }

            if (policy.StrengthId is null)
            {
                // Graph lists every property (null here); the Monitor pipeline leaves absent ones out.
                if (flavor == JsonFlavor.Graph)
                {
                    w.WriteNull("authenticationStrength");
                }
            }
            else
            {
                w.WriteStartObject("authenticationStrength");
                w.WriteString("authenticationStrengthId", policy.StrengthId);
                w.WriteString("displayName", policy.StrengthName);
                w.WriteString("authenticationStrengthResult", applied.StrengthResult ?? "notSet");
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteRequirementPolicies(Utf8JsonWriter w, SignIn s) =>
        WritePairs(w, s.RequirementPolicies, "requirementProvider", p => p.RequirementProvider, "detail", p => p.Detail);

    public static void WriteSessionLifetimePolicies(Utf8JsonWriter w, SignIn s) =>
        WritePairs(w, s.SessionLifetimePolicies, "expirationRequirement", p => p.ExpirationRequirement, "detail", p => p.Detail);

    public static void WriteNetworkLocations(Utf8JsonWriter w, SignIn s)
    {
        w.WriteStartArray();
        if (s.Place.NamedLocation is { } name)
        {
            w.WriteStartObject();
            w.WriteString("networkType", "trustedNamedLocation");
            w.WriteStartArray("networkNames");
            w.WriteStringValue(name);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteProcessingDetails(Utf8JsonWriter w) =>
        WritePairs(w, ProcessingDetails, "key", p => p.Key, "value", p => p.Value);

    public static void WriteStrings(Utf8JsonWriter w, IReadOnlyList<string> values)
    {
        w.WriteStartArray();
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>An array of two-string objects: the shape of requirement policies, lifetime policies and key/value details.</summary>
    private static void WritePairs<T>(Utf8JsonWriter w, IEnumerable<T> items, string first, Func<T, string?> firstValue, string second, Func<T, string?> secondValue)
    {
        w.WriteStartArray();
        foreach (T item in items)
        {
            w.WriteStartObject();
            w.WriteString(first, firstValue(item));
            w.WriteString(second, secondValue(item));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
