using EntraStrongAuth.Core.Errors;
using Microsoft.Graph.Models.ODataErrors;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>Turns a Graph error response into an error id, a kind and guidance a user can act on.</summary>
internal static class GraphErrorTranslator
{
    public static EntraStrongAuthException Translate(ODataError error) =>
        Translate(error.ResponseStatusCode, error.Error?.Code, error.Error?.Message ?? error.Message, requiredPermission: null, error);

    /// <param name="status">The HTTP status.</param>
    /// <param name="code">Graph's error code (error.code in the body), if any.</param>
    /// <param name="message">Graph's message.</param>
    /// <param name="requiredPermission">The permission the request needs, named in the advice for a 403.</param>
    /// <param name="inner">The original exception, if any.</param>
    public static EntraStrongAuthException Translate(int status, string? code, string? message, string? requiredPermission, System.Exception? inner = null)
    {
        code ??= "unknown";
        var detail = " (" + code + "): " + message;
        return status switch
        {
            401 => new EntraStrongAuthException(
                ErrorIds.GraphUnauthorized,
                FailureKind.AuthenticationError,
                "Microsoft Graph rejected the token" + detail,
                "The token has expired or was revoked: run Connect-EntraStrongAuth again (an -AccessToken is never refreshed).",
                inner),
            403 when code == "Authentication_RequestFromNonPremiumTenantOrB2CTenant" => new EntraStrongAuthException(
                ErrorIds.NoPremiumLicense,
                FailureKind.PermissionDenied,
                "Microsoft Graph serves this data (sign-in logs, Conditional Access, authentication reports) only to tenants with Microsoft Entra ID P1 or P2" + detail,
                "License the tenant for Entra ID P1/P2, or export sign-ins from the Entra admin center and use -Path.",
                inner),
            403 when code == "Authentication_RequestFromUnsupportedUserRole" => new EntraStrongAuthException(
                ErrorIds.MissingDirectoryRole,
                FailureKind.PermissionDenied,
                "The signed-in user has no directory role that may read this data" + detail,
                "Give the user a reading role: Reports Reader or Security Reader for sign-in logs and reports, Global Reader or Security Reader for policies (or connect as an app with the application permission).",
                inner),
            403 => new EntraStrongAuthException(
                ErrorIds.GraphPermissionDenied,
                FailureKind.PermissionDenied,
                "Microsoft Graph denied the request" + detail,
                requiredPermission is null
                    ? "Grant the app or user the permission the command documents, with admin consent."
                    : "Grant " + requiredPermission + " (application permission for app-only sign-in, delegated scope for a user) with admin consent, then connect again.",
                inner),
            400 => new EntraStrongAuthException(
                ErrorIds.GraphBadRequest,
                FailureKind.InvalidArgument,
                "Microsoft Graph rejected the query" + detail,
                "If you passed -Filter, check its syntax and that the endpoint supports it (for signIns: createdDateTime, userPrincipalName, userId, appId, status/errorCode, signInEventTypes).",
                inner),
            _ => new EntraStrongAuthException(
                ErrorIds.GraphRequestFailed,
                FailureKind.ResourceUnavailable,
                "Microsoft Graph request failed with status " + status + detail,
                null,
                inner),
        };
    }
}
