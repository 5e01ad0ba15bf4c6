using System;
using System.Buffers.Text;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// A fake Microsoft identity platform for Azure.Identity's client-secret and client-certificate credentials pointed at
/// a custom authority host: the v2.0 token endpoint (client_credentials grant), the tenant's OpenID configuration and
/// MSAL's instance-discovery document. Tokens are unsigned JWT-shaped strings carrying appid = client_id, so the Graph
/// side can throttle per app. Nothing is validated except that client_id and one of client_secret / client_assertion
/// are present. Requests are logged like Graph requests (form bodies are never logged).
/// </summary>
internal static class TokenEndpoints
{
    public static void Map(WebApplication app, SimulatorService service)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", (HttpContext context, string tenant) => TokenAsync(context, service, tenant));
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext context, string tenant) => OpenIdConfigurationAsync(context, service, tenant));
        app.MapGet("/common/discovery/instance", (HttpContext context) => InstanceDiscoveryAsync(context, service));
        app.MapGet("/msi/token", (HttpContext context) => ManagedIdentityTokenAsync(context, service));
    }

    public static string CreateAccessToken(string appId, string tenantId, TimeProvider time)
    {
        long now = time.GetUtcNow().ToUnixTimeSeconds();
        string header = Encode(w =>
        {
            w.WriteString("typ", "JWT");
            w.WriteString("alg", "none");
        });
        string payload = Encode(w =>
        {
            w.WriteString("aud", "https://graph.microsoft.com");
            w.WriteString("iss", "https://sts.windows.net/" + tenantId + "/");
            w.WriteNumber("iat", now);
            w.WriteNumber("nbf", now);
            w.WriteNumber("exp", now + 3600);
            w.WriteString("appid", appId);
            w.WriteString("tid", tenantId);
            w.WriteStartArray("roles");
            w.WriteStringValue("AuditLog.Read.All");
            w.WriteEndArray();
        });
        return header + "." + payload + ".c2lt";
    }

    private static async Task TokenAsync(HttpContext context, SimulatorService service, string tenant)
    {
        var started = service.Time.GetTimestamp();
        var arrived = service.Time.GetUtcNow();
        int status;
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        string? clientId = form?["client_id"].ToString();
        bool hasCredential = form is not null && (form["client_secret"].Count > 0 || form["client_assertion"].Count > 0);
        bool valid = !string.IsNullOrEmpty(clientId) && hasCredential && form!["grant_type"] == "client_credentials";
        status = valid ? 200 : 400;
        service.Requests.Add(new LoggedRequest(arrived, "POST", (context.Request.Path + context.Request.QueryString).ToString(), null, null, false,
            null, context.Request.Headers.Authorization.Count > 0, clientId, status, null, 0, null, service.Time.GetElapsedTime(started)));
        if (!valid)
        {
            await WriteJsonAsync(context, status, w =>
            {
                w.WriteString("error", "invalid_request");
                w.WriteString("error_description", "AADSTS900144: The simulator supports the client_credentials grant with client_id and client_secret or client_assertion.");
            });
        }
        else
        {
            string token = CreateAccessToken(clientId!, tenant, service.Time);
            await WriteJsonAsync(context, status, w =>
            {
                w.WriteString("token_type", "Bearer");
                w.WriteNumber("expires_in", 3599);
                w.WriteNumber("ext_expires_in", 3599);
                w.WriteString("access_token", token);
            });
        }
    }

    /// <summary>
    /// The App Service / Functions managed-identity endpoint (IDENTITY_ENDPOINT, api-version 2019-08-01): plain HTTP on
    /// the host, the secret IDENTITY_HEADER value in X-IDENTITY-HEADER, the resource (not a scope) in the query, and
    /// expires_on as epoch seconds. Point IDENTITY_ENDPOINT at {base}/msi/token to sign in with -Identity.
    /// </summary>
    private static Task ManagedIdentityTokenAsync(HttpContext context, SimulatorService service)
    {
        var query = context.Request.Query;
        bool valid = context.Request.Headers.ContainsKey("X-IDENTITY-HEADER") && !string.IsNullOrEmpty(query["resource"]);
        int status = valid ? 200 : 400;
        service.Requests.Add(new LoggedRequest(service.Time.GetUtcNow(), "GET", (context.Request.Path + context.Request.QueryString).ToString(), null, null, false, null, false, null, status, null, 0, null, TimeSpan.Zero));
        if (!valid)
        {
            return WriteJsonAsync(context, status, w => w.WriteString("error", "The request needs X-IDENTITY-HEADER and resource."));
        }

        // A user-assigned identity is named by client_id; the system-assigned one gets a fixed id.
        string clientId = string.IsNullOrEmpty(query["client_id"]) ? "99999999-0000-0000-0000-00000000000a" : query["client_id"].ToString();
        return WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("access_token", CreateAccessToken(clientId, service.Tenant.TenantId, service.Time));
            w.WriteString("expires_on", service.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("resource", query["resource"].ToString());
            w.WriteString("token_type", "Bearer");
            w.WriteString("client_id", clientId);
        });
    }

    private static Task OpenIdConfigurationAsync(HttpContext context, SimulatorService service, string tenant)
    {
        string authority = new Uri(service.BaseUri, tenant + "/").ToString();
        service.Requests.Add(new LoggedRequest(service.Time.GetUtcNow(), "GET", context.Request.Path.ToString(), null, null, false, null, false, null, 200, null, 0, null, TimeSpan.Zero));
        return WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("token_endpoint", authority + "oauth2/v2.0/token");
            w.WriteString("authorization_endpoint", authority + "oauth2/v2.0/authorize");
            w.WriteString("device_authorization_endpoint", authority + "oauth2/v2.0/devicecode");
            w.WriteString("issuer", authority + "v2.0");
            w.WriteString("jwks_uri", authority + "discovery/v2.0/keys");
            w.WriteStartArray("token_endpoint_auth_methods_supported");
            w.WriteStringValue("client_secret_post");
            w.WriteStringValue("private_key_jwt");
            w.WriteEndArray();
            w.WriteString("tenant_region_scope", "WW");
        });
    }

    private static Task InstanceDiscoveryAsync(HttpContext context, SimulatorService service)
    {
        string host = service.BaseUri.Authority;
        service.Requests.Add(new LoggedRequest(service.Time.GetUtcNow(), "GET", (context.Request.Path + context.Request.QueryString).ToString(), null, null, false, null, false, null, 200, null, 0, null, TimeSpan.Zero));
        return WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("tenant_discovery_endpoint", new Uri(service.BaseUri, "common/v2.0/.well-known/openid-configuration").ToString());
            w.WriteString("api-version", "1.1");
            w.WriteStartArray("metadata");
            w.WriteStartObject();
            w.WriteString("preferred_network", host);
            w.WriteString("preferred_cache", host);
            w.WriteStartArray("aliases");
            w.WriteStringValue(host);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        });
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = stream.Length;
        await context.Response.Body.WriteAsync(stream.ToArray(), context.RequestAborted);
    }

    private static string Encode(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(stream.ToArray());
    }
}
