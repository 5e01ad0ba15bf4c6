using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// Finds the properties a -Filter clause names, as OData reads it, and the first that Graph cannot filter sign-ins on
/// (<see cref="SignInFilterProperties"/>). Skipped: string literals ('…', a quote inside written twice), numbers and
/// date-times (they start with a digit), typed literals (<c>guid'…'</c>), operators and keywords (eq, and, true, …),
/// function names (startswith, …) and lambda variables (the <c>t</c> of <c>signInEventTypes/any(t: t eq '…')</c>); the
/// collection before <c>/any(</c> or <c>/all(</c> is a property like any other.
/// </summary>
internal static class RawFilterProperties
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le", "in", "has", "true", "false", "null",
    };

    /// <summary>What is wrong, with a 1-based position, or null when every property is one Graph filters on.</summary>
    public static string? Problem(string clause)
    {
        var variables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < clause.Length)
        {
            var c = clause[i];
            if (c == '\'')
            {
                i = AfterLiteral(clause, i);
            }
            else if (char.IsDigit(c))
            {
                while (i < clause.Length && (char.IsLetterOrDigit(clause[i]) || clause[i] is ':' or '.' or '-' or '+'))
                {
                    i++;
                }
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < clause.Length && (char.IsLetterOrDigit(clause[i]) || clause[i] is '_' or '/' or '.'))
                {
                    i++;
                }

                if (Unknown(clause.Substring(start, i - start), clause, i, variables) is { } path)
                {
                    return "'" + path + "' at position " + (start + 1) + " is not a property Graph filters sign-ins on";
                }
            }
            else
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>The property <paramref name="token"/> names when Graph cannot filter on it; null for anything else.</summary>
    private static string? Unknown(string token, string clause, int end, HashSet<string> variables)
    {
        // A typed literal: guid'…', microsoft.graph.riskLevel'high'.
        if (end < clause.Length && clause[end] == '\'')
        {
            return null;
        }

        var next = end;
        while (next < clause.Length && char.IsWhiteSpace(clause[next]))
        {
            next++;
        }

        var following = next < clause.Length ? clause[next] : '\0';
        if (following == ':')
        {
            // The variable of a lambda: any(t: …).
            variables.Add(token);
            return null;
        }

        if (Keywords.Contains(token) || variables.Contains(token.Split('/')[0]))
        {
            return null;
        }

        var path = token;
        if (following == '(')
        {
            var slash = path.LastIndexOf('/');
            var lambda = slash > 0 && path.Substring(slash + 1) is var name
                && (name.Equals("any", StringComparison.OrdinalIgnoreCase) || name.Equals("all", StringComparison.OrdinalIgnoreCase));
            if (!lambda)
            {
                // A function (startswith, …): whether Graph supports it is Graph's to say.
                return null;
            }

            path = path.Substring(0, slash);
        }

        return SignInFilterProperties.Accepts(path) ? null : path;
    }

    private static int AfterLiteral(string clause, int quote)
    {
        var i = quote + 1;
        while (i < clause.Length)
        {
            if (clause[i] == '\'')
            {
                // '' inside a literal is one quote; a lone ' ends it.
                if (i + 1 < clause.Length && clause[i + 1] == '\'')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return i;
    }
}
