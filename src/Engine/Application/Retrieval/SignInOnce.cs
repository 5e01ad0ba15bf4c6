using System;
using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>
/// Lets each sign-in through once, whatever overlaps: two downloads of the same day, a JSON and a CSV of the same
/// range, a file and a live pull, or duplicates in Graph's own pages. The key is the sign-in's id (the admin center's
/// "Request ID"). A sign-in without an id cannot be matched, so it is always let through and counted, never dropped.
/// </summary>
/// <remarks>
/// Memory stays bounded by the distinct ids, 16 bytes of key each (not the string): a GUID id is kept as its 16 bytes
/// (exact), any other id as a 128-bit hash of its text. In a HashSet that is about 28 bytes per id plus the set's
/// growth slack: 28-56 bytes per id, 27-53 MB for 1 M distinct sign-ins (docs/benchmarks.md has the timing).
/// </remarks>
public sealed class SignInOnce
{
    private readonly HashSet<Guid> _seen = new();

    /// <summary>Sign-ins skipped because one with the same id was already seen.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Sign-ins without an id: let through, as they cannot be de-duplicated.</summary>
    public long WithoutId { get; private set; }

    /// <summary>True the first time an id is seen (and for every sign-in without one); false for a repeat.</summary>
    public bool IsFirst(SignInEvent signIn)
    {
        if (signIn is null)
        {
            throw new ArgumentNullException(nameof(signIn));
        }

        if (string.IsNullOrWhiteSpace(signIn.Id))
        {
            WithoutId++;
            return true;
        }

        if (_seen.Add(Key(signIn.Id!)))
        {
            return true;
        }

        Duplicates++;
        return false;
    }

    /// <summary>The -Verbose line about what was skipped or could not be checked; null when there is nothing to say.</summary>
    public string? Report()
    {
        if (Duplicates == 0 && WithoutId == 0)
        {
            return null;
        }

        var text = string.Format(CultureInfo.InvariantCulture, "{0:N0} duplicate sign-ins skipped (an id already read: overlapping files, formats or input).", Duplicates);
        return WithoutId == 0
            ? text
            : text + string.Format(CultureInfo.InvariantCulture, " {0:N0} sign-ins had no id: all kept, as they cannot be de-duplicated.", WithoutId);
    }

    /// <summary>A GUID id exactly (any casing or braces); any other text as two independent 64-bit FNV-1a hashes.</summary>
    internal static Guid Key(string id)
    {
        var text = id.Trim();
        if (Guid.TryParse(text, out var guid))
        {
            return guid;
        }

        const ulong Prime = 1099511628211UL;
        ulong forward = 14695981039346656037UL;
        ulong backward = 0x84222325CBF29CE4UL;
        for (var i = 0; i < text.Length; i++)
        {
            forward = (forward ^ text[i]) * Prime;
            backward = (backward ^ text[text.Length - 1 - i]) * Prime;
        }

        var bytes = new byte[16];
        BitConverter.GetBytes(forward).CopyTo(bytes, 0);
        BitConverter.GetBytes(backward).CopyTo(bytes, 8);
        return new Guid(bytes);
    }
}
