using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Aadsts;

/// <summary>
/// One AADSTS code explained: what it means, whether a person can fix it, and how.
/// Catalog fields are always set; the message fields (<see cref="TraceId"/> and the others) are filled only when the
/// code was found in an error message that carried them.
/// </summary>
public sealed class AadstsErrorInfo
{
    /// <summary>Public lookup page for any code; also given for codes the catalog does not know.</summary>
    public const string LookupUriFormat = "https://login.microsoftonline.com/error?code={0}";

    public AadstsErrorInfo(AadstsCatalogEntry entry)
    {
        Entry = entry ?? throw new ArgumentNullException(nameof(entry));
    }

    internal AadstsCatalogEntry Entry { get; }

    public int Code => Entry.Code;

    /// <summary>The code as it appears in messages, e.g. <c>AADSTS50076</c>.</summary>
    public string ErrorCode => "AADSTS" + Entry.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Name => Entry.Name;

    public string Meaning => Entry.Meaning;

    public string? OAuthError => Entry.OAuthError;

    public string InteractiveFix => InteractiveFixKind.ToString();

    internal InteractiveFix InteractiveFixKind => Entry.InteractiveFix;

    public string Category => Entry.Category;

    /// <summary>True when the code is about MFA, enrollment, step-up or re-authentication.</summary>
    public bool IsStrongAuth => Entry.IsStrongAuth;

    public IReadOnlyList<string> Remedy => Entry.Remedy;

    public IReadOnlyList<int> RelatedCodes => Entry.RelatedCodes;

    public Uri HelpUri => BuildLookupUri(Entry.Code);

    /// <summary>"BuiltIn", or the path of the user catalog file the entry came from.</summary>
    public string Source => Entry.Source;

    /// <summary>The error text the code was found in, when resolved from a message.</summary>
    public string? Message { get; init; }

    public string? TraceId { get; init; }

    public string? CorrelationId { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The application or resource the message says access was requested to (an app id or URI).</summary>
    public string? Resource { get; init; }

    public static Uri BuildLookupUri(int code) =>
        new(string.Format(System.Globalization.CultureInfo.InvariantCulture, LookupUriFormat, code));

    public override string ToString() => ErrorCode + " " + Name;
}
