using System;
using System.Collections.Generic;
using System.Text.Json;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Engine.Policies;

/// <summary>
/// Reads Graph <c>conditionalAccessPolicy</c> objects (beta and v1.0) into <see cref="StrongAuthPolicy"/>. Every
/// policy is read, whatever it demands; the caller decides which to keep. States, controls and guest types stay
/// strings; unknown properties are ignored; a record of a shape that cannot be read becomes a problem.
/// </summary>
internal static class ConditionalAccessPolicyJsonParser
{
    public const string InvalidRecord = ErrorIds.PolicyRecordInvalid;

    /// <summary>Whether the record looks like a Conditional Access policy.</summary>
    public static bool IsPolicy(JsonElement item) =>
        PolicyJson.Has(item, "conditions") || PolicyJson.Has(item, "grantControls") || PolicyJson.Has(item, "sessionControls");

    public static StrongAuthPolicy? Parse(JsonElement item, string source, int record, List<PolicyReadProblem> problems)
    {
        string? id = null;
        try
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyShapeException("(record)", "a JSON object");
            }

            id = PolicyJson.RequiredString(item, "id");
            var conditions = PolicyJson.Object(item, "conditions");
            var users = conditions is { } c ? PolicyJson.Object(c, "users") : null;
            var applications = conditions is { } c2 ? PolicyJson.Object(c2, "applications") : null;
            var grant = PolicyJson.Object(item, "grantControls");
            var session = PolicyJson.Object(item, "sessionControls");
            var strengthObject = grant is { } g ? PolicyJson.Object(g, "authenticationStrength") : null;
            string? strengthId = null, strengthName = null;
            AuthenticationStrength? inline = null;
            // Graph PowerShell exports write an empty strength as an object of nulls: no id, no strength.
            if (strengthObject is { } s && PolicyJson.String(s, "id") is { } sid)
            {
                strengthId = sid;
                strengthName = PolicyJson.String(s, "displayName");
                var combinations = PolicyJson.Strings(s, "allowedCombinations");
                if (combinations.Count > 0)
                {
                    inline = new AuthenticationStrength(strengthId, strengthName ?? strengthId, PolicyJson.String(s, "policyType") ?? "custom", combinations, null, PolicyJson.String(s, "requirementsSatisfied"));
                }
            }

            var policy = new StrongAuthPolicy(id, PolicyJson.String(item, "displayName") ?? id, PolicyJson.RequiredString(item, "state"))
            {
                CreatedDateTime = PolicyJson.Date(item, "createdDateTime"),
                ModifiedDateTime = PolicyJson.Date(item, "modifiedDateTime"),
                GrantOperator = grant is { } g1 ? PolicyJson.String(g1, "operator") : null,
                BuiltInControls = grant is { } g2 ? PolicyJson.Strings(g2, "builtInControls") : Array.Empty<string>(),
                CustomAuthenticationFactors = grant is { } g3 ? PolicyJson.Strings(g3, "customAuthenticationFactors") : Array.Empty<string>(),
                TermsOfUse = grant is { } g4 ? PolicyJson.Strings(g4, "termsOfUse") : Array.Empty<string>(),
                AuthenticationStrengthId = strengthId,
                AuthenticationStrengthName = strengthName,
                IncludeUsers = Strings(users, "includeUsers"),
                ExcludeUsers = Strings(users, "excludeUsers"),
                IncludeGroups = Strings(users, "includeGroups"),
                ExcludeGroups = Strings(users, "excludeGroups"),
                IncludeRoles = Strings(users, "includeRoles"),
                ExcludeRoles = Strings(users, "excludeRoles"),
                IncludeGuestsOrExternalUsers = GuestTypes(users, "includeGuestsOrExternalUsers"),
                ExcludeGuestsOrExternalUsers = GuestTypes(users, "excludeGuestsOrExternalUsers"),
                IncludeGuestsOrExternalTenants = GuestTenants(users, "includeGuestsOrExternalUsers"),
                ExcludeGuestsOrExternalTenants = GuestTenants(users, "excludeGuestsOrExternalUsers"),
                IncludeApplications = Strings(applications, "includeApplications"),
                ExcludeApplications = Strings(applications, "excludeApplications"),
                IncludeUserActions = Strings(applications, "includeUserActions"),
                IncludeAuthenticationContextClassReferences = Strings(applications, "includeAuthenticationContextClassReferences"),
                ClientAppTypes = Strings(conditions, "clientAppTypes"),
                SignInFrequency = Frequency(session),
                Source = source,
            };
            return inline is null ? policy : policy.WithStrength(inline);
        }
        catch (PolicyShapeException ex)
        {
            problems.Add(new PolicyReadProblem(InvalidRecord, source, "not a readable Conditional Access policy: " + ex.Message, record, id));
            return null;
        }
    }

    private static IReadOnlyList<string> Strings(JsonElement? parent, string name) =>
        parent is { } p ? PolicyJson.Strings(p, name) : Array.Empty<string>();

    private static string? GuestTypes(JsonElement? users, string name)
    {
        if (users is not { } u || PolicyJson.Object(u, name) is not { } guests)
        {
            return null;
        }

        // guestOrExternalUserTypes is a flags enum: one comma-separated string on the wire (an array in some exports).
        var types = PolicyJson.Property(guests, "guestOrExternalUserTypes");
        var text = types is { ValueKind: JsonValueKind.Array } ? PolicyJson.Joined(PolicyJson.Strings(guests, "guestOrExternalUserTypes")) : PolicyJson.String(guests, "guestOrExternalUserTypes");
        return text is null || string.Equals(text, "none", StringComparison.OrdinalIgnoreCase) ? null : text;
    }

    // externalTenants is all tenants (membershipKind all) or an enumerated list (members); an empty list means all.
    private static IReadOnlyList<string> GuestTenants(JsonElement? users, string name)
    {
        if (users is not { } u || PolicyJson.Object(u, name) is not { } guests || PolicyJson.Object(guests, "externalTenants") is not { } tenants)
        {
            return Array.Empty<string>();
        }

        return string.Equals(PolicyJson.String(tenants, "membershipKind"), "all", StringComparison.OrdinalIgnoreCase)
            ? Array.Empty<string>()
            : PolicyJson.Strings(tenants, "members");
    }

    private static SignInFrequency? Frequency(JsonElement? session)
    {
        if (session is not { } s || PolicyJson.Object(s, "signInFrequency") is not { } frequency)
        {
            return null;
        }

        return new SignInFrequency(
            PolicyJson.Boolean(frequency, "isEnabled") ?? true,
            PolicyJson.Integer(frequency, "value"),
            PolicyJson.String(frequency, "type"),
            PolicyJson.String(frequency, "frequencyInterval"),
            PolicyJson.String(frequency, "authenticationType"));
    }
}
