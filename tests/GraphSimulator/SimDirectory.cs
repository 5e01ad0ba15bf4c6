using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EntraStrongAuth.SignInGenerator.Generation;
using EntraStrongAuth.SignInGenerator.Model;
using EntraStrongAuth.SignInGenerator.TenantAuth;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// The tenant's authentication data as served: each object already in Graph's JSON shape (rendered once by the
/// generator's own writers), so the simulator and the tenant-auth files can never disagree.
/// </summary>
public sealed class SimDirectory
{
    private readonly Dictionary<string, JsonElement[]> methods;
    private readonly Dictionary<string, JsonElement[]> groupMembers;
    private readonly Dictionary<string, JsonElement> users = new(StringComparer.OrdinalIgnoreCase);

    private SimDirectory(JsonElement[] registrations, Dictionary<string, JsonElement[]> methods, JsonElement? methodsPolicy,
        JsonElement[] strengths, JsonElement[] conditionalAccess, Dictionary<string, JsonElement[]> groupMembers)
    {
        RegistrationDetails = registrations;
        this.methods = methods;
        MethodsPolicy = methodsPolicy;
        StrengthPolicies = strengths;
        ConditionalAccessPolicies = conditionalAccess;
        this.groupMembers = groupMembers;
    }

    /// <summary>Sign-ins loaded from a file carry no directory: every list is empty and every user unknown.</summary>
    public static SimDirectory Empty { get; } = new(Array.Empty<JsonElement>(), new(), null, Array.Empty<JsonElement>(),
        Array.Empty<JsonElement>(), new());

    /// <summary>userRegistrationDetails objects, in user order.</summary>
    public IReadOnlyList<JsonElement> RegistrationDetails { get; }

    /// <summary>The authenticationMethodsPolicy object (with authenticationMethodConfigurations); null without a directory.</summary>
    public JsonElement? MethodsPolicy { get; }

    public IReadOnlyList<JsonElement> StrengthPolicies { get; }

    /// <summary>conditionalAccessPolicy objects (beta shape).</summary>
    public IReadOnlyList<JsonElement> ConditionalAccessPolicies { get; }

    public IEnumerable<string> GroupIds => groupMembers.Keys;

    /// <summary>unifiedRoleAssignment objects with their principal expanded (directory-wide and administrative-unit scoped).</summary>
    public IReadOnlyList<JsonElement> RoleAssignments { get; private init; } = Array.Empty<JsonElement>();

    /// <summary>A user's authentication methods by object id or UPN (case-insensitive, as Graph resolves both); null if unknown.</summary>
    public IReadOnlyList<JsonElement>? MethodsOf(string idOrUpn) => methods.TryGetValue(idOrUpn, out var list) ? list : null;

    /// <summary>A user object (id, userPrincipalName, displayName, userType, accountEnabled, mail) by id or UPN; null if unknown.</summary>
    public JsonElement? UserOf(string idOrUpn) => users.TryGetValue(idOrUpn, out var user) ? user : null;

    /// <summary>Users, groups and service principals by object id, service principals by appId (getByIds, servicePrincipals).</summary>
    public SimDirectoryObjects Objects { get; private init; } = SimDirectoryObjects.Empty;

    public IReadOnlyList<JsonElement>? TransitiveMembersOf(string groupId) => groupMembers.TryGetValue(groupId, out var list) ? list : null;

    internal static SimDirectory Generate(int seed, Tenant tenant, IReadOnlyList<TenantUser> users)
    {
        var data = TenantAuthBuilder.Build(seed, tenant, users);
        var methods = new Dictionary<string, JsonElement[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in data.Users)
        {
            var list = Elements(RegistrationJson.Methods(user));
            methods[user.User.Id] = list;
            methods[user.User.UserPrincipalName] = list;
        }

        var directory = new SimDirectory(
            data.Users.Select(u => Element(RegistrationJson.Details(u, data))).ToArray(),
            methods,
            Element(PolicyJson.MethodsPolicy(data)),
            data.Strengths.Select(s => Element(PolicyJson.Strength(s, tenant))).ToArray(),
            data.Policies.Select(p => Element(PolicyJson.ConditionalAccess(p, data))).ToArray(),
            data.Groups.ToDictionary(g => g.Id, g => Elements(PolicyJson.TransitiveMembers(g)), StringComparer.OrdinalIgnoreCase))
        {
            RoleAssignments = DirectoryRoleJson.Assignments(data).Select(a => Element(a)).ToArray(),
            Objects = SimDirectoryObjects.Build(data),
        };
        foreach (var auth in data.Users)
        {
            var user = auth.User;
            // The generator has no disabled accounts: every directory user can sign in.
            var element = Element(new JsonObject
            {
                ["id"] = user.Id,
                ["displayName"] = user.DisplayName,
                ["userPrincipalName"] = user.UserPrincipalName,
                ["userType"] = user.UserType,
                ["accountEnabled"] = true,
                ["mail"] = user.UserType == "guest" ? null : user.UserPrincipalName,
            });
            directory.users[user.Id] = element;
            directory.users[user.UserPrincipalName] = element;
        }

        return directory;
    }

    private static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);

    private static JsonElement[] Elements(JsonArray array) => array.Select(n => Element(n!)).ToArray();
}
