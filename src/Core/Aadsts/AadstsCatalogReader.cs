using System;
using System.Collections.Generic;
using System.IO;
using System.Xml.Linq;
using EntraStrongAuth.Core.Json;

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

    public static AadstsCatalogReadResult Read(Stream json, string source)
    {
        var file = JsonDataFile.Load(
            json,
            source,
            SupportedSchemaVersion,
            "{\"schemaVersion\": 1, \"entries\": [ … ]} with an 'entries' array",
            (message, inner) => inner is null ? new AadstsCatalogFormatException(message) : new AadstsCatalogFormatException(message, inner));
        var entries = new List<AadstsCatalogEntry>();
        var problems = new List<AadstsCatalogProblem>();
        var number = 0;
        foreach (var item in file.Array("entries", "catalog entries"))
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

    private static AadstsCatalogEntry? ReadEntry(XElement item, int number, string source, List<AadstsCatalogProblem> problems)
    {
        if (JsonXml.TypeOf(item) != JsonXml.Object)
        {
            problems.Add(new AadstsCatalogProblem(source, number, null, "(entry)", "expected a JSON object"));
            return null;
        }

        // Problems name the entry's code once it is known, so the closure reads the variable, not its first value.
        int? code = null;
        var fields = new JsonFields(item, (field, expected) => problems.Add(new AadstsCatalogProblem(source, number, code, field, expected)));
        code = ReadCode(fields);
        var name = fields.RequiredString("name");
        var meaning = fields.RequiredString("meaning");
        var oauthError = fields.OptionalString("oauthError");
        var interactiveFix = fields.RequiredEnum<InteractiveFix>("interactiveFix");
        var category = fields.RequiredString("category");
        var strongAuth = fields.OptionalBoolean("strongAuth") ?? false;
        var remedy = fields.StringArray("remedy");
        var related = fields.PositiveIntArray("relatedCodes", "expected an array of codes such as [50076, 50079]");

        if (!fields.IsValid || code is null || name is null || meaning is null || interactiveFix is null || category is null)
        {
            return null;
        }

        return new AadstsCatalogEntry(code.Value, name, meaning, oauthError, interactiveFix.Value, category, strongAuth, remedy, related, source);
    }

    /// <summary>A code as a number, or as text people write (<c>"AADSTS50074"</c>).</summary>
    private static int? ReadCode(JsonFields fields)
    {
        var element = fields.Element("code");
        if (element is not null && JsonXml.TypeOf(element) == JsonXml.Number && JsonFields.TryParsePositive(element.Value, out var code))
        {
            return code;
        }

        if (element is not null && JsonXml.TypeOf(element) == JsonXml.String && AadstsCode.TryParse(element.Value, out code))
        {
            return code;
        }

        fields.Fail("code", "expected a positive whole number such as 50074");
        return null;
    }
}
