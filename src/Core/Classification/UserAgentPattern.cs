using System;

namespace EntraStrongAuth.Core.Classification;

/// <summary>How a <see cref="UserAgentPattern"/> compares with a user agent; always ignoring case.</summary>
public enum UserAgentMatch
{
    Prefix,
    Contains,
    Exact,
}

/// <summary>A user agent of an HTTP library, scripting runtime, SDK or legacy client (scripting-user-agents.json).</summary>
public sealed class UserAgentPattern
{
    public UserAgentPattern(UserAgentMatch match, string value, string name, string? kind)
    {
        Match = match;
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Kind = kind;
    }

    public UserAgentMatch Match { get; }

    public string Value { get; }

    /// <summary>What sends it, e.g. "Python requests".</summary>
    public string Name { get; }

    /// <summary>HttpLibrary, PowerShell, AzureSdk, AzureCli, Msal, LegacyBasicAuth …</summary>
    public string? Kind { get; }

    public bool Matches(string? userAgent)
    {
        if (userAgent is null)
        {
            return false;
        }

        var text = userAgent.Trim();
        return Match switch
        {
            UserAgentMatch.Prefix => text.StartsWith(Value, StringComparison.OrdinalIgnoreCase),
            UserAgentMatch.Contains => text.IndexOf(Value, StringComparison.OrdinalIgnoreCase) >= 0,
            _ => string.Equals(text, Value, StringComparison.OrdinalIgnoreCase),
        };
    }

    public override string ToString() => Name + " (" + Match.ToString().ToLowerInvariant() + " '" + Value + "')";
}
