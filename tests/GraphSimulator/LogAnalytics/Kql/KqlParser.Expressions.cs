using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>Scalar expressions, lowest precedence first: or, and, comparisons and string operators, + -, * / %, unary, postfix.</summary>
internal sealed partial class KqlParser
{
    private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal) { "==", "!=", "<>", "<", "<=", ">", ">=", "=~", "!~" };

    private static readonly HashSet<string> StringOperators = new(StringComparer.Ordinal)
    {
        "has", "contains", "startswith", "endswith", "has_cs", "contains_cs", "startswith_cs", "endswith_cs",
    };

    private static readonly HashSet<string> UnsupportedStringOperators = new(StringComparer.Ordinal)
    {
        "hasprefix", "hassuffix", "has_all", "in_range", "like",
    };

    private Expr Expression() => Or();

    private Expr Or()
    {
        var left = And();
        while (Current.Is("or"))
        {
            position++;
            left = new BinaryExpr("or", left, And());
        }

        return left;
    }

    private Expr And()
    {
        var left = Comparison();
        while (Current.Is("and"))
        {
            position++;
            left = new BinaryExpr("and", left, Comparison());
        }

        return left;
    }

    private Expr Comparison()
    {
        var left = Additive();
        while (true)
        {
            if (Current.Kind == TokenKind.Symbol && Comparisons.Contains(Current.Text))
            {
                string op = tokens[position++].Text;
                left = new BinaryExpr(op == "<>" ? "!=" : op, left, Additive());
                continue;
            }

            bool negated = Current.Is("!") && tokens[position + 1].Kind == TokenKind.Identifier;
            var word = tokens[position + (negated ? 1 : 0)];
            if (word.Kind != TokenKind.Identifier)
            {
                return left;
            }

            if (UnsupportedStringOperators.Contains(word.Text))
            {
                throw KqlException.Unsupported((negated ? "!" : "") + word.Text);
            }

            if (StringOperators.Contains(word.Text))
            {
                position += negated ? 2 : 1;
                left = new BinaryExpr((negated ? "!" : "") + word.Text, left, Additive());
            }
            else if (word.Text is "in" or "has_any")
            {
                position += negated ? 2 : 1;
                bool ignoreCase = word.Text == "in" && Current.Is("~");
                if (ignoreCase)
                {
                    position++;
                }

                Expect("(");
                var list = new List<Expr> { Expression() };
                while (Current.Is(","))
                {
                    position++;
                    list.Add(Expression());
                }

                Expect(")");
                left = new InExpr(left, list, negated, ignoreCase || word.Text == "has_any", word.Text == "has_any");
            }
            else if (word.Text == "between")
            {
                position += negated ? 2 : 1;
                Expect("(");
                var low = Additive();
                Expect("..");
                var high = Additive();
                Expect(")");
                left = new BetweenExpr(left, low, high, negated);
            }
            else if (word.Text == "matches" && !negated)
            {
                position++;
                ExpectWord("regex");
                left = new BinaryExpr("matches regex", left, Additive());
            }
            else
            {
                return left;
            }
        }
    }

    private Expr Additive()
    {
        var left = Multiplicative();
        while (Current.Is("+") || Current.Is("-"))
        {
            string op = tokens[position++].Text;
            left = new BinaryExpr(op, left, Multiplicative());
        }

        return left;
    }

    private Expr Multiplicative()
    {
        var left = Unary();
        while (Current.Is("*") || Current.Is("/") || Current.Is("%"))
        {
            string op = tokens[position++].Text;
            left = new BinaryExpr(op, left, Unary());
        }

        return left;
    }

    private Expr Unary()
    {
        if (Current.Is("-"))
        {
            position++;
            return new UnaryExpr("-", Unary());
        }

        if (Current.Is("+"))
        {
            position++;
        }

        return Postfix(Primary());
    }

    private Expr Postfix(Expr expr)
    {
        while (true)
        {
            if (Current.Is(".") && tokens[position + 1].Kind == TokenKind.Identifier)
            {
                position++;
                expr = new MemberExpr(expr, Identifier());
            }
            else if (Current.Is("["))
            {
                position++;
                var index = Expression();
                Expect("]");
                expr = new IndexExpr(expr, index);
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr Primary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String:
                position++;
                return new LiteralExpr(token.Text, KqlType.String);
            case TokenKind.Long:
                position++;
                return new LiteralExpr(long.Parse(token.Text, CultureInfo.InvariantCulture), KqlType.Long);
            case TokenKind.Real:
                position++;
                return new LiteralExpr(double.Parse(token.Text, CultureInfo.InvariantCulture), KqlType.Real);
            case TokenKind.TimeSpan:
                position++;
                return new LiteralExpr(KqlValues.ParseTimeSpan(token.Text), KqlType.TimeSpan);
            case TokenKind.TypedLiteral:
                position++;
                return TypedLiteral(token);
            case TokenKind.Symbol when token.Text == "(":
            {
                position++;
                var inner = Expression();
                Expect(")");
                return inner;
            }

            case TokenKind.Symbol when token.Text == "*":
                position++;
                return new StarExpr();
            case TokenKind.Symbol when token.Text == "[" && tokens[position + 1].Kind == TokenKind.String:
                return new NameExpr(Name());
            case TokenKind.Identifier:
                position++;
                switch (token.Text)
                {
                    case "true":
                        return new LiteralExpr(true, KqlType.Bool);
                    case "false":
                        return new LiteralExpr(false, KqlType.Bool);
                    case "null":
                        throw KqlException.Unsupported("null");
                }

                if (Current.Is("("))
                {
                    position++;
                    var args = new List<Expr>();
                    if (!Current.Is(")"))
                    {
                        args.Add(Expression());
                        while (Current.Is(","))
                        {
                            position++;
                            args.Add(Expression());
                        }
                    }

                    Expect(")");
                    return new CallExpr(token.Text, args);
                }

                return new NameExpr(token.Text);
            default:
                throw Unexpected();
        }
    }

    private static LiteralExpr TypedLiteral(Token token)
    {
        string raw = token.Raw.Trim();
        try
        {
            switch (token.Text)
            {
                case "datetime":
                    return new LiteralExpr(raw.Length == 0 ? null : KqlValues.ParseDateTime(raw), KqlType.DateTime);
                case "time" or "timespan":
                    return new LiteralExpr(KqlValues.ParseTimeSpan(raw), KqlType.TimeSpan);
                default:
                    return new LiteralExpr(raw == "null" ? null : JsonNode.Parse(raw.Contains('"', StringComparison.Ordinal) ? raw : raw.Replace('\'', '"')), KqlType.Dynamic);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or OverflowException)
        {
            throw KqlException.Syntax(KqlLexer.Describe(token), token.Line, token.Column, "invalid " + token.Text + " literal");
        }
    }
}
