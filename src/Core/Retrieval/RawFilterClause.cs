using System.Collections.Generic;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// The user's own <c>$filter</c> clause (Get-SignInLog -Filter) is put in parentheses and and-ed with the time range
/// and the other filters. That keeps it from widening the query only if its parentheses balance: a clause that
/// closes the group early (<c>x eq 'a') or (y eq 'b'</c>) would or its second half with the whole query. So the
/// clause is scanned as OData reads it (string literals in single quotes, a quote inside one written twice, per the
/// OData ABNF) and refused unless every ')' outside a literal closes a '(' of its own and every '(' and literal is
/// closed. Double quotes are not string delimiters in a URL filter, so a ')' between them counts.
/// </summary>
internal static class RawFilterClause
{
    /// <summary>
    /// Throws <see cref="ErrorIds.InvalidFilter"/> (InvalidArgument) naming the position of the first fault: a clause
    /// that does not balance, or a property Graph does not filter sign-ins on (<see cref="RawFilterProperties"/>). The
    /// recommendation lists every property Graph accepts, from <see cref="SignInFilterProperties"/>.
    /// </summary>
    public static void Check(string clause)
    {
        if (Problem(clause) is { } problem)
        {
            throw Invalid(
                "-Filter is not a well-formed OData clause: " + problem + ". It is added to the query in parentheses, so it must balance them itself.",
                "Balance the parentheses of -Filter, and write a quote inside a string as two quotes: userPrincipalName eq 'o''neil@contoso.com'.");
        }

        if (RawFilterProperties.Problem(clause) is { } unknown)
        {
            throw Invalid(
                "-Filter names a property Graph cannot filter sign-ins on: " + unknown + ".",
                "Use only the properties Graph filters sign-ins on (put other conditions in a Where-Object after the command), and write a quote inside a string as two quotes: userPrincipalName eq 'o''neil@contoso.com'.");
        }
    }

    private static EntraStrongAuthException Invalid(string message, string advice) => new(
        ErrorIds.InvalidFilter,
        FailureKind.InvalidArgument,
        message,
        advice + " The properties Graph filters sign-ins on: " + SignInFilterProperties.Listing() + ".");

    /// <summary>What is wrong, with a 1-based position, or null when the clause balances.</summary>
    internal static string? Problem(string clause)
    {
        var open = new Stack<int>();
        var literalStart = -1;
        for (var i = 0; i < clause.Length; i++)
        {
            var c = clause[i];
            if (literalStart >= 0)
            {
                if (c == '\'')
                {
                    // '' inside a literal is one quote; a lone ' ends the literal.
                    if (i + 1 < clause.Length && clause[i + 1] == '\'')
                    {
                        i++;
                    }
                    else
                    {
                        literalStart = -1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '\'':
                    literalStart = i;
                    break;
                case '(':
                    open.Push(i);
                    break;
                case ')':
                    if (open.Count == 0)
                    {
                        return "the ')' at position " + (i + 1) + " closes a parenthesis the clause did not open";
                    }

                    open.Pop();
                    break;
            }
        }

        if (literalStart >= 0)
        {
            return "the string that starts at position " + (literalStart + 1) + " is not closed (a quote inside a string is written twice)";
        }

        return open.Count > 0
            ? "the '(' at position " + (open.Peek() + 1) + " is not closed"
            : null;
    }
}
