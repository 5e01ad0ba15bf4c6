using System.Collections.Generic;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// The keys a sign-in can be linked by, hashed to 64 bits so the success index holds numbers, not strings: it must
/// stay small over multi-GB inputs. Comparison ignores case (UPNs and GUIDs come in either case). A collision would
/// need two of the same kind of identifier to share a 64-bit FNV-1a hash, about 1 in 10^7 for 10^6 keys.
/// </summary>
internal static class LinkKeys
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The keys of a success: what a later failure's outcome can be found by. Fills <paramref name="keys"/> (cleared first).</summary>
    public static void OfSuccess(SignInEvent signIn, List<(LinkKind Kind, ulong Key)> keys)
    {
        keys.Clear();
        AddFlowKeys(signIn, keys);
        AddUserAppKeys(signIn, keys);
    }

    /// <summary>
    /// The keys of a failure. Its own request id counts as an original request id too: when the failure was the first
    /// request of the sequence, the success that completes it names the failure's id as its originalRequestId.
    /// </summary>
    public static List<(LinkKind Kind, ulong Key)> OfFailure(SignInEvent signIn)
    {
        var keys = new List<(LinkKind, ulong)>(6);
        AddFlowKeys(signIn, keys);
        if (!string.IsNullOrWhiteSpace(signIn.Id) && !Same(signIn.Id, signIn.OriginalRequestId))
        {
            Add(keys, LinkKind.OriginalRequestId, null, signIn.Id, null);
        }

        AddUserAppKeys(signIn, keys);
        return keys;
    }

    private static void AddFlowKeys(SignInEvent signIn, List<(LinkKind, ulong)> keys)
    {
        Add(keys, LinkKind.CorrelationId, null, signIn.CorrelationId, null);
        Add(keys, LinkKind.OriginalRequestId, null, signIn.OriginalRequestId, null);
        Add(keys, LinkKind.SessionId, null, signIn.SessionId, null);
    }

    /// <summary>By user id and by UPN: sources differ in which they carry, and a failure from one may meet a success from another.</summary>
    private static void AddUserAppKeys(SignInEvent signIn, List<(LinkKind, ulong)> keys)
    {
        if (string.IsNullOrWhiteSpace(signIn.AppId))
        {
            return;
        }

        Add(keys, LinkKind.UserAndApp, "id:", signIn.UserId, signIn.AppId);
        Add(keys, LinkKind.UserAndApp, "upn:", signIn.UserPrincipalName, signIn.AppId);
    }

    /// <summary>A key of <paramref name="value"/> (trimmed, after <paramref name="prefix"/>), and <paramref name="second"/> if given; none for a blank value.</summary>
    private static void Add(List<(LinkKind, ulong)> keys, LinkKind kind, string? prefix, string? value, string? second)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        // Hashed in place, trimmed by index: one key per success and link kind must not cost a string each.
        var hash = (OffsetBasis ^ (ulong)kind) * Prime;
        if (prefix is not null)
        {
            hash = Mix(hash, prefix);
        }

        hash = Mix(hash, value!);
        if (second is not null)
        {
            hash = (hash ^ '\n') * Prime;
            hash = Mix(hash, second);
        }

        keys.Add((kind, hash));
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Mixes the text without its leading and trailing white space, ignoring case (ASCII without a table lookup).</summary>
    private static ulong Mix(ulong hash, string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var upper = c < 0x80 ? (c >= 'a' && c <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);
            hash = (hash ^ upper) * Prime;
        }

        return hash;
    }
}
