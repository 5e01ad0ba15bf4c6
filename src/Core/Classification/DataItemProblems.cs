using System;
using System.Collections.Generic;
using System.IO;
using System.Xml.Linq;
using EntraStrongAuth.Core.Json;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Collects the problems of one classification data file while its items are read, then rejects the file if there
/// were any. Shared by the readers of the three data files so they report problems the same way.
/// </summary>
internal sealed class DataItemProblems
{
    private readonly string _source;
    private readonly List<ClassificationDataProblem> _problems = new();

    private DataItemProblems(string source)
    {
        _source = source;
    }

    public static (JsonDataFile File, DataItemProblems Problems) Open(Stream json, string source, string shape)
    {
        var file = JsonDataFile.Load(
            json,
            source,
            ClassificationData.SupportedSchemaVersion,
            shape,
            (message, inner) => inner is null ? new ClassificationDataException(message) : new ClassificationDataException(message, inner));
        return (file, new DataItemProblems(source));
    }

    /// <summary>Field readers for one item; null (and a problem) when the item is not an object. <paramref name="describe"/> is asked late, so it can use the item's id once read.</summary>
    public JsonFields? Fields(XElement item, Func<string> describe)
    {
        if (JsonXml.TypeOf(item) != JsonXml.Object)
        {
            Add(describe(), "(item)", "expected a JSON object");
            return null;
        }

        return new JsonFields(item, (field, expected) => Add(describe(), field, expected));
    }

    public void Add(string item, string field, string expected) => _problems.Add(new ClassificationDataProblem(_source, item, field, expected));

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new ClassificationDataException(_problems);
        }
    }
}
