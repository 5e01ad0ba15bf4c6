using System.Text.Json.Nodes;

namespace EntraStrongAuth.SignInGenerator.TenantAuth;

/// <summary>
/// Who holds the directory roles the admin policies name: every admin holds Global Administrator over the whole
/// directory, and the first admin also holds Privileged Role Administrator scoped to one administrative unit (which
/// Conditional Access does not count), so a reader must look at the scope.
/// </summary>
internal static class DirectoryRoleJson
{
    private const string AdministrativeUnitScope = "/administrativeUnits/6f1f7b76-55a3-4c5e-9c64-2b0c1fd6d7a1";

    /// <summary>roleManagement/directory/roleAssignments items with the principal expanded.</summary>
    public static IEnumerable<JsonObject> Assignments(TenantAuthData data)
    {
        var admins = data.Users.Select(u => u.User).Where(u => u.IsAdmin).ToList();
        for (var i = 0; i < admins.Count; i++)
        {
            yield return Assignment(admins[i], TenantAuthBuilder.GlobalAdministratorRole, "/", i);
        }

        if (admins.Count > 0)
        {
            yield return Assignment(admins[0], TenantAuthBuilder.PrivilegedRoleAdministratorRole, AdministrativeUnitScope, admins.Count);
        }
    }

    /// <summary>
    /// The activated roles as GET /directoryRoles?$expand=members answers: members are the directory-wide holders only,
    /// so Privileged Role Administrator (held only within an administrative unit) lists none.
    /// </summary>
    public static IEnumerable<JsonObject> Roles(TenantAuthData data)
    {
        yield return Role("0b1f4c1e-7bd2-4c60-a0e9-4b8a9f2f3c10", "Global Administrator", TenantAuthBuilder.GlobalAdministratorRole,
            data.Users.Select(u => u.User).Where(u => u.IsAdmin));
        yield return Role("4d2c1a7e-93b1-4a55-8f0e-5a6c7d8e9f01", "Privileged Role Administrator", TenantAuthBuilder.PrivilegedRoleAdministratorRole,
            Array.Empty<TenantUser>());
    }

    private static JsonObject Role(string id, string name, string template, IEnumerable<TenantUser> members) => new()
    {
        ["id"] = id,
        ["displayName"] = name,
        ["roleTemplateId"] = template,
        ["members"] = new JsonArray(members.Select(u => (JsonNode?)PolicyJson.Member(u)).ToArray()),
    };

    private static JsonObject Assignment(TenantUser user, string role, string scope, int index) => new()
    {
        ["id"] = "assignment-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["principalId"] = user.Id,
        ["roleDefinitionId"] = role,
        ["directoryScopeId"] = scope,
        ["principal"] = PolicyJson.Member(user),
    };
}
