using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using EntraStrongAuth.SignInGenerator.TenantAuth;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// The tenant-auth format: the tenant's authentication data as saved Graph responses (one file per API, each the
/// response body Graph would send, paging aside), so the module's offline path reads what the live path receives.
/// </summary>
internal static class TenantAuthFiles
{
    public const string FormatName = "tenant-auth";
    public const string Folder = "tenant-auth";

    public static IReadOnlyList<string> Write(string directory, TenantAuthData data)
    {
        string folder = Path.Combine(directory, Folder);
        Directory.CreateDirectory(folder);
        var written = new List<string>
        {
            Save(folder, "userRegistrationDetails.json", Page(data.Users.Select(u => RegistrationJson.Details(u, data)))),
            Save(folder, "authenticationMethodsPolicy.json", PolicyJson.MethodsPolicy(data)),
            Save(folder, "authenticationStrengthPolicies.json", Page(data.Strengths.Select(s => PolicyJson.Strength(s, data.Tenant)))),
            Save(folder, "conditionalAccessPolicies.json", Page(data.Policies.Select(p => PolicyJson.ConditionalAccess(p, data)))),
            Save(folder, "groups.json", Page(data.Groups.Select(g => new JsonObject
            {
                ["id"] = g.Id,
                ["displayName"] = g.DisplayName,

                // As GET /groups answers by default: these tell a group from other directory objects in a saved page.
                ["securityEnabled"] = true,
                ["groupTypes"] = new JsonArray(),
                ["transitiveMembers"] = PolicyJson.TransitiveMembers(g),
            }))),
            Save(folder, "directoryRoles.json", Page(DirectoryRoleJson.Roles(data))),
        };

        // Each user's methods as Graph answers users/{id}/authentication/methods, one file per user: the context names
        // the user, so the module's offline reader knows whose methods they are.
        written.AddRange(data.Users.Select(u => Save(folder, "authenticationMethods." + u.User.Id + ".json", new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('" + u.User.Id + "')/authentication/methods",
            ["value"] = RegistrationJson.Methods(u),
        })));
        return written;
    }

    private static JsonObject Page(IEnumerable<JsonObject> items) => new() { ["value"] = new JsonArray(items.ToArray<JsonNode?>()) };

    private static string Save(string folder, string name, JsonObject body)
    {
        string path = Path.Combine(folder, name);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var writer = new Utf8JsonWriter(stream, SignInWriter.IndentedJson);
        body.WriteTo(writer);
        return path;
    }
}
