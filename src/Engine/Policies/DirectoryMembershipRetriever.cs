using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Policies;

/// <summary>
/// Reads who is in the groups and who holds the directory roles that policies target: a group's transitive user
/// members, a role's tenant-wide active assignments (users, and the members of role-assignable groups). A group or
/// role that cannot be read is marked unread with a warning, so answers that turn on it say they are uncertain.
/// </summary>
public sealed class DirectoryMembershipRetriever
{
    public const string GroupPermission = "GroupMember.Read.All";
    public const string RolePermission = "RoleManagement.Read.Directory";

    // Users only (the cast segment), ids only: nested groups and devices are not targeted themselves.
    internal const string MembersPath = "v1.0/groups/{0}/transitiveMembers/microsoft.graph.user?$select=id&$top=999";

    // Built-in roles' definition ids are their template ids; the principal's type tells users from groups.
    internal const string RoleAssignmentsPath = "v1.0/roleManagement/directory/roleAssignments?$filter={0}&$expand=principal";

    private readonly GraphReadContext _context;
    private readonly GraphCollectionReader _reader;

    internal DirectoryMembershipRetriever(GraphReadContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _reader = new GraphCollectionReader(context);
    }

    public int Requests => _reader.Requests;

    /// <summary>The groups' and roles' members, each read once; problems are returned as warnings, never thrown.</summary>
    public async Task<(DirectoryMembership Membership, IReadOnlyList<PolicyReadProblem> Problems)> ReadAsync(
        IEnumerable<string> groupIds, IEnumerable<string> roleTemplateIds, string purpose, RetrievalEvents events, CancellationToken cancellationToken)
    {
        var builder = new DirectoryMembershipBuilder();
        var problems = new List<PolicyReadProblem>();
        await ReadGroupsAsync(builder, groupIds, purpose, ErrorIds.DirectoryMembershipUnreadable, problems, events, cancellationToken).ConfigureAwait(false);
        foreach (var role in roleTemplateIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var filter = "roleDefinitionId eq " + ODataFilter.Quote(role);
            var url = _context.Url(string.Format(CultureInfo.InvariantCulture, RoleAssignmentsPath, Uri.EscapeDataString(filter)));
            try
            {
                var assignments = await _reader.ReadAllAsync(url, RolePermission, "holders of directory role " + role, events, cancellationToken).ConfigureAwait(false);
                var principals = assignments.Where(TenantWide).Select(a => a.TryGetProperty("principal", out var p) ? p : default).ToList();
                var groups = principals.Where(p => IsOfType(p, "group")).Select(Id).ToList();
                builder.AddRole(role, principals.Where(p => IsOfType(p, "user")).Select(Id), groups);
                await ReadGroupsAsync(builder, groups, "role " + role, ErrorIds.DirectoryMembershipUnreadable, problems, events, cancellationToken).ConfigureAwait(false);
            }
            catch (EntraStrongAuthException ex) when (ex.ErrorId is ErrorIds.GraphRequestFailed or ErrorIds.GraphPermissionDenied or ErrorIds.GraphBadRequest or ErrorIds.MissingDirectoryRole)
            {
                builder.RoleUnread(role);
                problems.Add(new PolicyReadProblem(ErrorIds.DirectoryMembershipUnreadable, "Graph /" + url.AbsolutePath.TrimStart('/'),
                    "the holders of directory role " + role + ", which " + purpose + " targets, could not be read (" + ex.Message + "); answers for users who may hold it are uncertain. Grant " + RolePermission + ".",
                    id: role, isWarning: true));
            }
        }

        return (builder.Build("grant " + GroupPermission + " and " + RolePermission + " to read them"), problems);
    }

    /// <summary>The groups' transitive user members; a group that cannot be read is a warning with <paramref name="unreadErrorId"/>.</summary>
    public async Task ReadGroupsAsync(DirectoryMembershipBuilder builder, IEnumerable<string> groupIds, string purpose, string unreadErrorId, List<PolicyReadProblem> problems, RetrievalEvents events, CancellationToken cancellationToken)
    {
        foreach (var group in groupIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var url = _context.Url(string.Format(CultureInfo.InvariantCulture, MembersPath, Uri.EscapeDataString(group)));
            try
            {
                var items = await _reader.ReadAllAsync(url, GroupPermission, "members of group " + group, events, cancellationToken).ConfigureAwait(false);
                builder.AddGroup(group, items.Where(m => IsOfType(m, "user") && m.TryGetProperty("id", out _)).Select(Id));
            }
            catch (EntraStrongAuthException ex) when (ex.ErrorId is ErrorIds.GraphRequestFailed or ErrorIds.GraphPermissionDenied or ErrorIds.MissingDirectoryRole)
            {
                builder.GroupUnread(group);
                problems.Add(new PolicyReadProblem(unreadErrorId, "Graph /" + url.AbsolutePath.TrimStart('/'),
                    "the members of group " + group + ", which " + purpose + " targets, could not be read (" + ex.Message + "); answers for users who may be in it are uncertain.",
                    id: group, isWarning: true));
            }
        }
    }

    // Conditional Access counts roles assigned over the whole directory, not those scoped to an administrative unit.
    private static bool TenantWide(JsonElement assignment) =>
        !assignment.TryGetProperty("directoryScopeId", out var scope) || scope.ValueKind != JsonValueKind.String || scope.GetString() == "/";

    // The type cast leaves only users; a record typed otherwise (a saved answer without the cast) is not one.
    private static bool IsOfType(JsonElement item, string type) =>
        item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && (item.TryGetProperty("@odata.type", out var odataType)
            ? string.Equals(odataType.GetString(), "#microsoft.graph." + type, StringComparison.OrdinalIgnoreCase)
            : type == "user");

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;
}
