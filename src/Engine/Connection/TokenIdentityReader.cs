using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using EntraStrongAuth.Core.Connection;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>
/// Reads who a Graph access token speaks for from its claims, without validating it (Graph does that). Only the
/// claims are kept; the token string is never stored or shown. Tokens that are not JWTs give null.
/// </summary>
internal static class TokenIdentityReader
{
    private static readonly char[] ScopeSeparator = { ' ' };

    public static TokenIdentity? TryRead(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(DecodeBase64Url(parts[1]));
            var claims = document.RootElement;
            if (claims.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var permissions = new List<string>();
            if (Text(claims, "scp") is { } scopes)
            {
                permissions.AddRange(scopes.Split(ScopeSeparator, StringSplitOptions.RemoveEmptyEntries));
            }

            if (claims.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array)
            {
                foreach (var role in roles.EnumerateArray())
                {
                    if (role.ValueKind == JsonValueKind.String)
                    {
                        permissions.Add(role.GetString()!);
                    }
                }
            }

            // App-only tokens carry no scp; their upn-like claims are absent, but be explicit.
            var delegated = Text(claims, "scp") is not null;
            var account = delegated ? Text(claims, "upn") ?? Text(claims, "preferred_username") ?? Text(claims, "unique_name") : null;
            DateTimeOffset? expires = claims.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
            return new TokenIdentity(Text(claims, "tid"), account, Text(claims, "appid") ?? Text(claims, "azp"), permissions, expires);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] DecodeBase64Url(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return Convert.FromBase64String(base64);
    }
}
