using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Xml.Linq;
using EntraStrongAuth.Core.Json;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Collects the problems of one classification data file while its items are read, then rejects the file if there
/// were any. Shared by the readers of the three data files so they read items and report problems the same way.
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

    /// <summary>
    /// Reads each object of an array with <paramref name="read"/>, which returns null for an item it found wrong.
    /// Problems name the item as "<paramref name="noun"/> 3", or "<paramref name="noun"/> 'id' (<paramref name="noun"/> 3)"
    /// once <paramref name="read"/> has set <see cref="Item.Id"/>.
    /// </summary>
    public List<T> ReadItems<T>(IEnumerable<XElement> items, string noun, Func<JsonFields, Item, T?> read)
        where T : class
    {
        var values = new List<T>();
        var number = 0;
        foreach (var element in items)
        {
            var item = new Item(noun, ++number);
            if (JsonXml.TypeOf(element) != JsonXml.Object)
            {
                Add(item.ToString(), "(item)", "expected a JSON object");
                continue;
            }

            var value = read(new JsonFields(element, (field, expected) => Add(item.ToString(), field, expected)), item);
            if (value is not null)
            {
                values.Add(value);
            }
        }

        return values;
    }

    public void Add(string item, string field, string expected) => _problems.Add(new ClassificationDataProblem(_source, item, field, expected));

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new ClassificationDataException(_problems);
        }
    }

    /// <summary>How problems name an item: by position, and by id once the item's id is read.</summary>
    internal sealed class Item
    {
        private readonly string _noun;

        public Item(string noun, int number)
        {
            _noun = noun;
            Number = number;
        }

        public int Number { get; }

        public string? Id { get; set; }

        public override string ToString() =>
            Id is null
                ? string.Format(CultureInfo.InvariantCulture, "{0} {1}", _noun, Number)
                : string.Format(CultureInfo.InvariantCulture, "{0} '{1}' ({0} {2})", _noun, Id, Number);
    }
}
