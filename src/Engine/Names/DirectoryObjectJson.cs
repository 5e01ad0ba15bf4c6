using System;
using System.Collections.Generic;
using System.Text.Json;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Names;

/// <summary>
/// Names found in saved directory JSON beside the policies: users, groups, service principals, applications and
/// directory roles as Graph returns them (a <c>directoryObjects/getByIds</c> answer, <c>groups</c>,
/// <c>servicePrincipals</c> or <c>roleManagement/directory/roleDefinitions</c> pages, or Graph PowerShell objects
/// through ConvertTo-Json). A record is known by its <c>@odata.type</c>, or without one by the properties only its
/// type has.
/// </summary>
internal sealed class DirectoryObjectJson
{
    public List<KeyValuePair<string, string>> Objects { get; } = new();

    public List<KeyValuePair<string, string>> Apps { get; } = new();

    public List<KeyValuePair<string, string>> Roles { get; } = new();

    /// <summary>
    /// Takes the record's name if it is a directory object; false when it is not one. <paramref name="pageType"/> is the
    /// type the page's <c>@odata.context</c> names (<see cref="PageTypeOf"/>): a <c>$select=id,displayName</c> answer
    /// has no other property that tells a group from a user.
    /// </summary>
    public bool TryAdd(JsonElement record, string? pageType = null)
    {
        if (record.ValueKind != JsonValueKind.Object || Text(record, "displayName") is not { } name)
        {
            return false;
        }

        var id = Text(record, "id");
        switch (TypeOf(record) ?? pageType)
        {
            case "user" or "group" when id is not null:
                Objects.Add(new KeyValuePair<string, string>(id, name));
                return true;
            case "servicePrincipal" or "application" when id is not null:
                Objects.Add(new KeyValuePair<string, string>(id, name));
                if (Text(record, "appId") is { } appId)
                {
                    Apps.Add(new KeyValuePair<string, string>(appId, name));
                }

                return true;
            case "unifiedRoleDefinition" or "directoryRoleTemplate" when id is not null:
                Roles.Add(new KeyValuePair<string, string>(Text(record, "templateId") ?? id, name));
                return true;
            case "directoryRole" when Text(record, "roleTemplateId") is { } template:
                Roles.Add(new KeyValuePair<string, string>(template, name));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The directory type a Graph page holds, from its <c>@odata.context</c>: ".../$metadata#groups(id,displayName)" is
    /// group; null for any other page or none.
    /// </summary>
    public static string? PageTypeOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "@odata.context") is not { } context || context.IndexOf('#') is var hash && hash < 0)
        {
            return null;
        }

        var entitySet = context.Substring(hash + 1);
        var end = entitySet.IndexOfAny(EntitySetEnd);
        return (end < 0 ? entitySet : entitySet.Substring(0, end)).ToUpperInvariant() switch
        {
            "USERS" => "user",
            "GROUPS" => "group",
            "SERVICEPRINCIPALS" => "servicePrincipal",
            "APPLICATIONS" => "application",
            "DIRECTORYROLES" => "directoryRole",
            "DIRECTORYROLETEMPLATES" => "directoryRoleTemplate",
            "ROLEMANAGEMENT" when entitySet.IndexOf("roleDefinitions", StringComparison.OrdinalIgnoreCase) >= 0 => "unifiedRoleDefinition",
            _ => null,
        };
    }

    private static readonly char[] EntitySetEnd = { '(', '/', '?' };

    private static string? TypeOf(JsonElement record)
    {
        if (Text(record, "@odata.type") is { } type)
        {
            return type.StartsWith("#microsoft.graph.", StringComparison.OrdinalIgnoreCase) ? type.Substring("#microsoft.graph.".Length) : type;
        }

        // Graph PowerShell objects through ConvertTo-Json carry no @odata.type: the properties only one type has tell.
        if (Has(record, "userPrincipalName"))
        {
            return "user";
        }

        if (Has(record, "servicePrincipalType"))
        {
            return "servicePrincipal";
        }

        if (Has(record, "securityEnabled") || Has(record, "groupTypes"))
        {
            return "group";
        }

        return Has(record, "rolePermissions") ? "unifiedRoleDefinition" : Has(record, "roleTemplateId") ? "directoryRole" : null;
    }

    private static bool Has(JsonElement record, string name) => PolicyJson.Property(record, name) is not null;

    private static string? Text(JsonElement record, string name) =>
        PolicyJson.Property(record, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
