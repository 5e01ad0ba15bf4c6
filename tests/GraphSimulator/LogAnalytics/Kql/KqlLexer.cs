using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

internal enum TokenKind
{
    Identifier,
    String,
    Long,
    Real,
    TimeSpan,

    /// <summary>The text between the parentheses of datetime(…), time(…), timespan(…) or dynamic(…); Text is the keyword.</summary>
    TypedLiteral,
    Symbol,
    End,
}

internal sealed record Token(TokenKind Kind, string Text, int Line, int Column, string Raw = "")
{
    public bool Is(string symbolOrWord) => (Kind is TokenKind.Symbol or TokenKind.Identifier) && Text == symbolOrWord;
}

/// <summary>Splits KQL text into tokens: names (with the hyphenated operator names joined), literals, symbols; skips // comments.</summary>
internal static class KqlLexer
{
    private static readonly HashSet<string> HyphenatedHeads = new(StringComparer.Ordinal) { "project", "mv", "make", "top", "parse", "series", "order", "fork", "make_set" };
    private static readonly HashSet<string> TypedLiteralWords = new(StringComparer.Ordinal) { "datetime", "time", "timespan", "dynamic" };
    private static readonly string[] Symbols = { "..", "==", "!=", "<>", "<=", ">=", "=~", "!~", "|", "(", ")", "[", "]", "{", "}", ",", ";", ".", "=", "<", ">", "+", "-", "*", "/", "%", "!", ":", "~" };

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0, line = 1, lineStart = 0;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')))
            {
                if (text[i] == '/')
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }

                    continue;
                }

                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }

                i++;
            }

            int column = i - lineStart + 1;
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "<end>", line, column));
                return tokens;
            }

            char c = text[i];
            int start = i;
            if (c is '"' or '\'' || ((c is '@' or 'h' or 'H') && i + 1 < text.Length && text[i + 1] is '"' or '\'')
                || ((c is 'h' or 'H') && i + 2 < text.Length && text[i + 1] == '@' && text[i + 2] is '"' or '\''))
            {
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i, line, column), line, column));
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                {
                    i++;
                }

                string word = text[start..i];
                while (HyphenatedHeads.Contains(word.Split('-')[0]) && i + 1 < text.Length && text[i] == '-' && char.IsLetter(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }

                    word = text[start..i];
                }

                int after = SkipSpaces(text, i);
                if (TypedLiteralWords.Contains(word) && after < text.Length && text[after] == '(')
                {
                    i = after;
                    string inner = ReadBalanced(text, ref i, line, column);
                    tokens.Add(new Token(TokenKind.TypedLiteral, word, line, column, inner));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Identifier, word, line, column));
                }
            }
            else if (char.IsDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i, line, column));
            }
            else
            {
                string? symbol = null;
                foreach (string s in Symbols)
                {
                    if (string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                    {
                        symbol = s;
                        break;
                    }
                }

                if (symbol is null)
                {
                    throw KqlException.Syntax(c.ToString(), line, column);
                }

                i += symbol.Length;
                tokens.Add(new Token(TokenKind.Symbol, symbol, line, column));
            }
        }
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static Token ReadNumber(string text, ref int i, int line, int column)
    {
        int start = i;
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }

        bool real = false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
        {
            real = true;
            i++;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }
        }

        int unitStart = i;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        string number = text[start..unitStart];
        if (i > unitStart)
        {
            string whole = text[start..i];
            try
            {
                KqlValues.ParseTimeSpan(whole);
            }
            catch (FormatException)
            {
                throw KqlException.Syntax(whole, line, column);
            }

            return new Token(TokenKind.TimeSpan, whole, line, column);
        }

        return new Token(real ? TokenKind.Real : TokenKind.Long, number, line, column);
    }

    /// <summary>A string literal's value: "…" and '…' with \ escapes, @"…" verbatim (quote doubled), h"…" obfuscated.</summary>
    private static string ReadString(string text, ref int i, int line, int column)
    {
        if (text[i] is 'h' or 'H')
        {
            i++;
        }

        bool verbatim = text[i] == '@';
        if (verbatim)
        {
            i++;
        }

        char quote = text[i++];
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length || text[i] is '\n' or '\r')
            {
                throw KqlException.Syntax(quote.ToString(), line, column, "unterminated string literal");
            }

            char c = text[i++];
            if (c == quote)
            {
                if (verbatim && i < text.Length && text[i] == quote)
                {
                    value.Append(quote);
                    i++;
                    continue;
                }

                return value.ToString();
            }

            if (c == '\\' && !verbatim && i < text.Length)
            {
                char e = text[i++];
                value.Append(e switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    _ => e,
                });
                continue;
            }

            value.Append(c);
        }
    }

    /// <summary>The text inside balanced parentheses starting at text[i] == '(' (quotes respected); i moves past the ')'.</summary>
    private static string ReadBalanced(string text, ref int i, int line, int column)
    {
        int depth = 0, start = i + 1;
        char? quote = null;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                i++;
                return text[start..(i - 1)];
            }
        }

        throw KqlException.Syntax("(", line, column, "unbalanced parentheses");
    }

    internal static string Describe(Token token) => token.Kind == TokenKind.TypedLiteral
        ? token.Text + "(" + token.Raw + ")"
        : token.Text.ToString(CultureInfo.InvariantCulture);
}
