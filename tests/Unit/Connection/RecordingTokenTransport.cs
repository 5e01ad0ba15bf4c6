using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>
/// Stands in for the identity platform: answers token, device-code and managed-identity requests with a fixed
/// token and records what Azure.Identity + MSAL asked (URL and form body), so tests see the real requests.
/// </summary>
internal sealed class RecordingTokenTransport : HttpPipelineTransport
{
    public const string Token = "token-from-test";

    private const string IdTokenClaims = """{"aud":"client","iss":"https://login.microsoftonline.com/tenant-id/v2.0","oid":"user-oid","tid":"tenant-id","sub":"subject","preferred_username":"admin@contoso.com","name":"Admin","exp":4102444800,"iat":1700000000,"nbf":1700000000,"ver":"2.0"}""";

    private readonly object _gate = new();
    private readonly List<(Uri Uri, string Body)> _requests = new();

    public IReadOnlyList<(Uri Uri, string Body)> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

    public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        var body = string.Empty;
        if (message.Request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            await content.WriteToAsync(buffer, CancellationToken.None);
            body = Encoding.UTF8.GetString(buffer.ToArray());
        }

        var uri = message.Request.Uri.ToUri();
        lock (_gate)
        {
            _requests.Add((uri, body));
        }

        message.Response = new JsonResponse(HttpStatusCode.OK, AnswerFor(uri, body));
    }

    private static string AnswerFor(Uri uri, string body)
    {
        if (uri.AbsolutePath.EndsWith("/devicecode", StringComparison.Ordinal))
        {
            return """{"user_code":"TSTCODE42","device_code":"device-code-value","verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":1,"message":"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code TSTCODE42 to authenticate."}""";
        }

        // One body serves the identity platform (expires_in) and managed-identity endpoints (expires_on, resource).
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var common = "\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"expires_on\":\"" + expiresOn
            + "\",\"resource\":\"https://graph.microsoft.com\",\"access_token\":\"" + Token + "\"";

        // A user sign-in (client_info=1) is cached under the user's account, which MSAL reads from client_info and the id token.
        return body.Contains("client_info=1", StringComparison.Ordinal)
            ? "{" + common + ",\"client_info\":\"" + Base64Url("{\"uid\":\"user-oid\",\"utid\":\"tenant-id\"}")
                + "\",\"id_token\":\"" + Base64Url("{\"alg\":\"none\"}") + "." + Base64Url(IdTokenClaims) + ".\"}"
            : "{" + common + "}";
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
