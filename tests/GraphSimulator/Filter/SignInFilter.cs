using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EntraStrongAuth.GraphSimulator.Filter;

/// <summary>A <c>$filter</c> the simulator cannot accept; Graph answers these with 400 "Invalid filter clause".</summary>
public sealed class FilterException : Exception
{
    public FilterException(string detail) : base(detail)
    {
    }

    public FilterException()
    {
    }

    public FilterException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>
/// The signIns <c>$filter</c> subset of docs/DESIGN.md §6, parsed by a small tokenizer and recursive-descent parser into a
/// predicate. Grammar (OData 4.01 ABNF, cut down):
/// <code>
/// expr    := and ('or' and)*
/// and     := primary ('and' primary)*
/// primary := '(' expr ')' | comparison | 'startswith' '(' path ',' string ')' | 'signInEventTypes/any(' var ':' lambda ')'
/// comparison := path op literal      op := eq | ne | gt | ge | lt | le
/// lambda  := lterm ('or' lterm)*     lterm := var ('eq'|'ne') string | '(' lambda ')'
/// </code>
/// Supported (property, operators) — the beta signIn resource doc's filterable list, restricted to what the module
/// pushes down: createdDateTime (eq ge gt le lt; unquoted DateTimeOffset), status/errorCode (eq; Graph has no ge,
/// docs issue #7340), userPrincipalName (eq, startswith), userId (eq), appId (eq), servicePrincipalId (eq), id (eq), correlationId (eq), userAgent (eq, startswith),
/// signInEventTypes/any(t: t eq|ne '…'). Property names compare case-insensitively (Graph accepts
/// <c>status/errorcode</c>, <c>appid</c>); string values compare case-insensitively (UPNs are stored lower-case).
/// Everything else, including a quoted date (docs issue #14173) and <c>not</c>, is an invalid clause.
/// </summary>
public sealed class SignInFilter
{
    private static readonly string[] EventTypes = { "interactiveUser", "nonInteractiveUser", "servicePrincipal", "managedIdentity" };

    private SignInFilter(Func<SimSignIn, bool> predicate, bool mentionsEventTypes, string text)
    {
        Predicate = predicate;
        MentionsEventTypes = mentionsEventTypes;
        Text = text;
    }

    public Func<SimSignIn, bool> Predicate { get; }

    /// <summary>True when the filter names signInEventTypes; without it, beta serves interactive sign-ins only.</summary>
    public bool MentionsEventTypes { get; }

    public string Text { get; }

    public static readonly SignInFilter All = new(static _ => true, false, "");

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FilterException"/> for anything outside the subset.</summary>
    public static SignInFilter Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var parser = new Parser(Tokenizer.Tokenize(text));
        var predicate = parser.ParseExpression();
        parser.ExpectEnd();
        return new SignInFilter(predicate, parser.MentionsEventTypes, text);
    }

    private enum TokenKind
    {
        Word,
        String,
        OpenParen,
        CloseParen,
        Comma,
        Colon,
        Slash,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);

    private static class Tokenizer
    {
        public static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                switch (c)
                {
                    case '(':
                        tokens.Add(new Token(TokenKind.OpenParen, "(", i++));
                        continue;
                    case ')':
                        tokens.Add(new Token(TokenKind.CloseParen, ")", i++));
                        continue;
                    case ',':
                        tokens.Add(new Token(TokenKind.Comma, ",", i++));
                        continue;
                    case ':':
                        tokens.Add(new Token(TokenKind.Colon, ":", i++));
                        continue;
                    case '/':
                        tokens.Add(new Token(TokenKind.Slash, "/", i++));
                        continue;
                    case '\'':
                        tokens.Add(ReadString(text, ref i));
                        continue;
                }

                if (!IsWordChar(c))
                {
                    throw new FilterException($"Unexpected character '{c}' at {i}.");
                }

                int start = i;
                while (i < text.Length && (IsWordChar(text[i]) || (text[i] == ':' && LooksLikeTime(text, start, i))))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }

