using System.Text.Json.Nodes;
using EntraStrongAuth.SignInGenerator.Output;

namespace EntraStrongAuth.SignInGenerator.TenantAuth;

/// <summary>
/// The tenant's policies in Graph's shapes: the authentication methods policy (policies/authenticationMethodsPolicy),
/// authenticationStrengthPolicy objects and beta conditionalAccessPolicy objects.
/// </summary>
internal static class PolicyJson
{
    private const string AllUsers = "all_users";

    public static JsonObject MethodsPolicy(TenantAuthData data)
    {
        var configurations = new JsonArray
        {
            Configuration("fido2", "Fido2", "enabled", data.PasswordlessPilot.Id, extra =>
            {
                extra["isSelfServiceRegistrationAllowed"] = true;
                extra["isAttestationEnforced"] = true;
                extra["keyRestrictions"] = new JsonObject
                {
                    ["isEnforced"] = true,
                    ["enforcementType"] = "allow",
                    ["aaGuids"] = new JsonArray(data.ApprovedAaGuids.Select(a => (JsonNode?)a).ToArray()),
                };
            }),
            Configuration("microsoftAuthenticator", "MicrosoftAuthenticator", "enabled", AllUsers, extra =>
            {
                extra["isSoftwareOathEnabled"] = false;
                var target = (JsonObject)((JsonArray)extra["includeTargets"]!)[0]!;
                target["authenticationMode"] = "any";
                target["outlookMobileAllowedState"] = "default";
                target["displayAppInformationRequiredState"] = "default";
                target["numberMatchingRequiredState"] = "default";
            }),
            Configuration("sms", "Sms", "enabled", AllUsers, extra =>
                ((JsonObject)((JsonArray)extra["includeTargets"]!)[0]!)["isUsableForSignIn"] = false),
            Configuration("temporaryAccessPass", "TemporaryAccessPass", "enabled", AllUsers, extra =>
            {
                extra["defaultLifetimeInMinutes"] = 60;
                extra["defaultLength"] = 8;
                extra["minimumLifetimeInMinutes"] = 60;
                extra["maximumLifetimeInMinutes"] = 480;
                extra["isUsableOnce"] = false;
            }),
            Configuration("softwareOath", "SoftwareOath", "enabled", AllUsers, null),
            Configuration("voice", "Voice", "disabled", AllUsers, extra => extra["isOfficePhoneAllowed"] = false),
            Configuration("email", "Email", "disabled", AllUsers, extra => extra["allowExternalIdToUseEmailOtp"] = "default"),
            Configuration("x509Certificate", "X509Certificate", "disabled", AllUsers, null),
        };
        return new JsonObject
        {
            ["id"] = "authenticationMethodsPolicy",
            ["displayName"] = "Authentication Methods Policy",
            ["description"] = "The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method registration requirements, and self-service password reset settings",
            ["lastModifiedDateTime"] = Formats.LogTime(data.Tenant.WindowStart.AddDays(-45)),
            ["policyVersion"] = "1.5",
            ["policyMigrationState"] = "migrationComplete",
            ["registrationEnforcement"] = new JsonObject
            {
                ["authenticationMethodsRegistrationCampaign"] = new JsonObject
                {
                    ["snoozeDurationInDays"] = 1,
                    ["state"] = "default",
                    ["excludeTargets"] = new JsonArray(),
                    ["includeTargets"] = new JsonArray
                    {
                        new JsonObject { ["id"] = AllUsers, ["targetType"] = "group", ["targetedAuthenticationMethod"] = "microsoftAuthenticator" },
                    },
                },
            },
            ["authenticationMethodConfigurations"] = configurations,
        };
    }

    public static JsonObject Strength(StrengthPolicy strength, Tenant tenant)
    {
        // Built-ins carry Microsoft's fixed dates; the custom one was made with the pilot.
        string created = strength.BuiltIn ? "2021-12-01T00:00:00Z" : Formats.GraphTime(tenant.WindowStart.AddDays(-60));
        var configurations = new JsonArray();
        if (strength.AllowedAaGuids is { } aaGuids)
        {
            configurations.Add(new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.fido2CombinationConfiguration",
                ["id"] = strength.CombinationConfigurationId,
                ["appliesToCombinations"] = new JsonArray("fido2"),
                ["allowedAAGUIDs"] = new JsonArray(aaGuids.Select(a => (JsonNode?)a).ToArray()),
            });
        }

