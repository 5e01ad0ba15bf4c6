using System;
using System.Collections.Generic;
using System.Globalization;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>
/// Recursive-descent parser for the supported subset: let constants, a tabular source (table, union, parenthesised
/// query) and the operators listed in the README. Valid Kusto outside the subset fails with a SyntaxError naming it.
/// </summary>
internal sealed partial class KqlParser
{
    private static readonly HashSet<string> KnownButUnsupported = new(StringComparer.Ordinal)
    {
        "mv-expand", "make-series", "parse", "parse-where", "project-rename", "project-reorder", "project-keep", "render", "evaluate",
        "lookup", "as", "invoke", "facet", "fork", "sample", "sample-distinct", "top-nested", "top-hitters", "scan", "range", "print",
        "datatable", "externaldata", "find", "search", "materialize", "toscalar", "table", "partition", "reduce", "extend-schema",
    };

    private readonly List<Token> tokens;
    private int position;

    private KqlParser(string text) => tokens = KqlLexer.Tokenize(text);

    private Token Current => tokens[position];

    public static KqlQuery Parse(string text)
    {
        var parser = new KqlParser(text);
        var lets = new Dictionary<string, Expr>(StringComparer.Ordinal);
        while (parser.Current.Is("let"))
        {
            parser.position++;
            string name = parser.Name();
            parser.Expect("=");
            var value = parser.Expression();
            if (value is not (LiteralExpr or UnaryExpr { Operand: LiteralExpr }))
            {
                throw KqlException.Unsupported("let " + name + " = <non-literal>");
            }

            lets[name] = value;
            parser.Expect(";");
        }

        var body = parser.Tabular();
        while (parser.Current.Is(";"))
        {
            parser.position++;
        }

        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected();
        }

        return new KqlQuery(lets, body);
    }

    private TabularExpr Tabular()
    {
        TabularSource source;
        if (Current.Is("("))
        {
            position++;
            source = new SubquerySource(Tabular());
            Expect(")");
        }
        else if (Current.Is("union"))
        {
            position++;
            source = Union();
        }
        else if (Current.Kind == TokenKind.Identifier)
        {
            var at = Current;
            if (KnownButUnsupported.Contains(at.Text))
            {
                throw KqlException.Unsupported(at.Text);
            }

            position++;
            if (Current.Is("("))
            {
                throw KqlException.Unsupported(at.Text + "(…) as a tabular source");
            }

            source = new TableSource(at.Text, at);
        }
        else
        {
            throw Unexpected();
        }

        var operators = new List<QueryOperator>();
        while (Current.Is("|"))
        {
            position++;
            operators.Add(Operator());
        }

        return new TabularExpr(source, operators);
    }

    private UnionSource Union()
    {
        bool fuzzy = false;
        string? withSource = null;
        while (Current.Kind == TokenKind.Identifier && tokens[position + 1].Is("="))
        {
            string option = Current.Text;
            position += 2;
            switch (option)
            {
                case "isfuzzy":
                    fuzzy = Identifier() == "true";
                    break;
                case "withsource":
                    withSource = Name();
                    break;
                case "kind" when Identifier() == "outer":
                    break;
                default:
                    throw KqlException.Unsupported("union " + option + "=");
            }
        }

        var legs = new List<TabularExpr>();
        do
        {
            if (legs.Count > 0)
            {
                position++;
            }

            if (Current.Is("("))
            {
                position++;
                legs.Add(Tabular());
                Expect(")");
            }
            else
            {
                var at = Current;
                string table = Name();
                if (table.Contains('*', StringComparison.Ordinal))
                {
                    throw KqlException.Unsupported("union wildcard");
                }

                legs.Add(new TabularExpr(new TableSource(table, at), Array.Empty<QueryOperator>()));
            }
        }
        while (Current.Is(","));

        return new UnionSource(fuzzy, withSource, legs);
    }

    private List<Assignment> Assignments()
    {
        var list = new List<Assignment>();
        do
        {
            if (list.Count > 0)
            {
                position++;
            }

            if (Current.Kind == TokenKind.Identifier && tokens[position + 1].Is("="))
            {
                string name = Identifier();
                position++;
                list.Add(new Assignment(name, Expression()));
            }
            else
            {
                list.Add(new Assignment(null, Expression()));
            }
        }
        while (Current.Is(","));

        return list;
    }

    private List<string> Names()
    {
        var list = new List<string> { Name() };
        while (Current.Is(","))
        {
            position++;
            list.Add(Name());
        }

        return list;
    }

    private long Count()
    {
        var token = Current;
        if (token.Kind != TokenKind.Long)
        {
            throw Unexpected();
        }

        position++;
        return long.Parse(token.Text, CultureInfo.InvariantCulture);
    }

    /// <summary>A column or table name: an identifier or ['bracketed name'].</summary>
    private string Name()
    {
        if (Current.Is("[") && tokens[position + 1].Kind == TokenKind.String)
        {
            position++;
            string quoted = Current.Text;
            position++;
            Expect("]");
            return quoted;
        }

        return Identifier();
    }

    private string Identifier()
    {
        if (Current.Kind != TokenKind.Identifier)
        {
            throw Unexpected();
        }

        return tokens[position++].Text;
    }

    private void Expect(string symbol)
    {
        if (!Current.Is(symbol))
        {
            throw Unexpected();
        }

        position++;
    }

    private void ExpectWord(string word) => Expect(word);

    private KqlException Unexpected() => KqlException.Syntax(KqlLexer.Describe(Current), Current.Line, Current.Column);
}
