using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EntraStrongAuth.GraphSimulator.Filter;

/// <summary>
/// The $filter subset of reports/authenticationMethods/userRegistrationDetails, exactly what the userRegistrationDetails
/// resource marks "Supports $filter": <c>eq</c> on isMfaCapable, isMfaRegistered, isPasswordlessCapable, isSsprCapable,
/// isSsprEnabled, isSsprRegistered, isSystemPreferredAuthenticationMethodEnabled; <c>eq</c> and <c>startswith</c> on
/// userPrincipalName and userDisplayName (case-insensitive); <c>any(x: x eq '…')</c> on methodsRegistered and
/// systemPreferredAuthenticationMethods; joined by <c>and</c>/<c>or</c> with parentheses. isAdmin and userType are not
/// documented as filterable, so they throw <see cref="FilterException"/> like anything else.
/// </summary>
internal static class RegistrationFilter
{
    private static readonly HashSet<string> Booleans = new(StringComparer.OrdinalIgnoreCase)
    {
        "isMfaCapable", "isMfaRegistered", "isPasswordlessCapable", "isSsprCapable", "isSsprEnabled", "isSsprRegistered",
        "isSystemPreferredAuthenticationMethodEnabled",
    };

    private static readonly HashSet<string> Strings = new(StringComparer.OrdinalIgnoreCase)
    {
        "userPrincipalName", "userDisplayName",
    };

    private static readonly HashSet<string> StartsWith = new(StringComparer.OrdinalIgnoreCase) { "userPrincipalName", "userDisplayName" };

    private static readonly HashSet<string> Collections = new(StringComparer.OrdinalIgnoreCase) { "methodsRegistered", "systemPreferredAuthenticationMethods" };

    public static Func<JsonElement, bool> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return static _ => true;
        }

        var parser = new Parser(Tokenize(text));
        var predicate = parser.Expression();
        parser.End();
        return predicate;
    }

    // Tokens: quoted strings (kept with their quotes, '' unescaped), single punctuation ( ) , : and words.
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var value = new StringBuilder("'");
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FilterException("Unterminated string.");
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                tokens.Add(value.ToString());
            }
            else if (c is '(' or ')' or ',' or ':')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or ',' or ':' or '\''))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int position;

        public void End()
        {
            if (position != tokens.Count)
            {
                throw new FilterException($"Unexpected '{tokens[position]}'.");
            }
        }

        public Func<JsonElement, bool> Expression()
        {
            var left = Term();
            while (Accept("or"))
            {
                var (a, b) = (left, Term());
                left = e => a(e) || b(e);
            }

            return left;
        }

        private Func<JsonElement, bool> Term()
        {
            var left = Factor();
            while (Accept("and"))
            {
                var (a, b) = (left, Factor());
                left = e => a(e) && b(e);
            }

            return left;
        }

        private Func<JsonElement, bool> Factor()
        {
            if (Accept("("))
            {
                var inner = Expression();
                Expect(")");
                return inner;
            }

            string word = Next();
            if (word.Equals("startswith", StringComparison.OrdinalIgnoreCase))
            {
                Expect("(");
                string property = Next();
                Expect(",");
                string prefix = Quoted();
                Expect(")");
                if (!StartsWith.Contains(property))
                {
                    throw new FilterException($"startswith is not supported on {property}.");
                }

                return e => Text(e, property)?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true;
            }

            int slash = word.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && word[(slash + 1)..].Equals("any", StringComparison.OrdinalIgnoreCase))
            {
                string collection = word[..slash];
                if (!Collections.Contains(collection))
                {
                    throw new FilterException($"any() is not supported on {collection}.");
                }

                Expect("(");
                string variable = Next();
                Expect(":");
                if (Next() != variable)
                {
                    throw new FilterException("The lambda must compare its own variable.");
                }

                Expect("eq");
                string wanted = Quoted();
                Expect(")");
                return e => e.TryGetProperty(Canonical(e, collection), out var items) && items.ValueKind == JsonValueKind.Array
                    && items.EnumerateArray().Any(i => string.Equals(i.GetString(), wanted, StringComparison.OrdinalIgnoreCase));
            }

            Expect("eq");
            string literal = Next();
            if (Booleans.Contains(word))
            {
                bool value = literal switch
                {
                    "true" => true,
                    "false" => false,
                    _ => throw new FilterException($"{word} compares with true or false."),
                };
                return e => e.TryGetProperty(Canonical(e, word), out var flag) && flag.ValueKind == (value ? JsonValueKind.True : JsonValueKind.False);
            }

            if (Strings.Contains(word) && literal.StartsWith('\''))
            {
                string value = literal[1..];
                return e => string.Equals(Text(e, word), value, StringComparison.OrdinalIgnoreCase);
            }

            throw new FilterException($"'{word} eq {literal}' is not supported.");
        }

        private static string? Text(JsonElement element, string property) =>
            element.TryGetProperty(Canonical(element, property), out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        // Property names compare case-insensitively (as Graph's do); the stored objects use Graph's spelling.
        private static string Canonical(JsonElement element, string property) =>
            element.EnumerateObject().FirstOrDefault(p => p.Name.Equals(property, StringComparison.OrdinalIgnoreCase)).Name ?? property;

        private string Quoted()
        {
            string token = Next();
            return token.StartsWith('\'') ? token[1..] : throw new FilterException("Expected a quoted string.");
        }

        private string Next() => position < tokens.Count ? tokens[position++] : throw new FilterException("Unexpected end of filter.");

        private bool Accept(string token)
        {
            if (position < tokens.Count && tokens[position].Equals(token, StringComparison.OrdinalIgnoreCase) && !tokens[position].StartsWith('\''))
            {
                position++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw new FilterException($"Expected '{token}'.");
            }
        }
    }
}
