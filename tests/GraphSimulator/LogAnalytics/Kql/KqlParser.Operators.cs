using System.Collections.Generic;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>The tabular operators after a pipe: one method per operator with its own clauses.</summary>
internal sealed partial class KqlParser
{
    private QueryOperator Operator()
    {
        var at = Current;
        string name = Identifier();
        switch (name)
        {
            case "where" or "filter":
                return new WhereOp(Expression());
            case "extend":
                return new ExtendOp(Assignments());
            case "project":
                return new ProjectOp(Assignments());
            case "project-away":
                return new ProjectAwayOp(Names());
            case "summarize":
                return Summarize();
            case "sort" or "order":
                ExpectWord("by");
                return new SortOp(SortKeys());
            case "take" or "limit":
                return new TakeOp(Count());
            case "top":
            {
                long count = Count();
                ExpectWord("by");
                return new TopOp(count, SortKeys()[0]);
            }

            case "distinct":
                return new DistinctOp(Assignments());
            case "serialize":
                if (Current.Kind == TokenKind.Identifier)
                {
                    throw KqlException.Unsupported("serialize with columns");
                }

                return new SerializeOp();
            case "count":
                return new CountOp();
            case "getschema":
                return new GetSchemaOp();
            case "mv-apply":
                return MvApply();
            case "join":
                return Join();
            default:
                throw KnownButUnsupported.Contains(name) ? KqlException.Unsupported(name) : KqlException.Syntax(name, at.Line, at.Column, "unknown operator");
        }
    }

    private SummarizeOp Summarize()
    {
        var aggregates = new List<Assignment>();
        if (!Current.Is("by") && !Current.Is("|") && Current.Kind != TokenKind.End && !Current.Is(")"))
        {
            aggregates.AddRange(Assignments());
        }

        var by = new List<Assignment>();
        if (Current.Is("by"))
        {
            position++;
            by.AddRange(Assignments());
        }

        return new SummarizeOp(aggregates, by);
    }

    private MvApplyOp MvApply()
    {
        string name = Name();
        Expect("=");
        var array = Expression();
        ExpectWord("on");
        Expect("(");
        var body = new List<QueryOperator> { Operator() };
        while (Current.Is("|"))
        {
            position++;
            body.Add(Operator());
        }

        Expect(")");
        return new MvApplyOp(name, array, body);
    }

    private JoinOp Join()
    {
        string kind = "innerunique";
        while (Current.Kind == TokenKind.Identifier && tokens[position + 1].Is("="))
        {
            string option = Identifier();
            position++;
            if (option != "kind")
            {
                throw KqlException.Unsupported("join " + option + "=");
            }

            kind = Identifier();
            if (kind is not ("inner" or "innerunique" or "leftsemi" or "leftouter" or "leftanti"))
            {
                throw KqlException.Unsupported("join kind=" + kind);
            }
        }

        Expect("(");
        var right = Tabular();
        Expect(")");
        ExpectWord("on");
        var keys = new List<(string, string)>();
        do
        {
            if (keys.Count > 0)
            {
                position++;
            }

            if (Current.Is("$left"))
            {
                position++;
                Expect(".");
                string left = Name();
                Expect("==");
                ExpectWord("$right");
                Expect(".");
                keys.Add((left, Name()));
            }
            else
            {
                string key = Name();
                keys.Add((key, key));
            }
        }
        while (Current.Is(","));

        return new JoinOp(kind, right, keys);
    }

    private List<SortKey> SortKeys()
    {
        var keys = new List<SortKey>();
        do
        {
            if (keys.Count > 0)
            {
                position++;
            }

            var value = Expression();
            bool descending = true;
            if (Current.Is("asc") || Current.Is("desc"))
            {
                descending = Identifier() == "desc";
            }

            bool? nullsFirst = null;
            if (Current.Is("nulls"))
            {
                position++;
                nullsFirst = Identifier() == "first";
            }

            keys.Add(new SortKey(value, descending, nullsFirst));
        }
        while (Current.Is(","));

        return keys;
    }
}