        return new JsonObject
        {
            ["id"] = strength.Id,
            ["createdDateTime"] = created,
            ["modifiedDateTime"] = created,
            ["displayName"] = strength.DisplayName,
            ["description"] = strength.Description,
            ["policyType"] = strength.BuiltIn ? "builtIn" : "custom",
            ["requirementsSatisfied"] = "mfa",
            ["allowedCombinations"] = new JsonArray(strength.AllowedCombinations.Select(c => (JsonNode?)c).ToArray()),
            ["combinationConfigurations"] = configurations,
        };
    }

    public static JsonObject ConditionalAccess(CaPolicyView view, TenantAuthData data)
    {
        var policy = view.Policy;
        var includeUsers = new JsonArray();
        var excludeUsers = new JsonArray();
        if (view.IncludeGroups.Count == 0 && view.IncludeRoles.Count == 0)
        {
            includeUsers.Add(policy.Users == UserScope.Guests ? "GuestsOrExternalUsers" : "All");
            if (policy.Users == UserScope.AllMembers)
            {
                excludeUsers.Add("GuestsOrExternalUsers");
            }
        }

        var strength = policy.StrengthId is { } id ? data.Strengths.First(s => s.Id == id) : null;
        var builtIn = policy.Grant switch
        {
            GrantKind.Mfa => new JsonArray("mfa"),
            GrantKind.Block => new JsonArray("block"),
            _ => new JsonArray(),
        };
        JsonObject? session = null;
        if (policy.SessionControls.Contains("SignInFrequency"))
        {
            session = new JsonObject
            {
                ["disableResilienceDefaults"] = null,
                ["applicationEnforcedRestrictions"] = null,
                ["cloudAppSecurity"] = null,
                ["persistentBrowser"] = null,
                ["continuousAccessEvaluation"] = null,
                ["secureSignInSession"] = null,
                ["signInFrequency"] = new JsonObject
                {
                    ["value"] = 8,
                    ["type"] = "hours",
                    ["authenticationType"] = "primaryAndSecondaryAuthentication",
                    ["frequencyInterval"] = "timeBased",
                    ["isEnabled"] = true,
                },
            };
        }

        return new JsonObject
        {
            ["id"] = policy.Id,
            ["templateId"] = null,
            ["displayName"] = policy.DisplayName,
            ["createdDateTime"] = Formats.GraphTime(view.Created),
            ["modifiedDateTime"] = view.Modified is { } modified ? Formats.GraphTime(modified) : null,
            ["state"] = view.State,
            ["partialEnablementStrategy"] = null,
            ["sessionControls"] = session,
            ["conditions"] = new JsonObject
            {
                ["userRiskLevels"] = new JsonArray(),
                ["signInRiskLevels"] = new JsonArray(),
                ["clientAppTypes"] = Strings(view.ClientAppTypes),
                ["platforms"] = null,
                ["times"] = null,
                ["deviceStates"] = null,
                ["devices"] = null,
                ["clientApplications"] = null,
                ["locations"] = policy.ExcludesTrustedLocations
                    ? new JsonObject { ["includeLocations"] = new JsonArray("All"), ["excludeLocations"] = new JsonArray("AllTrusted") }
                    : null,
                ["applications"] = new JsonObject
                {
                    ["includeApplications"] = policy.TargetAppIds is { } apps ? Strings(apps) : new JsonArray("All"),
                    ["excludeApplications"] = new JsonArray(),
                    ["includeUserActions"] = new JsonArray(),
                    ["includeAuthenticationContextClassReferences"] = new JsonArray(),
                    ["applicationFilter"] = null,
                },
                ["users"] = new JsonObject
                {
                    ["includeUsers"] = includeUsers,
                    ["excludeUsers"] = excludeUsers,
                    ["includeGroups"] = Strings(view.IncludeGroups),
                    ["excludeGroups"] = Strings(view.ExcludeGroups),
                    ["includeRoles"] = Strings(view.IncludeRoles),
                    ["excludeRoles"] = new JsonArray(),
                    ["includeGuestsOrExternalUsers"] = null,
                    ["excludeGuestsOrExternalUsers"] = null,
                },
            },
            ["grantControls"] = new JsonObject
            {
                ["operator"] = "OR",
                ["builtInControls"] = builtIn,
                ["customAuthenticationFactors"] = new JsonArray(),
                ["termsOfUse"] = new JsonArray(),
                ["authenticationStrength"] = strength is null ? null : Strength(strength, data.Tenant),
            },
        };
    }

    /// <summary>A directory object as a group's transitiveMembers lists it (the default user/group properties).</summary>
    public static JsonObject Member(TenantUser user) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = user.Id,
        ["businessPhones"] = new JsonArray(),
        ["displayName"] = user.DisplayName,
        ["givenName"] = null,
        ["jobTitle"] = null,
        ["mail"] = user.UserType == "member" ? user.UserPrincipalName : null,
        ["mobilePhone"] = null,
        ["officeLocation"] = null,
        ["preferredLanguage"] = null,
        ["surname"] = null,
        ["userPrincipalName"] = user.UserPrincipalName,
    };

    public static JsonObject Member(DirectoryGroup group) => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = group.Id,
        ["displayName"] = group.DisplayName,
        ["securityEnabled"] = true,
        ["mailEnabled"] = false,
        ["groupTypes"] = new JsonArray(),
    };

    /// <summary>A group's transitive members: nested groups and users, each once.</summary>
    public static JsonArray TransitiveMembers(DirectoryGroup group)
    {
        var array = new JsonArray();
        foreach (var nested in group.NestedGroups)
        {
            array.Add(Member(nested));
        }

        foreach (var user in group.TransitiveUsers)
        {
            array.Add(Member(user));
        }

        return array;
    }

    private static JsonObject Configuration(string type, string id, string state, string target, Action<JsonObject>? extra)
    {
        var json = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph." + type + "AuthenticationMethodConfiguration",
            ["id"] = id,
            ["state"] = state,
            ["excludeTargets"] = new JsonArray(),
            ["includeTargets"] = new JsonArray
            {
                new JsonObject { ["targetType"] = "group", ["id"] = target, ["isRegistrationRequired"] = false },
            },
        };
        extra?.Invoke(json);
        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
