using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace EntraStrongAuth.Core.Json;

/// <summary>
/// Reads the fields of one JSON object of a data file, reporting each field that is missing or mistyped through
/// <c>fail(field, expected)</c> instead of throwing, so a reader can list every problem of a file at once.
/// Shared by the AADSTS catalog and the classification data readers.
/// </summary>
internal sealed class JsonFields
{
    private readonly XElement _item;
    private readonly Action<string, string> _fail;
    private int _failures;

    public JsonFields(XElement item, Action<string, string> fail)
    {
        _item = item ?? throw new ArgumentNullException(nameof(item));
        _fail = fail ?? throw new ArgumentNullException(nameof(fail));
    }

    /// <summary>False once any field was reported.</summary>
    public bool IsValid => _failures == 0;

    /// <summary>The field's element, or null when it is missing or JSON null.</summary>
    public XElement? Element(string field)
    {
        var element = _item.Element(field);
        return JsonXml.IsAbsent(element) ? null : element;
    }

    public string? RequiredString(string field)
    {
        var absent = Element(field) is null;
        var value = OptionalString(field);
        if (absent)
        {
            Fail(field, "expected a non-empty string");
        }

        return value;
    }

    public string? OptionalString(string field)
    {
        var element = Element(field);
        if (element is null)
        {
            return null;
        }

        if (JsonXml.TypeOf(element) != JsonXml.String || element.Value.Trim().Length == 0)
        {
            Fail(field, "expected a non-empty string");
            return null;
        }

        return element.Value.Trim();
    }

    public bool? OptionalBoolean(string field)
    {
        var element = Element(field);
        if (element is null)
        {
            return null;
        }

        if (JsonXml.TypeOf(element) != JsonXml.Boolean)
        {
            Fail(field, "expected true or false");
            return null;
        }

        return element.Value == "true";
    }

    /// <summary>A JSON number (any sign, fractions allowed), or null when the field is missing.</summary>
    public double? OptionalNumber(string field)
    {
        var element = Element(field);
        if (element is null)
        {
            return null;
        }

        if (JsonXml.TypeOf(element) != JsonXml.Number
            || !double.TryParse(element.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Fail(field, "expected a number");
            return null;
        }

        return value;
    }

    /// <summary>An enum member by name, case-insensitive; the problem lists the allowed names.</summary>
    public TEnum? RequiredEnum<TEnum>(string field)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames(typeof(TEnum));
        var element = Element(field);
        var match = element is not null && JsonXml.TypeOf(element) == JsonXml.String
            ? names.FirstOrDefault(n => string.Equals(n, element.Value.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;
        if (match is null)
        {
            Fail(field, "expected one of " + string.Join(", ", names));
            return null;
        }

        return (TEnum)Enum.Parse(typeof(TEnum), match);
    }

    /// <summary>An array of non-empty strings; a missing field is an empty list.</summary>
    public List<string> StringArray(string field)
    {
        const string Expected = "expected an array of non-empty strings";
        var values = new List<string>();
        foreach (var element in ArrayItems(field, Expected))
        {
            if (JsonXml.TypeOf(element) != JsonXml.String || element.Value.Trim().Length == 0)
            {
                Fail(field, Expected);
                break;
            }

            values.Add(element.Value.Trim());
        }

        return values;
    }

    /// <summary>An array of positive whole numbers (AADSTS codes); a missing field is an empty list.</summary>
    public List<int> PositiveIntArray(string field, string expected)
    {
        var values = new List<int>();
        foreach (var element in ArrayItems(field, expected))
        {
            if (JsonXml.TypeOf(element) != JsonXml.Number || !TryParsePositive(element.Value, out var value))
            {
                Fail(field, expected);
                break;
            }

            values.Add(value);
        }

        return values;
    }

    /// <summary>The items of an array field; a missing field has none, any other type is reported.</summary>
    public IEnumerable<XElement> ArrayItems(string field, string expected)
    {
        var element = Element(field);
        if (element is null)
        {
            return System.Array.Empty<XElement>();
        }

        if (JsonXml.TypeOf(element) != JsonXml.Array)
        {
            Fail(field, expected);
            return System.Array.Empty<XElement>();
        }

        return element.Elements();
    }

    public void Fail(string field, string expected)
    {
        _failures++;
        _fail(field, expected);
    }

    public static bool TryParsePositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
