using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The Entra admin center sign-in download (CSV): header names to fields, and its display strings back to Graph enum
/// members. Microsoft does not document these headers and they change (54, 55, 57 columns seen, with
/// "Application ID " and "Resource ID " carrying a trailing space, "Autonomous system  number" a double space, and
/// "Incoming token type" twice), so names are matched after trimming and collapsing spaces, case-insensitively,
/// and the position of a column never matters.
/// </summary>
internal static class AdminCenterCsvColumns
{
    private static readonly Dictionary<string, SignInField> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Date (UTC)"] = SignInField.CreatedDateTime,
        ["Date"] = SignInField.CreatedDateTime,
        ["Request ID"] = SignInField.Id,
        ["User agent"] = SignInField.UserAgent,
        ["Correlation ID"] = SignInField.CorrelationId,
        ["User ID"] = SignInField.UserId,
        ["User"] = SignInField.UserDisplayName,
        ["Username"] = SignInField.UserPrincipalName,
        ["User type"] = SignInField.UserType,
        ["Cross tenant access type"] = SignInField.CrossTenantAccessType,
        ["Incoming token type"] = SignInField.IncomingTokenType,
        ["Authentication Protocol"] = SignInField.AuthenticationProtocol,
        ["Original transfer method"] = SignInField.OriginalTransferMethod,
        ["Client credential type"] = SignInField.ClientCredentialType,
        ["Application"] = SignInField.AppDisplayName,
        ["Application ID"] = SignInField.AppId,
        ["Resource"] = SignInField.ResourceDisplayName,
        ["Resource ID"] = SignInField.ResourceId,
        ["Home tenant ID"] = SignInField.HomeTenantId,
        ["Resource tenant ID"] = SignInField.ResourceTenantId,
        ["IP address"] = SignInField.IpAddress,
        ["Location"] = SignInField.LocationText,

