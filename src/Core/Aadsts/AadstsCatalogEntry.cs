using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Aadsts;

/// <summary>One row of the AADSTS catalog, as read from the built-in data file or a user catalog file.</summary>
public sealed class AadstsCatalogEntry
{
    public AadstsCatalogEntry(
        int code,
        string name,
        string meaning,
        string? oauthError,
        InteractiveFix interactiveFix,
        string category,
        bool isStrongAuth,
        IReadOnlyList<string> remedy,
        IReadOnlyList<int> relatedCodes,
        string source)
    {
        Code = code;
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Meaning = meaning ?? throw new ArgumentNullException(nameof(meaning));
        OAuthError = oauthError;
        InteractiveFix = interactiveFix;
        Category = category ?? throw new ArgumentNullException(nameof(category));
        IsStrongAuth = isStrongAuth;
        Remedy = (remedy ?? throw new ArgumentNullException(nameof(remedy))).ToTextList(" ");
        RelatedCodes = (relatedCodes ?? throw new ArgumentNullException(nameof(relatedCodes))).ToTextList(", ");
        Source = source ?? throw new ArgumentNullException(nameof(source));
    }

    public int Code { get; }

    public string Name { get; }

    public string Meaning { get; }

    public string? OAuthError { get; }

    public InteractiveFix InteractiveFix { get; }

    /// <summary>A string, not an enum: user catalogs may bring categories of their own.</summary>
    public string Category { get; }

    public bool IsStrongAuth { get; }

    public IReadOnlyList<string> Remedy { get; }

    public IReadOnlyList<int> RelatedCodes { get; }

    public string Source { get; }
}
