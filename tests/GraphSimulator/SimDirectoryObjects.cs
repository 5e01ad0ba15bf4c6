using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EntraStrongAuth.SignInGenerator.Catalog;
using EntraStrongAuth.SignInGenerator.Model;
using EntraStrongAuth.SignInGenerator.TenantAuth;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// The tenant's directory objects by object id (users, groups, service principals), as <c>directoryObjects/getByIds</c>
/// returns them, and its service principals by appId (what <c>servicePrincipals?$filter=appId in (…)</c> finds). Every
/// app the generator knows (the first-party catalog and the tenant's line-of-business apps) has a service principal,
/// with an object id derived from its appId so it is stable across runs.
/// </summary>
public sealed class SimDirectoryObjects
{
    private readonly Dictionary<string, JsonElement> byObjectId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonElement> servicePrincipalsByAppId = new(StringComparer.OrdinalIgnoreCase);

    public static SimDirectoryObjects Empty { get; } = new();

    /// <summary>A user, group or service principal by object id, with its <c>@odata.type</c>; null if unknown.</summary>
    public JsonElement? ObjectOf(string id) => byObjectId.TryGetValue(id, out var item) ? item : null;

    /// <summary>The tenant's service principal of an application (client) id; null if the app has none here.</summary>
    public JsonElement? ServicePrincipalOfApp(string appId) => servicePrincipalsByAppId.TryGetValue(appId, out var item) ? item : null;

    public IEnumerable<JsonElement> ServicePrincipals => servicePrincipalsByAppId.Values;

    /// <summary>The object id the simulator gives the service principal of <paramref name="appId"/>.</summary>
    public static string ServicePrincipalId(string appId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("servicePrincipal:" + appId.ToUpperInvariant()));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    internal static SimDirectoryObjects Build(TenantAuthData data)
    {
        var objects = new SimDirectoryObjects();
        foreach (var user in data.Users.Select(u => u.User))
        {
            objects.Add(new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.user",
                ["id"] = user.Id,
                ["displayName"] = user.DisplayName,
                ["userPrincipalName"] = user.UserPrincipalName,
            });
        }

        foreach (var group in data.Groups)
        {
            objects.Add(new JsonObject { ["@odata.type"] = "#microsoft.graph.group", ["id"] = group.Id, ["displayName"] = group.DisplayName });
        }

        foreach (var app in Apps(data.Tenant))
        {
            var principal = new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.servicePrincipal",
                ["id"] = ServicePrincipalId(app.Id),
                ["appId"] = app.Id,
                ["displayName"] = app.DisplayName,
                ["appOwnerOrganizationId"] = app.OwnerTenantId,
            };
            var element = objects.Add(principal);
            objects.servicePrincipalsByAppId[app.Id] = element;
        }

        return objects;
    }

    private JsonElement Add(JsonObject node)
    {
        var element = JsonSerializer.SerializeToElement(node);
        byObjectId[node["id"]!.GetValue<string>()] = element;
        return element;
    }

    // The first-party catalog's static fields and the tenant's own apps: every app a generated sign-in can name.
    private static IEnumerable<AppInfo> Apps(Tenant tenant)
    {
        var firstParty = typeof(MicrosoftApps).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(AppInfo)).Select(f => (AppInfo)f.GetValue(null)!);
        var own = typeof(LineOfBusinessApps).GetProperties().Where(p => p.PropertyType == typeof(AppInfo)).Select(p => (AppInfo)p.GetValue(tenant.Apps)!);
        return firstParty.Concat(own).DistinctBy(a => a.Id, StringComparer.OrdinalIgnoreCase);
    }
}