        // "Success", "Failure" or "Interrupted": the error code's stand-in when "Sign-in error code" is empty.
        ["Status"] = SignInField.ResultType,
        ["Sign-in error code"] = SignInField.ErrorCode,
        ["Sign in error code"] = SignInField.ErrorCode,
        ["Failure reason"] = SignInField.FailureReason,
        ["Client app"] = SignInField.ClientAppUsed,
        ["Device ID"] = SignInField.DeviceId,
        ["Browser"] = SignInField.Browser,
        ["Operating System"] = SignInField.OperatingSystem,
        ["Compliant"] = SignInField.IsCompliant,
        ["Managed"] = SignInField.IsManaged,
        ["Join Type"] = SignInField.TrustType,
        ["Multifactor authentication result"] = SignInField.MfaResult,
        ["Multifactor authentication auth method"] = SignInField.MfaMethod,
        ["Multifactor authentication auth detail"] = SignInField.MfaDetail,
        ["MFA result"] = SignInField.MfaResult,
        ["MFA auth method"] = SignInField.MfaMethod,
        ["MFA auth detail"] = SignInField.MfaDetail,
        ["Authentication requirement"] = SignInField.AuthenticationRequirement,
        ["Session ID"] = SignInField.SessionId,
        ["Autonomous system number"] = SignInField.AutonomousSystemNumber,
        ["Token issuer type"] = SignInField.TokenIssuerType,
        ["Token issuer name"] = SignInField.TokenIssuerName,
        ["Conditional Access"] = SignInField.ConditionalAccessStatus,
    };

    /// <summary>
    /// Graph enum members of the fields the download writes as display text ("Not Applied", "Single-factor
    /// authentication", "Primary Refresh Token", "B2B collaboration"). Lists from the beta signIn resource.
    /// </summary>
    private static readonly Dictionary<SignInField, string[]> EnumMembers = new()
    {
        [SignInField.ConditionalAccessStatus] = ["success", "failure", "notApplied"],
        [SignInField.AuthenticationRequirement] = ["singleFactorAuthentication", "multiFactorAuthentication"],
        [SignInField.IncomingTokenType] = ["none", "primaryRefreshToken", "saml11", "saml20", "remoteDesktopToken", "refreshToken"],
        [SignInField.AuthenticationProtocol] = ["none", "oAuth2", "ropc", "wsFederation", "saml20", "deviceCode", "authenticationTransfer", "nativeAuth"],
        [SignInField.OriginalTransferMethod] = ["none", "deviceCodeFlow", "authenticationTransfer"],
        [SignInField.ClientCredentialType] = ["none", "clientSecret", "clientAssertion", "federatedIdentityCredential", "managedIdentity", "certificate"],
        [SignInField.CrossTenantAccessType] = ["none", "b2bCollaboration", "b2bDirectConnect", "microsoftSupport", "serviceProvider", "passthrough"],
        [SignInField.UserType] = ["member", "guest"],
    };

    /// <summary>
    /// Display strings whose letters and digits differ from the member's: the portal writes the protocol version out
    /// ("OAuth 2.0"), while the member is "oAuth2".
    /// </summary>
    private static readonly Dictionary<SignInField, (string Display, string Member)[]> DisplayAliases = new()
    {
        [SignInField.AuthenticationProtocol] = [("OAuth 2.0", "oAuth2")],
    };

    private static readonly Dictionary<SignInField, Dictionary<string, string>> EnumByKey = BuildEnumKeys();

    private static readonly Dictionary<SignInField, ConcurrentDictionary<string, string>> Memo = BuildMemo();

    /// <summary>True when the header row looks like the admin center's (used by format detection).</summary>
    public static int CountSignatureHeaders(IReadOnlyList<string> headers)
    {
        var count = 0;
        foreach (var header in headers)
        {
            var name = Normalize(header);
            if (name.Equals("Date (UTC)", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Request ID", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Sign-in error code", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Correlation ID", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Application ID", StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }

    public static SignInField Resolve(string header) =>
        Headers.TryGetValue(Normalize(header), out var field) ? field : SignInField.None;

    /// <summary>Rewrites the enum-like fields of a row from display text to Graph members.</summary>
    public static void ToGraphValues(SignInEvent e)
    {
        e.ConditionalAccessStatus = ToGraphValue(SignInField.ConditionalAccessStatus, e.ConditionalAccessStatus);
        e.AuthenticationRequirement = ToGraphValue(SignInField.AuthenticationRequirement, e.AuthenticationRequirement);
        e.IncomingTokenType = ToGraphValue(SignInField.IncomingTokenType, e.IncomingTokenType);
        e.AuthenticationProtocol = ToGraphValue(SignInField.AuthenticationProtocol, e.AuthenticationProtocol);
        e.OriginalTransferMethod = ToGraphValue(SignInField.OriginalTransferMethod, e.OriginalTransferMethod);
        e.ClientCredentialType = ToGraphValue(SignInField.ClientCredentialType, e.ClientCredentialType);
        e.CrossTenantAccessType = ToGraphValue(SignInField.CrossTenantAccessType, e.CrossTenantAccessType);
        e.UserType = ToGraphValue(SignInField.UserType, e.UserType);
    }

    /// <summary>"Not Applied" → "notApplied" for enum-like fields; anything unknown stays as written.</summary>
    public static string? ToGraphValue(SignInField field, string? text)
    {
        if (text is null || !EnumByKey.TryGetValue(field, out var members))
        {
            return text;
        }

        // Rows repeat a handful of display strings: remember each answer (bounded) instead of re-keying it.
        var memo = Memo[field];
        if (memo.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = members.TryGetValue(Key(text), out var member) ? member : text;
        if (memo.Count < 1024)
        {
            memo.TryAdd(text, value);
        }

        return value;
    }

    /// <summary>Trim, and collapse runs of whitespace to one space ("Autonomous system  number").</summary>
    public static string Normalize(string header)
    {
        var text = new StringBuilder(header.Length);
        var pendingSpace = false;
        foreach (var c in header.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static Dictionary<SignInField, ConcurrentDictionary<string, string>> BuildMemo()
    {
        var memo = new Dictionary<SignInField, ConcurrentDictionary<string, string>>();
        foreach (var field in EnumMembers.Keys)
        {
            memo[field] = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        }

        return memo;
    }

    private static Dictionary<SignInField, Dictionary<string, string>> BuildEnumKeys()
    {
        var result = new Dictionary<SignInField, Dictionary<string, string>>();
        foreach (var pair in EnumMembers)
        {
            var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in pair.Value)
            {
                byKey[Key(member)] = member;
            }

            foreach (var (display, member) in DisplayAliases.TryGetValue(pair.Key, out var aliases) ? aliases : [])
            {
                byKey[Key(display)] = member;
            }

            result[pair.Key] = byKey;
        }

        return result;
    }

    /// <summary>Letters and digits only, lower-case: "Single-factor authentication" and "singleFactorAuthentication" meet.</summary>
    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
