using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace EntraStrongAuth.Core.Json;

/// <summary>
/// The outer shape every data file shares: a JSON object with an optional <c>schemaVersion</c> and named arrays of
/// items. Shape errors reject the whole file, with the file name, through the caller's exception type.
/// </summary>
internal sealed class JsonDataFile
{
    private readonly string _source;
    private readonly Func<string, Exception?, Exception> _error;

    private JsonDataFile(XElement root, string source, Func<string, Exception?, Exception> error)
    {
        Root = root;
        _source = source;
        _error = error;
    }

    public XElement Root { get; }

    /// <summary>
    /// Parses the file and checks its outer shape. <paramref name="shape"/> describes the expected shape for messages
    /// (e.g. <c>{"schemaVersion": 1, "entries": [ … ]}</c>); <paramref name="error"/> makes the caller's exception from a
    /// message and the inner exception (or null).
    /// </summary>
    public static JsonDataFile Load(Stream json, string source, int schemaVersion, string shape, Func<string, Exception?, Exception> error)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        XElement root;
        try
        {
            root = JsonXml.Load(json);
        }
        catch (XmlException ex)
        {
            throw error(string.Format(CultureInfo.InvariantCulture, "{0}: not valid JSON ({1}). Expected {2}.", source, ex.Message, shape), ex);
        }

        if (JsonXml.TypeOf(root) != JsonXml.Object)
        {
            throw error(string.Format(CultureInfo.InvariantCulture, "{0}: the file must hold a JSON object: {1}.", source, shape), null);
        }

        var version = root.Element("schemaVersion");
        var supported = schemaVersion.ToString(CultureInfo.InvariantCulture);
        if (version is not null && (JsonXml.TypeOf(version) != JsonXml.Number || version.Value != supported))
        {
            throw error(
                string.Format(CultureInfo.InvariantCulture, "{0}: field 'schemaVersion' is '{1}'; this version of EntraStrongAuth reads schema version {2}.", source, version.Value, supported),
                null);
        }

        return new JsonDataFile(root, source, error);
    }

    /// <summary>The items of a required top-level array.</summary>
    public IEnumerable<XElement> Array(string field, string itemsName)
    {
        var element = Root.Element(field);
        if (element is null || JsonXml.TypeOf(element) != JsonXml.Array)
        {
            throw _error(string.Format(CultureInfo.InvariantCulture, "{0}: field '{1}' is missing or is not an array of {2}.", _source, field, itemsName), null);
        }

        return element.Elements();
    }
}
