using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>
/// Builds the report's markup. Log values (user agents, app names, failure reasons, user names) are attacker-controlled,
/// so every value goes through <see cref="Text"/> or an attribute method, which HTML-encode it; only this class's own
/// constant markup is appended raw. Attribute values are always double-quoted, and no value ever becomes a URL, a style
/// or an event handler.
/// </summary>
internal sealed class HtmlBuilder
{
    // Every script so readable names (é, 日本) stay as they are; < > & " ' and invisible line breaks are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new(64 * 1024);

    public int Length => _html.Length;

    /// <summary>The value as HTML text (or a double-quoted attribute value): every markup character encoded.</summary>
    public static string Encode(string? value) => string.IsNullOrEmpty(value) ? string.Empty : Encoder.Encode(value!);

    /// <summary>Constant markup written by the report itself (never a value from input).</summary>
    public HtmlBuilder Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlBuilder Text(string? value)
    {
        _html.Append(Encode(value));
        return this;
    }

    /// <summary>
    /// A value shown in a cell or a list: past <paramref name="limit"/> characters cut with an ellipsis, so a 10 KB user
    /// agent does not fill the page (the CSV beside the report and the command's objects keep the whole text).
    /// </summary>
    public HtmlBuilder Short(string? value, int limit = 300) =>
        Text(value is { Length: > 0 } && value.Length > limit ? value.Substring(0, limit) + "… (" + value.Length.ToString(CultureInfo.InvariantCulture) + " characters)" : value);

    public HtmlBuilder Number(long value) => Raw(value.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>An opening tag with attributes given as name/value pairs; a null value leaves its attribute out.</summary>
    public HtmlBuilder Open(string tag, params string?[] attributes)
    {
        _html.Append('<').Append(tag);
        for (var i = 0; i + 1 < attributes.Length; i += 2)
        {
            if (attributes[i + 1] is { } value)
            {
                _html.Append(' ').Append(attributes[i]).Append("=\"").Append(Encode(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlBuilder Close(string tag) => Raw("</" + tag + ">");

    /// <summary>An element holding one text value.</summary>
    public HtmlBuilder Element(string tag, string? text, params string?[] attributes) => Open(tag, attributes).Text(text).Close(tag);

    public override string ToString() => _html.ToString();
}
