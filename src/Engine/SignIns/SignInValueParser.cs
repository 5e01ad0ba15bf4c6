using System;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Numbers and booleans from text, for CSV cells and for JSON strings where Graph sends a number or a boolean
/// ("50076" for errorCode, "12345" for autonomousSystemNumber, "True" for IsInteractive). Span-based because
/// netstandard2.0 has no span overloads of int.TryParse / bool.TryParse.
/// </summary>
internal static class SignInValueParser
{
    public static bool TryParseInt32(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (!TryParseInt64(text, out var wide) || wide < int.MinValue || wide > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    public static bool TryParseInt64(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        text = text.Trim();
        var negative = false;
        if (!text.IsEmpty && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            text = text.Slice(1);
        }

        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>true/false in any case, and the admin center's Yes/No; 1/0.</summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        if (text.Equals("true".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || text.Equals("yes".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || text.Equals("1".AsSpan(), StringComparison.Ordinal))
        {
            value = true;
            return true;
        }

        if (text.Equals("false".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || text.Equals("no".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || text.Equals("0".AsSpan(), StringComparison.Ordinal))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>Outcome words some sources put where the code goes (admin center Status, Panther's resultType).</summary>
    public static bool IsSuccessWord(ReadOnlySpan<char> text) =>
        text.Trim().Equals("Success".AsSpan(), StringComparison.OrdinalIgnoreCase)
        || text.Trim().Equals("Succeeded".AsSpan(), StringComparison.OrdinalIgnoreCase);

    public static bool IsFailureWord(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        return t.Equals("Failure".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || t.Equals("Failed".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || t.Equals("Interrupted".AsSpan(), StringComparison.OrdinalIgnoreCase);
    }
}
