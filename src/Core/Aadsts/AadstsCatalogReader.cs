using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EntraStrongAuth.Core.Aadsts;

/// <summary>Entries that were read, and the entries that were not (with the reason).</summary>
public sealed class AadstsCatalogReadResult
{
    public AadstsCatalogReadResult(IReadOnlyList<AadstsCatalogEntry> entries, IReadOnlyList<AadstsCatalogProblem> problems)
    {
        Entries = entries;
        Problems = problems;
    }

    public IReadOnlyList<AadstsCatalogEntry> Entries { get; }

    public IReadOnlyList<AadstsCatalogProblem> Problems { get; }
}

/// <summary>
/// Reads the catalog's JSON shape (<c>{"schemaVersion":1,"entries":[…]}</c>). Core must stay BCL-only and run on
/// .NET Framework too, so it uses the BCL's JSON-to-XML reader rather than System.Text.Json.
/// A bad entry is reported and skipped; the other entries are still read.
/// </summary>
public static class AadstsCatalogReader
{
    public const int SupportedSchemaVersion = 1;

    private static readonly string[] InteractiveFixNames = Enum.GetNames(typeof(InteractiveFix));

    public static AadstsCatalogReadResult Read(Stream json, string source)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        var root = LoadRoot(json, source);
        var entries = new List<AadstsCatalogEntry>();
        var problems = new List<AadstsCatalogProblem>();
        var number = 0;
        foreach (var item in EntriesArray(root, source).Elements())
        {
            number++;
            var entry = ReadEntry(item, number, source, problems);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return new AadstsCatalogReadResult(entries, problems);
    }

    private static XElement LoadRoot(Stream json, string source)
    {
        try
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
        catch (XmlException ex)
        {
            throw new AadstsCatalogFormatException(
                string.Format(CultureInfo.InvariantCulture, "{0}: not valid JSON ({1}). Expected {{\"schemaVersion\": 1, \"entries\": [ … ]}}.", source, ex.Message),
                ex);
        }
    }

    private static XElement EntriesArray(XElement root, string source)
    {
        if (TypeOf(root) != "object")
        {
            throw new AadstsCatalogFormatException(source + ": the file must hold a JSON object with an 'entries' array.");
        }

        var version = root.Element("schemaVersion");
        if (version is not null && (TypeOf(version) != "number" || version.Value != SupportedSchemaVersion.ToString(CultureInfo.InvariantCulture)))
        {
            throw new AadstsCatalogFormatException(
                string.Format(CultureInfo.InvariantCulture, "{0}: field 'schemaVersion' is '{1}'; this version of EntraStrongAuth reads schema version {2}.", source, version.Value, SupportedSchemaVersion));
        }

        var entries = root.Element("entries");
        if (entries is null || TypeOf(entries) != "array")
        {
            throw new AadstsCatalogFormatException(source + ": field 'entries' is missing or is not an array of catalog entries.");
        }

        return entries;
    }

    private static AadstsCatalogEntry? ReadEntry(XElement item, int number, string source, List<AadstsCatalogProblem> problems)
    {
        if (TypeOf(item) != "object")
        {
            problems.Add(new AadstsCatalogProblem(source, number, null, "(entry)", "expected a JSON object"));
            return null;
        }

        var fields = new EntryFields(item, number, source, problems);
        var code = fields.RequiredCode();
        var name = fields.RequiredString("name", code);
        var meaning = fields.RequiredString("meaning", code);
        var oauthError = fields.OptionalString("oauthError", code);
        var interactiveFix = fields.RequiredEnum<InteractiveFix>("interactiveFix", InteractiveFixNames, code);
        var category = fields.RequiredString("category", code);
        var strongAuth = fields.OptionalBoolean("strongAuth", code) ?? false;
        var remedy = fields.StringArray("remedy", code);
        var related = fields.CodeArray("relatedCodes", code);

        if (!fields.IsValid || code is null || name is null || meaning is null || interactiveFix is null || category is null)
        {
            return null;
        }

        return new AadstsCatalogEntry(code.Value, name, meaning, oauthError, interactiveFix.Value, category, strongAuth, remedy, related, source);
    }

