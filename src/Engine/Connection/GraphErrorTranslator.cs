using EntraStrongAuth.Core.Errors;
using Microsoft.Graph.Models.ODataErrors;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>Turns a Graph error response into an error id, a kind and guidance a user can act on.</summary>
internal static class GraphErrorTranslator
{
    public static EntraStrongAuthException Translate(ODataError error)
    {
        var code = error.Error?.Code ?? "unknown";
        var message = error.Error?.Message ?? error.Message;
        return error.ResponseStatusCode switch
        {
            401 => new EntraStrongAuthException(
                "GraphUnauthorized",
                FailureKind.AuthenticationError,
                "Microsoft Graph rejected the token (" + code + "): " + message,
                "Sign in again with Connect-EntraStrongAuth; an -AccessToken may have expired.",
                error),
            403 => new EntraStrongAuthException(
                "GraphPermissionDenied",
                FailureKind.PermissionDenied,
                "Microsoft Graph denied the request (" + code + "): " + message,
                "Grant the app or user the permission the command documents, with admin consent.",
                error),
            _ => new EntraStrongAuthException(
                "GraphRequestFailed",
                FailureKind.ResourceUnavailable,
                "Microsoft Graph request failed with status " + error.ResponseStatusCode + " (" + code + "): " + message,
                null,
                error),
        };
    }
}
