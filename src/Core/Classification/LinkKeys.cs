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

    /// <summary>The keys of a success: what a later failure's outcome can be found by.</summary>
    public static List<(LinkKind Kind, ulong Key)> OfSuccess(SignInEvent signIn)
    {
        var keys = new List<(LinkKind, ulong)>(5);
        AddFlowKeys(signIn, keys);
        AddUserAppKeys(signIn, keys);
        return keys;
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
            keys.Add((LinkKind.OriginalRequestId, Hash(LinkKind.OriginalRequestId, signIn.Id!, null)));
        }

        AddUserAppKeys(signIn, keys);
        return keys;
    }

    private static void AddFlowKeys(SignInEvent signIn, List<(LinkKind, ulong)> keys)
    {
        Add(keys, LinkKind.CorrelationId, signIn.CorrelationId, null);
        Add(keys, LinkKind.OriginalRequestId, signIn.OriginalRequestId, null);
        Add(keys, LinkKind.SessionId, signIn.SessionId, null);
    }

    /// <summary>By user id and by UPN: sources differ in which they carry, and a failure from one may meet a success from another.</summary>
    private static void AddUserAppKeys(SignInEvent signIn, List<(LinkKind, ulong)> keys)
    {
        if (string.IsNullOrWhiteSpace(signIn.AppId))
        {
            return;
        }

        Add(keys, LinkKind.UserAndApp, Prefixed("id:", signIn.UserId), signIn.AppId);
        Add(keys, LinkKind.UserAndApp, Prefixed("upn:", signIn.UserPrincipalName), signIn.AppId);
    }

    private static string? Prefixed(string prefix, string? value) => string.IsNullOrWhiteSpace(value) ? null : prefix + value!.Trim();

    private static void Add(List<(LinkKind, ulong)> keys, LinkKind kind, string? value, string? second)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            keys.Add((kind, Hash(kind, value!, second)));
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), System.StringComparison.OrdinalIgnoreCase);

    private static ulong Hash(LinkKind kind, string value, string? second)
    {
        var hash = (OffsetBasis ^ (ulong)kind) * Prime;
        hash = Mix(hash, value.Trim());
        if (second is not null)
        {
            hash = (hash ^ '\n') * Prime;
            hash = Mix(hash, second.Trim());
        }

        return hash;
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ char.ToUpperInvariant(c)) * Prime;
        }

        return hash;
    }
}
