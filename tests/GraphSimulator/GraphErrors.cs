using System;
using System.Globalization;
using System.Text.Json;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>A Graph error: status, code and message. The body shape is Graph's (see <see cref="Write"/>).</summary>
public sealed record GraphError(int Status, string Code, string Message)
{
    /// <summary>400 for a $filter outside the supported subset (docs issues #6620, #14173, azure-docs-powershell-azuread #623).</summary>
    public static GraphError InvalidFilter => new(400, "BadRequest", "Invalid filter clause");

    /// <summary>
    /// Expired skip token. The reports service's own shape is not documented; this is the directory service's
    /// (msgraph-sdk-dotnet #2254, msgraph-sdk-java #368), the closest published Graph code for it.
    /// </summary>
    public static GraphError ExpiredSkipToken => new(400, "Directory_ExpiredPageToken",
        "The specified page token value has expired and can no longer be included in your request.");

    /// <summary>An undecodable token (seen on signIns: msgraph-sdk-powershell #1388, docs #8612 "Invalid Skip Token").</summary>
    public static GraphError InvalidSkipToken => new(400, "UnknownError", "Invalid Skip Token");

    /// <summary>The throttling doc's sample body (concepts/throttling.md, "Sample response").</summary>
    public static GraphError Throttled => new(429, "TooManyRequests", "Please retry again later.");

    public static GraphError ServiceUnavailable => new(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.");

    public static GraphError InternalServerError => new(500, "UnknownError", "An internal server error occurred.");

    public static GraphError GatewayTimeout => new(504, "UnknownError", "The request timed out.");

    /// <summary>No or empty bearer token.</summary>
    public static GraphError MissingToken => new(401, "InvalidAuthenticationToken", "Access token is empty.");

    /// <summary>A token the simulator does not accept (expired, revoked, not in AcceptedTokens).</summary>
    public static GraphError InvalidToken => new(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");

    /// <summary>Tenant without Entra ID P1/P2 (docs-contrib #7276, #3808; steampipe-plugin-azuread #98).</summary>
    public static GraphError NonPremiumTenant => new(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
        "Neither tenant is B2C or tenant doesn't have premium license");

    /// <summary>Delegated caller without a reports role (signin-list permissions note; message as reported for the reporting API).</summary>
    public static GraphError UnsupportedUserRole => new(403, "Authentication_RequestFromUnsupportedUserRole", "User is not in the allowed roles");

    /// <summary>Token without AuditLog.Read.All.</summary>
    public static GraphError MissingScope => new(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

    public static GraphError TopTooLarge(string value) => new(400, "BadRequest",
        string.Create(CultureInfo.InvariantCulture, $"Invalid page size specified: '{value}'. Must be between 1 and 1000 inclusive."));

    public static GraphError UnknownProperty(string name, string type = "microsoft.graph.signIn") => new(400, "BadRequest",
        $"Could not find a property named '{name}' on type '{type}'.");

    public static GraphError BadQuery(string message) => new(400, "BadRequest", message);

    /// <summary>An unknown user or group id/UPN: the directory's 404 (as Graph answers users/{id} and groups/{id} paths).</summary>
    public static GraphError ResourceNotFound(string id) => new(404, "Request_ResourceNotFound",
        $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphError NotFound(string path) => new(404, "UnknownError", $"Resource not found for the segment '{path}'.");

    /// <summary>
    /// Writes <c>{"error":{"code":…,"message":…,"innerError":{"date":…,"request-id":…,"client-request-id":…}}}</c>,
    /// the shape of every Graph error quoted in the issues above (date without offset, UTC).
    /// </summary>
    public void Write(Utf8JsonWriter writer, DateTimeOffset now, string requestId, string clientRequestId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("code", Code);
        writer.WriteString("message", Message);
        writer.WriteStartObject("innerError");
        writer.WriteString("date", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        writer.WriteString("request-id", requestId);
        writer.WriteString("client-request-id", clientRequestId);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