    internal static string? TypeOf(XElement element) => (string?)element.Attribute("type");

    /// <summary>Reads the fields of one entry, recording a problem for each field that is missing or mistyped.</summary>
    private sealed class EntryFields
    {
        private readonly XElement _item;
        private readonly int _number;
        private readonly string _source;
        private readonly List<AadstsCatalogProblem> _problems;
        private readonly int _problemsBefore;

        public EntryFields(XElement item, int number, string source, List<AadstsCatalogProblem> problems)
        {
            _item = item;
            _number = number;
            _source = source;
            _problems = problems;
            _problemsBefore = problems.Count;
        }

        public bool IsValid => _problems.Count == _problemsBefore;

        public int? RequiredCode()
        {
            var element = _item.Element("code");
            if (element is not null && TypeOf(element) == "number" && TryParseCode(element.Value, out var code))
            {
                return code;
            }

            if (element is not null && TypeOf(element) == "string" && AadstsCode.TryParse(element.Value, out code))
            {
                return code;
            }

            Fail("code", null, "expected a positive whole number such as 50074");
            return null;
        }

        public string? RequiredString(string field, int? code)
        {
            var value = OptionalString(field, code);
            if (value is null && IsAbsentOrNull(field))
            {
                Fail(field, code, "expected a non-empty string");
            }

            return value;
        }

        public string? OptionalString(string field, int? code)
        {
            var element = _item.Element(field);
            if (element is null || TypeOf(element) == "null")
            {
                return null;
            }

            if (TypeOf(element) != "string" || element.Value.Trim().Length == 0)
            {
                Fail(field, code, "expected a non-empty string");
                return null;
            }

            return element.Value.Trim();
        }

        public bool? OptionalBoolean(string field, int? code)
        {
            var element = _item.Element(field);
            if (element is null || TypeOf(element) == "null")
            {
                return null;
            }

            if (TypeOf(element) != "boolean")
            {
                Fail(field, code, "expected true or false");
                return null;
            }

            return element.Value == "true";
        }

        public TEnum? RequiredEnum<TEnum>(string field, string[] names, int? code)
            where TEnum : struct
        {
            var element = _item.Element(field);
            var match = element is not null && TypeOf(element) == "string"
                ? names.FirstOrDefault(n => string.Equals(n, element.Value.Trim(), StringComparison.OrdinalIgnoreCase))
                : null;
            if (match is null)
            {
                Fail(field, code, "expected one of " + string.Join(", ", names));
                return null;
            }

            return (TEnum)Enum.Parse(typeof(TEnum), match);
        }

        public List<string> StringArray(string field, int? code)
        {
            var items = ArrayItems(field, code, "expected an array of non-empty strings");
            var values = new List<string>();
            foreach (var element in items)
            {
                if (TypeOf(element) != "string" || element.Value.Trim().Length == 0)
                {
                    Fail(field, code, "expected an array of non-empty strings");
                    break;
                }

                values.Add(element.Value.Trim());
            }

            return values;
        }

        public List<int> CodeArray(string field, int? code)
        {
            var items = ArrayItems(field, code, "expected an array of codes such as [50076, 50079]");
            var values = new List<int>();
            foreach (var element in items)
            {
                if (TypeOf(element) != "number" || !TryParseCode(element.Value, out var related))
                {
                    Fail(field, code, "expected an array of codes such as [50076, 50079]");
                    break;
                }

                values.Add(related);
            }

            return values;
        }

        private IEnumerable<XElement> ArrayItems(string field, int? code, string expected)
        {
            var element = _item.Element(field);
            if (element is null || TypeOf(element) == "null")
            {
                return Array.Empty<XElement>();
            }

            if (TypeOf(element) != "array")
            {
                Fail(field, code, expected);
                return Array.Empty<XElement>();
            }

            return element.Elements();
        }

        private bool IsAbsentOrNull(string field)
        {
            var element = _item.Element(field);
            return element is null || TypeOf(element) == "null";
        }

        private void Fail(string field, int? code, string expected) =>
            _problems.Add(new AadstsCatalogProblem(_source, _number, code, field, expected));

        private static bool TryParseCode(string text, out int code) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code > 0;
    }
}
