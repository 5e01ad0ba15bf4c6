using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

/// <summary>The binary operators: logic, comparison, the string operators (has = whole term, contains = substring), arithmetic.</summary>
internal static class KqlOperators
{
    public static Bound Bind(string op, Bound left, Bound right)
    {
        var l = left.Eval;
        var r = right.Eval;
        switch (op)
        {
            case "and":
                return Bool((rows, row) => KqlValues.IsTrue(l(rows, row)) && KqlValues.IsTrue(r(rows, row)));
            case "or":
                return Bool((rows, row) => KqlValues.IsTrue(l(rows, row)) || KqlValues.IsTrue(r(rows, row)));
            case "==":
                return Bool((rows, row) => KqlValues.AreEqual(l(rows, row), r(rows, row)));
            case "=~":
                return Bool((rows, row) => KqlValues.AreEqual(l(rows, row), r(rows, row), ignoreCase: true));
            case "!=":
                return Bool((rows, row) => NotEqual(l(rows, row), r(rows, row), ignoreCase: false));
            case "!~":
                return Bool((rows, row) => NotEqual(l(rows, row), r(rows, row), ignoreCase: true));
            case "<" or "<=" or ">" or ">=":
                return Bool((rows, row) => KqlValues.Compare(l(rows, row), r(rows, row)) is { } c
                    && op switch { "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 });
            case "matches regex":
            {
                // The pattern is a constant in the subset; compiled once.
                var regex = new Regex(KqlValues.ToText(right.Eval(null!, 0)), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                return Bool((rows, row) => l(rows, row) is { } v && regex.IsMatch(KqlValues.ToText(v)));
            }

            case "+" or "-" or "*" or "/" or "%":
                return new Bound(ArithmeticType(op, left.Type, right.Type), (rows, row) => Arithmetic(op, l(rows, row), r(rows, row)));
        }

        bool negated = op.StartsWith('!');
        string name = negated ? op[1..] : op;
        bool caseSensitive = name.EndsWith("_cs", StringComparison.Ordinal);
        name = caseSensitive ? name[..^3] : name;
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        Func<string, string, bool> test = name switch
        {
            "has" => (h, n) => HasTerm(h, n, comparison),
            "contains" => (h, n) => h.Contains(n, comparison),
            "startswith" => (h, n) => h.StartsWith(n, comparison),
            "endswith" => (h, n) => h.EndsWith(n, comparison),
            _ => throw KqlException.Unsupported(op),
        };
        return Bool((rows, row) => test(KqlValues.ToText(l(rows, row)), KqlValues.ToText(r(rows, row))) != negated);
    }

    /// <summary>in / !in / in~ / !in~ / has_any: a dynamic array in the list is flattened into its elements.</summary>
    public static Bound BindIn(Bound value, Bound[] list, bool negated, bool ignoreCase, bool hasAny)
    {
        return Bool((rows, row) =>
        {
            object? v = value.Eval(rows, row);
            if (v is null && !hasAny)
            {
                // Kusto: null in (…) is false, and so is null !in (…).
                return false;
            }

            foreach (var item in list)
            {
                foreach (object? candidate in Flatten(item.Eval(rows, row)))
                {
                    bool hit = hasAny
                        ? HasTerm(KqlValues.ToText(v), KqlValues.ToText(candidate), StringComparison.OrdinalIgnoreCase)
                        : KqlValues.AreEqual(v, candidate, ignoreCase);
                    if (hit)
                    {
                        return !negated;
                    }
                }
            }

            return negated;
        });
    }

    /// <summary>The list's values when every one (arrays flattened) is a string, else null (numbers compare by value, not text).</summary>
    public static IReadOnlyList<string>? ConstantTexts(IEnumerable<object?> literals)
    {
        var texts = new List<string>();
        foreach (var value in literals.SelectMany(Flatten))
        {
            if (KqlValues.Unwrap(value) is not string text)
            {
                return null;
            }

            texts.Add(text);
        }

        return texts;
    }

    /// <summary>in / !in / in~ / !in~ over string literals, as <see cref="BindIn"/> decides them, through a set.</summary>
    public static Bound BindInSet(Bound value, IReadOnlyList<string> texts, bool negated, bool ignoreCase)
    {
        var set = new HashSet<string>(texts, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        return Bool((rows, row) =>
        {
            object? v = KqlValues.Unwrap(value.Eval(rows, row));
            if (v is null)
            {
                return false;
            }

            return set.Contains(KqlValues.ToText(v)) != negated;
        });
    }

    public static Bound BindBetween(Bound value, Bound low, Bound high, bool negated) =>
        Bool((rows, row) =>
        {
            object? v = value.Eval(rows, row);
            if (KqlValues.Compare(v, low.Eval(rows, row)) is not { } a || KqlValues.Compare(v, high.Eval(rows, row)) is not { } b)
            {
                return false;
            }

            return (a >= 0 && b <= 0) != negated;
        });

    public static object? Negate(object? value) => KqlValues.Unwrap(value) switch
    {
        long l => -l,
        double d => -d,
        TimeSpan t => -t,
        _ => null,
    };

    /// <summary>Kusto's has: the needle matches at term boundaries (terms are runs of letters and digits), ignoring case.</summary>
    public static bool HasTerm(string haystack, string needle, StringComparison comparison)
    {
        if (needle.Length == 0)
        {
            return true;
        }

        bool edgeStart = char.IsLetterOrDigit(needle[0]);
        bool edgeEnd = char.IsLetterOrDigit(needle[^1]);
        for (int at = haystack.IndexOf(needle, comparison); at >= 0; at = at + 1 < haystack.Length ? haystack.IndexOf(needle, at + 1, comparison) : -1)
        {
            int end = at + needle.Length;
            bool startOk = !edgeStart || at == 0 || !char.IsLetterOrDigit(haystack[at - 1]);
            bool endOk = !edgeEnd || end == haystack.Length || !char.IsLetterOrDigit(haystack[end]);
            if (startOk && endOk)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<object?> Flatten(object? value)
    {
        if (value is JsonArray array)
        {
            foreach (var element in array)
            {
                foreach (object? inner in Flatten(element))
                {
                    yield return inner;
                }
            }
        }
        else
        {
            yield return value;
        }
    }

    private static bool NotEqual(object? a, object? b, bool ignoreCase) =>
        KqlValues.Unwrap(a) is not null && KqlValues.Unwrap(b) is not null && !KqlValues.AreEqual(a, b, ignoreCase);

    private static Bound Bool(Func<RowSet, int, bool> test) => new(KqlType.Bool, (rows, row) => test(rows, row));

    private static KqlType ArithmeticType(string op, KqlType left, KqlType right) => (left, right) switch
    {
        (KqlType.DateTime, KqlType.DateTime) => KqlType.TimeSpan,
        (KqlType.DateTime, _) or (_, KqlType.DateTime) => KqlType.DateTime,
        (KqlType.TimeSpan, _) when op is "/" && KqlTypes.IsNumeric(right) => KqlType.TimeSpan,
        (KqlType.TimeSpan, KqlType.TimeSpan) when op is "/" => KqlType.Real,
        (KqlType.TimeSpan, _) or (_, KqlType.TimeSpan) => KqlType.TimeSpan,
        (KqlType.Real, _) or (_, KqlType.Real) => KqlType.Real,
        (KqlType.Dynamic, _) or (_, KqlType.Dynamic) => KqlType.Dynamic,
        (KqlType.Int, KqlType.Int) => KqlType.Int,
        _ => KqlType.Long,
    };

    private static object? Arithmetic(string op, object? a, object? b)
    {
        a = KqlValues.Unwrap(a);
        b = KqlValues.Unwrap(b);
        switch (a, b)
        {
            case (null, _) or (_, null):
                return null;
            case (DateTime x, TimeSpan y):
                return op == "+" ? x + y : op == "-" ? x - y : null;
            case (TimeSpan x, DateTime y) when op == "+":
                return y + x;
            case (DateTime x, DateTime y) when op == "-":
                return x - y;
            case (TimeSpan x, TimeSpan y):
                return op switch { "+" => x + y, "-" => x - y, "/" => x / y, _ => null };
            case (TimeSpan x, long y):
                return op switch { "*" => x * y, "/" => y == 0 ? null : x / y, _ => null };
            case (long x, long y):
                return op switch
                {
                    "+" => x + y,
                    "-" => x - y,
                    "*" => x * y,
                    "/" => y == 0 ? null : x / y,
                    _ => y == 0 ? null : x % y,
                };
        }

        if (KqlValues.IsNumber(a) && KqlValues.IsNumber(b))
        {
            double x = KqlValues.ToDouble(a), y = KqlValues.ToDouble(b);
            return op switch { "+" => x + y, "-" => x - y, "*" => x * y, "/" => x / y, _ => x % y };
        }

        return null;
    }
}
