using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// One saved group or directory role with its members: a record of <c>GET /groups?$expand=members</c> or
/// <c>GET /directoryRoles?$expand=members</c> (a role carries its roleTemplateId, which policies name), or a group with
/// <c>transitiveMembers</c> already flattened. Users become members; a group listed as a member is nested (its own
/// record, when saved, supplies its users).
/// </summary>
internal static class DirectoryMembersJsonParser
{
    /// <summary>Whether the start of a file looks like saved member lists (a group's or role's members expanded).</summary>
    public static bool LooksLikeMembers(string head) =>
        (Has(head, "\"members\"") || Has(head, "\"transitiveMembers\""))
        && (Has(head, "\"roleTemplateId\"") || Has(head, "#microsoft.graph.group") || Has(head, "\"securityEnabled\"") || Has(head, "\"groupTypes\"") || Has(head, "#microsoft.graph.user"));

    public static void Parse(JsonElement item, string source, int record, DirectoryMembershipBuilder builder, List<PolicyReadProblem> problems)
    {
        var id = item.ValueKind == JsonValueKind.Object ? PolicyJson.String(item, "id") : null;
        var transitive = item.ValueKind == JsonValueKind.Object ? PolicyJson.Property(item, "transitiveMembers") : null;
        var members = transitive ?? (item.ValueKind == JsonValueKind.Object ? PolicyJson.Property(item, "members") : null);
        if (id is null || members is not { ValueKind: JsonValueKind.Array } list)
        {
            problems.Add(new PolicyReadProblem(ErrorIds.DirectoryMembersRecordInvalid, source,
                "record " + record + " is not a group or directory role with its members (expected an object with \"id\" and a \"members\" array, as GET /groups?$expand=members or /directoryRoles?$expand=members answer)", record, id));
            return;
        }

        var users = Members(list, "user");
        // transitiveMembers already holds the nested groups' users: listing the groups again would ask for their records.
        var groups = transitive is null ? Members(list, "group") : new List<string>();
        var role = PolicyJson.String(item, "roleTemplateId");
        if (role is not null)
        {
            builder.AddRole(role, users, groups);
        }
        else
        {
            builder.AddGroup(id, users, groups);
        }

        // $expand=members returns at most 20 members: a full list may have been cut, so non-members stay unknown.
        if (transitive is null && list.GetArrayLength() >= ExpandLimit)
        {
            builder.MarkPartial(role ?? id, isRole: role is not null);
            problems.Add(new PolicyReadProblem(ErrorIds.DirectoryMembersRecordInvalid, source,
                "record " + record + " (" + (role is null ? "group " : "role ") + (role ?? id) + ") lists " + list.GetArrayLength() + " members, and Graph expands at most " + ExpandLimit + ": users not listed are treated as unknown. Save GET /groups/{id}/transitiveMembers as a \"transitiveMembers\" array for a complete list.",
                record, id, isWarning: true));
        }
    }

    private const int ExpandLimit = 20;

    private static List<string> Members(JsonElement list, string type) =>
        list.EnumerateArray()
            .Where(m => m.ValueKind == JsonValueKind.Object && PolicyJson.String(m, "id") is not null && TypeOf(m) == type)
            .Select(m => PolicyJson.String(m, "id")!)
            .ToList();

    // A member without @odata.type is taken as a user: saved user lists ($select=id) leave the type out.
    private static string TypeOf(JsonElement member) =>
        PolicyJson.String(member, "@odata.type") is { } type && type.StartsWith("#microsoft.graph.", StringComparison.OrdinalIgnoreCase)
            ? type.Substring("#microsoft.graph.".Length).ToLowerInvariant()
            : "user";

    private static bool Has(string head, string text) => head.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;
}
