using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EntraStrongAuth.Engine.Application.Filtering;

/// <summary>
/// A name as users type it with PowerShell wildcards, matched case-insensitively: <c>*</c> any run, <c>?</c> one
/// character, <c>[a-c]</c> one of a set, and a backtick escaping the next character — the rules of PowerShell's
/// WildcardPattern, so filters behave as every other command's -Name does, without PowerShell types in the Engine.
/// </summary>
public sealed class NamePattern
{
    private const char Escape = '`';
    private Regex? _regex;

    public NamePattern(string pattern)
    {
        Text = pattern ?? throw new ArgumentNullException(nameof(pattern));
    }

    public string Text { get; }

    /// <summary>Whether the value matches; a malformed pattern (an unclosed '[') throws here, on first use, as PowerShell's does.</summary>
    public bool IsMatch(string? value) => value is not null && Regex.IsMatch(value);

    private Regex Regex => _regex ??= new Regex(ToRegex(Text), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>Whether the text holds an unescaped wildcard character (<c>* ? [ ]</c>).</summary>
    public static bool ContainsWildcardCharacters(string? pattern)
    {
        if (pattern is null)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '*' or '?' or '[' or ']':
                    return true;
                case Escape:
                    i++;
                    break;
            }
        }

        return false;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        var escaped = false;
        StringBuilder? set = null;
        var setIsRange = new StringBuilder();
        foreach (var c in pattern)
        {
            if (set is not null)
            {
                if (c == ']' && !escaped)
                {
                    regex.Append(ToCharacterClass(set.ToString(), setIsRange.ToString()));
                    set = null;
                    setIsRange.Clear();
                }
                else if (c != Escape || escaped)
                {
                    set.Append(c);
                    setIsRange.Append(c == '-' && !escaped ? '-' : ' ');
                }
            }
            else if (c == '*' && !escaped)
            {
                regex.Append(".*");
            }
            else if (c == '?' && !escaped)
            {
                regex.Append('.');
            }
            else if (c == '[' && !escaped)
            {
                set = new StringBuilder();
            }
            else if (c != Escape || escaped)
            {
                regex.Append(Literal(c));
            }

            escaped = c == Escape && !escaped;
        }

        if (set is not null)
        {
            throw new ArgumentException("The wildcard pattern '" + pattern + "' is not valid: a '[' has no closing ']'.", nameof(pattern));
        }

        // A pattern ending in a lone backtick keeps it as a character (PowerShell does the same), except "`" itself.
        if (escaped && pattern != "`")
        {
            regex.Append(Literal(Escape));
        }

        return regex.Append('$').ToString();
    }

    /// <summary>A bracket set: characters, and ranges where an unescaped '-' stands between two of them.</summary>
    private static string ToCharacterClass(string characters, string operators)
    {
        if (characters.Length == 0)
        {
            return "(?!)";
        }

        var result = new StringBuilder("[");
        for (var i = 0; i < characters.Length; i++)
        {
            var isRange = operators[i] == '-' && i > 0 && i < characters.Length - 1;
            result.Append(isRange ? "-" : Literal(characters[i]));
        }

        return result.Append(']').ToString();
    }

    private static string Literal(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
