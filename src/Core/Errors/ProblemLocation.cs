using System.Globalization;
using System.Text;

namespace EntraStrongAuth.Core.Errors;

/// <summary>The one way a read problem says where it is: <c>file, line 3, field 'x': message</c>.</summary>
internal static class ProblemLocation
{
    /// <param name="where">The file or source.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="line">1-based line, when known.</param>
    /// <param name="parts">Further places, e.g. ("record", "2"); a null value is left out.</param>
    public static string Format(string where, string message, long? line, params (string Name, string? Value)[] parts)
    {
        var text = new StringBuilder(where);
        if (line is { } number)
        {
            text.Append(", line ").Append(number.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in parts)
        {
            if (value is not null)
            {
                text.Append(", ").Append(name).Append(' ').Append(value);
            }
        }

        return text.Append(": ").Append(message).ToString();
    }

    /// <summary>A name in quotes, or null for null.</summary>
    public static string? Quoted(string? name) => name is null ? null : "'" + name + "'";
}