            tokens.Add(new Token(TokenKind.End, "", text.Length));
            return tokens;
        }

        // A DateTimeOffset literal (2026-11-20T08:00:00Z, …+01:00) is one word although it contains ':'; the lambda's
        // 't:' is a word followed by a colon. A colon belongs to the word only after a 'T' followed by digits.
        private static bool LooksLikeTime(string text, int start, int colon) =>
            colon > start && char.IsAsciiDigit(text[start]) && text.AsSpan(start, colon - start).Contains('T');

        private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '+' or '$' or '@';

        private static Token ReadString(string text, ref int i)
        {
            int start = i++;
            var value = new StringBuilder();
            while (true)
            {
                if (i >= text.Length)
                {
                    throw new FilterException($"Unterminated string literal at {start}.");
                }

                char c = text[i++];
                if (c != '\'')
                {
                    value.Append(c);
                    continue;
                }

                // OData: a quote inside a string literal is written twice.
                if (i < text.Length && text[i] == '\'')
                {
                    value.Append('\'');
                    i++;
                    continue;
                }

                return new Token(TokenKind.String, value.ToString(), start);
            }
        }
    }

    private sealed class Parser
    {
        private readonly List<Token> tokens;
        private int position;

        public Parser(List<Token> tokens) => this.tokens = tokens;

        public bool MentionsEventTypes { get; private set; }

        private Token Current => tokens[position];

        public void ExpectEnd()
        {
            if (Current.Kind != TokenKind.End)
            {
                throw Error("end of expression");
            }
        }

        public Func<SimSignIn, bool> ParseExpression()
        {
            var terms = new List<Func<SimSignIn, bool>> { ParseAnd() };
            while (IsKeyword("or"))
            {
                position++;
                terms.Add(ParseAnd());
            }

            if (terms.Count == 1)
            {
                return terms[0];
            }

            var all = terms.ToArray();
            return s => all.Any(t => t(s));
        }

        private Func<SimSignIn, bool> ParseAnd()
        {
            var terms = new List<Func<SimSignIn, bool>> { ParsePrimary() };
            while (IsKeyword("and"))
            {
                position++;
                terms.Add(ParsePrimary());
            }

            if (terms.Count == 1)
            {
                return terms[0];
            }

            var all = terms.ToArray();
            return s => all.All(t => t(s));
        }

        private Func<SimSignIn, bool> ParsePrimary()
        {
            if (Current.Kind == TokenKind.OpenParen)
            {
                position++;
                var inner = ParseExpression();
                Expect(TokenKind.CloseParen);
                return inner;
            }

            if (IsKeyword("startswith"))
            {
                return ParseStartsWith();
            }

            if (IsKeyword("not"))
            {
                throw new FilterException("'not' is not supported on signIns.");
            }

            string path = ParsePath();
            if (path.Equals("signInEventTypes", StringComparison.OrdinalIgnoreCase))
            {
                return ParseEventTypesLambda();
            }

            string op = ExpectWord().ToLowerInvariant();
            if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
            {
                throw new FilterException($"Unknown operator '{op}'.");
            }

            return Comparison(path, op);
        }

        private Func<SimSignIn, bool> Comparison(string path, string op)
        {
            switch (path.ToLowerInvariant())
            {
                case "createddatetime":
                {
                    var value = ParseDateTime();
                    return op switch
                    {
                        "eq" => s => s.CreatedDateTime == value,
                        "gt" => s => s.CreatedDateTime > value,
                        "ge" => s => s.CreatedDateTime >= value,
                        "lt" => s => s.CreatedDateTime < value,
                        "le" => s => s.CreatedDateTime <= value,
                        _ => throw new FilterException($"createdDateTime does not support '{op}'."),
                    };
                }

                case "status/errorcode":
                {
                    RequireEq(path, op);
                    var token = ExpectWord();
                    if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int code))
                    {
                        throw new FilterException($"status/errorCode takes an integer, not '{token}'.");
                    }

                    return s => s.ErrorCode == code;
                }

                case "userprincipalname":
                    return StringEquals(path, op, static s => s.UserPrincipalName);
                case "userid":
                    return StringEquals(path, op, static s => s.UserId);
                case "appid":
                    return StringEquals(path, op, static s => s.AppId);
                case "useragent":
                    return StringEquals(path, op, static s => s.UserAgent);
                case "serviceprincipalid":
                    return StringEquals(path, op, static s => s.ServicePrincipalId);
                case "id":
                    return StringEquals(path, op, static s => s.Id);
                case "correlationid":
                    return StringEquals(path, op, static s => s.CorrelationId);
                default:
                    throw new FilterException($"Property '{path}' is not filterable in the simulator's subset.");
            }
        }

        private Func<SimSignIn, bool> StringEquals(string path, string op, Func<SimSignIn, string?> field)
        {
            RequireEq(path, op);
            string value = ExpectString();
            return s => string.Equals(field(s), value, StringComparison.OrdinalIgnoreCase);
        }

        private static void RequireEq(string path, string op)
        {
            if (op != "eq")
            {
                throw new FilterException($"{path} supports only 'eq', not '{op}'.");
            }
        }

        private Func<SimSignIn, bool> ParseStartsWith()
        {
            position++;
            Expect(TokenKind.OpenParen);
            string path = ParsePath();
            Expect(TokenKind.Comma);
            string prefix = ExpectString();
            Expect(TokenKind.CloseParen);
            return path.ToLowerInvariant() switch
            {
                "userprincipalname" => s => s.UserPrincipalName?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true,
                "useragent" => s => s.UserAgent?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true,
                _ => throw new FilterException($"startswith is not supported on '{path}' in the simulator's subset."),
            };
        }

        private Func<SimSignIn, bool> ParseEventTypesLambda()
        {
            MentionsEventTypes = true;
            Expect(TokenKind.Slash);
            if (!IsKeyword("any"))
            {
                throw Error("any(");
            }

            position++;
            Expect(TokenKind.OpenParen);
            string variable = ExpectWord();
            Expect(TokenKind.Colon);
            var body = ParseLambdaOr(variable);
            Expect(TokenKind.CloseParen);
            return s => s.SignInEventTypes.Any(body);
        }

        private Func<string, bool> ParseLambdaOr(string variable)
        {
            var terms = new List<Func<string, bool>> { ParseLambdaTerm(variable) };
            while (IsKeyword("or"))
            {
                position++;
                terms.Add(ParseLambdaTerm(variable));
            }

            var all = terms.ToArray();
            return t => all.Any(f => f(t));
        }

        private Func<string, bool> ParseLambdaTerm(string variable)
        {
            if (Current.Kind == TokenKind.OpenParen)
            {
                position++;
                var inner = ParseLambdaOr(variable);
                Expect(TokenKind.CloseParen);
                return inner;
            }

            string name = ExpectWord();
            if (!name.Equals(variable, StringComparison.Ordinal))
            {
                throw new FilterException($"Unknown range variable '{name}'.");
            }

            string op = ExpectWord().ToLowerInvariant();
            string value = ExpectString();
            if (!EventTypes.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                throw new FilterException($"'{value}' is not a signInEventType.");
            }

            return op switch
            {
                "eq" => t => t.Equals(value, StringComparison.OrdinalIgnoreCase),
                "ne" => t => !t.Equals(value, StringComparison.OrdinalIgnoreCase),
                _ => throw new FilterException($"signInEventTypes supports eq and ne, not '{op}'."),
            };
        }

        private DateTimeOffset ParseDateTime()
        {
            if (Current.Kind == TokenKind.String)
            {
                // Graph rejects a quoted date (docs issue #14173: "createdDateTime ge '2021-09-07T00:00:00Z'" → Invalid filter clause).
                throw new FilterException("createdDateTime takes an unquoted DateTimeOffset.");
            }

            string token = ExpectWord();
            if (DateTimeOffset.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                || DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date))
            {
                if (token.Length > 10 && !(token.EndsWith('Z') || token.EndsWith('z') || token.Contains('+', StringComparison.Ordinal)
                        || token.LastIndexOf('-') > token.IndexOf('T', StringComparison.Ordinal)))
                {
                    throw new FilterException($"'{token}' has no time zone offset.");
                }

                return date;
            }

            throw new FilterException($"'{token}' is not a DateTimeOffset.");
        }

        private string ParsePath()
        {
            var path = new StringBuilder(ExpectWord());
            while (Current.Kind == TokenKind.Slash && tokens[position + 1].Kind == TokenKind.Word && !IsKeyword("any", position + 1))
            {
                position++;
                path.Append('/').Append(ExpectWord());
            }

            return path.ToString();
        }

        private bool IsKeyword(string keyword, int? at = null)
        {
            var token = tokens[at ?? position];
            return token.Kind == TokenKind.Word && token.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);
        }

        private string ExpectWord()
        {
            if (Current.Kind != TokenKind.Word)
            {
                throw Error("a name or value");
            }

            return tokens[position++].Text;
        }

        private string ExpectString()
        {
            if (Current.Kind != TokenKind.String)
            {
                throw Error("a quoted string");
            }

            return tokens[position++].Text;
        }

        private void Expect(TokenKind kind)
        {
            if (Current.Kind != kind)
            {
                throw Error(kind.ToString());
            }

            position++;
        }

        private FilterException Error(string expected) =>
            new($"Expected {expected} at {Current.Position}, found '{(Current.Kind == TokenKind.End ? "end" : Current.Text)}'.");
    }
}
