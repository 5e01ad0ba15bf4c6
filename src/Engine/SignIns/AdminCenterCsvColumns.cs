using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The Entra admin center sign-in download (CSV): header names to fields (from <see cref="SignInFieldRegistry"/>), and its display strings back to Graph enum
/// members. Microsoft does not document these headers and they change (54, 55, 57 columns seen, with
/// "Application ID " and "Resource ID " carrying a trailing space, "Autonomous system  number" a double space, and
/// "Incoming token type" twice), so names are matched after trimming and collapsing spaces, case-insensitively,
/// and the position of a column never matters.
/// </summary>
internal static class AdminCenterCsvColumns
{
    private static readonly Dictionary<string, SignInField> Headers = SignInFieldRegistry.All
        .SelectMany(e => e.AdminCenterHeaders.Select(header => new KeyValuePair<string, SignInField>(header, e.Field)))
        .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Fields the download writes as display text ("Not Applied", "Single-factor authentication", "Primary Refresh
    /// Token", "B2B collaboration") where Graph has enum members (the registry's members, from the beta signIn resource).
    /// </summary>
    private static readonly SignInFieldEntry[] EnumFields = SignInFieldRegistry.All.Where(e => e.GraphMembers.Count > 0 && e.SetText is not null).ToArray();

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

    /// <summary>A header to its field; "Date (…)" in any zone the admin center offers ("Date (UTC+01:00)") is the time.</summary>
    public static SignInField Resolve(string header)
    {
        var name = Normalize(header);
        if (Headers.TryGetValue(name, out var field))
        {
            return field;
        }

        return name.StartsWith("Date (", StringComparison.OrdinalIgnoreCase) && name.EndsWith(")", StringComparison.Ordinal) ? SignInField.CreatedDateTime : SignInField.None;
    }

    /// <summary>Rewrites the enum-like fields of a row from display text to Graph members.</summary>
    public static void ToGraphValues(SignInEvent e)
    {
        foreach (var field in EnumFields)
        {
            field.SetText!(e, ToGraphValue(field.Field, field.GetText!(e)));
        }
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
        foreach (var field in EnumFields.Select(e => e.Field))
        {
            memo[field] = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        }

        return memo;
    }

    private static Dictionary<SignInField, Dictionary<string, string>> BuildEnumKeys()
    {
        var result = new Dictionary<SignInField, Dictionary<string, string>>();
        foreach (var field in EnumFields)
        {
            var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in field.GraphMembers)
            {
                byKey[Key(member)] = member;
            }

            foreach (var (display, member) in DisplayAliases.TryGetValue(field.Field, out var aliases) ? aliases : [])
            {
                byKey[Key(display)] = member;
            }

            result[field.Field] = byKey;
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
