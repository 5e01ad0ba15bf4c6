using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// Builds OData <c>$filter</c> text. Every value goes through <see cref="Quote"/> or a typed literal, never string
/// concatenation of user input, so <c>o'neil@contoso.com</c> is a value and not the end of a string.
/// </summary>
public static class ODataFilter
{
    /// <summary>An OData string literal: single quotes around the value, each quote inside doubled (OData ABNF, SQUOTE-in-string).</summary>
    public static string Quote(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return "'" + value.Replace("'", "''") + "'";
    }

    /// <summary>A DateTimeOffset literal in UTC with the precision Graph stores (seven fractional digits when needed).</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>field eq v1 or field eq v2 …</c> in parentheses; one value needs no parentheses.</summary>
    public static string AnyOf(string field, IEnumerable<string> literals)
    {
        var terms = literals.Select(literal => field + " eq " + literal).ToArray();
        return terms.Length switch
        {
            0 => throw new ArgumentException("At least one value is needed.", nameof(literals)),
            1 => terms[0],
            _ => "(" + string.Join(" or ", terms) + ")",
        };
    }

    /// <summary>Clauses joined with <c>and</c>; a raw user clause is parenthesized so its own <c>or</c> cannot widen the query.</summary>
    public static string And(IEnumerable<string> clauses) => string.Join(" and ", clauses.Where(c => !string.IsNullOrEmpty(c)));

    public static string Group(string clause) => "(" + clause + ")";
}
