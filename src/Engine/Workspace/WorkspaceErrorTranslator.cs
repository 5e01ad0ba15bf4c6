using System;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Workspace;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>Turns a query API error answer into an error id, a kind and advice a user can act on.</summary>
internal static class WorkspaceErrorTranslator
{
    public static EntraStrongAuthException Translate(int status, WorkspaceErrorBody? error, Guid workspaceId)
    {
        var detail = error is null ? string.Empty : " (" + (error.Code ?? "no code") + "): " + error.Detail;
        var workspace = workspaceId.ToString("D");
        if (status == 400 && error?.UnresolvedNameFound is { } name)
        {
            return Unresolved(name, workspace, detail);
        }

        return status switch
        {
            400 => new EntraStrongAuthException(
                ErrorIds.WorkspaceQueryFailed,
                FailureKind.InvalidArgument,
                "Log Analytics rejected the query" + detail,
                "Run Get-StrongAuthKql to see the module's queries and try one in the workspace's Logs blade; please report the command line if the query is the module's own."),
            401 or 403 => new EntraStrongAuthException(
                ErrorIds.WorkspaceAccessDenied,
                FailureKind.PermissionDenied,
                "Log Analytics refused access to workspace " + workspace + " (HTTP " + status.ToString(CultureInfo.InvariantCulture) + ")" + detail,
                "Give the signed-in identity Log Analytics Reader (or Microsoft Sentinel Reader) on the workspace; role assignments can take up to an hour to apply. The token must be for the Log Analytics API of the workspace's cloud."),
            404 => new EntraStrongAuthException(
                ErrorIds.WorkspaceNotFound,
                FailureKind.ObjectNotFound,
                "Log Analytics has no workspace " + workspace + " that this identity can see" + detail,
                "Pass the Workspace ID (the GUID on the workspace's Overview page), not its name or resource id, and connect to the cloud it is in (-Environment)."),
            504 => new EntraStrongAuthException(
                ErrorIds.WorkspaceTimeout,
                FailureKind.ResourceUnavailable,
                "The query ran longer than the server timeout" + detail,
                "Narrow the time range or the users; the sign-in reader splits its time slices on its own and stops only when a slice of a minute still times out."),
            _ => new EntraStrongAuthException(
                ErrorIds.WorkspaceQueryFailed,
                FailureKind.ResourceUnavailable,
                "Log Analytics answered HTTP " + status.ToString(CultureInfo.InvariantCulture) + detail,
                "Try again; if it persists, check the workspace in the Azure portal."),
        };
    }

    /// <summary>SEM0100: a sign-in table the workspace lacks (its diagnostic-settings category is not sent), or a column.</summary>
    private static EntraStrongAuthException Unresolved(string name, string workspace, string detail)
    {
        var table = WorkspaceSignInTable.Known.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
        return table.Name is not null
            ? new EntraStrongAuthException(
                ErrorIds.WorkspaceTableMissing,
                FailureKind.ObjectNotFound,
                "Workspace " + workspace + " has no table " + name + detail,
                "In Microsoft Entra ID > Monitoring > Diagnostic settings, send the category " + WorkspaceSignInTable.CategoryOf(table.EventType) + " to this workspace; sign-ins from before that are not in it.")
            : new EntraStrongAuthException(
                ErrorIds.WorkspaceQueryFailed,
                FailureKind.InvalidArgument,
                "Workspace " + workspace + " lacks the column " + name + " the query reads" + detail,
                "The sign-in tables gain columns over time; please report the column and the workspace's table schema (T | getschema).");
    }
}
