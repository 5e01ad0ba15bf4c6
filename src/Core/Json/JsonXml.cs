using System.IO;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EntraStrongAuth.Core.Json;

/// <summary>
/// Loads a JSON data file as XML. Core must stay BCL-only and run on .NET Framework too, so the data files are read
/// with the BCL's JSON-to-XML reader rather than System.Text.Json: every JSON value becomes an element whose
/// <c>type</c> attribute says object, array, string, number, boolean or null; array items are <c>item</c> elements.
/// </summary>
internal static class JsonXml
{
    public const string Object = "object";
    public const string Array = "array";
    public const string String = "string";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Null = "null";

    /// <summary>Parses the whole stream. Throws <see cref="XmlException"/> when it is not JSON.</summary>
    public static XElement Load(Stream json)
    {
        // The BCL JSON reader rejects a byte-order mark, which Windows editors like to write: re-encode first.
        string text;
        using (var decoder = new StreamReader(json, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = decoder.ReadToEnd();
        }

        using var reader = JsonReaderWriterFactory.CreateJsonReader(Encoding.UTF8.GetBytes(text), XmlDictionaryReaderQuotas.Max);
        return XElement.Load(reader);
    }

    /// <summary>The JSON type of an element: object, array, string, number, boolean or null.</summary>
    public static string? TypeOf(XElement element) => (string?)element.Attribute("type");

    /// <summary>True when the element is missing or JSON null: both mean "not given" in our data files.</summary>
    public static bool IsAbsent(XElement? element) => element is null || TypeOf(element) == Null;
}
