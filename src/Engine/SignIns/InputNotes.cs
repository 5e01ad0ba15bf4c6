using System.Collections.Generic;
using System.Globalization;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// What a reader changed while reading a file, so nothing changes silently: NUL bytes read as spaces, bytes that are
/// not UTF-8 read as U+FFFD, a property named twice (the last value kept). Each kind is one warning at the end of the
/// file, with its count and the first place it happened.
/// </summary>
internal sealed class InputNotes
{
    private readonly Kind _nulBytes = new();
    private readonly Kind _invalidUtf8 = new();
    private readonly Kind _duplicateNames = new();

    /// <summary>How the file writes slash dates (day or month first), decided as its dates prove it.</summary>
    public SlashDateOrder SlashDates { get; } = new();

    /// <param name="count">NUL bytes read as spaces.</param>
    /// <param name="line">Where the first one is, when known.</param>
    /// <param name="record">Its record, when known.</param>
    public void NulBytes(long count, long? line, long? record) => _nulBytes.Note(count, line, record, null);

    public void InvalidUtf8(long count, long? line, long? record) => _invalidUtf8.Note(count, line, record, null);

    public void DuplicateName(long? line, long record, string name) => _duplicateNames.Note(1, line, record, name);

    /// <summary>Adds one warning per kind that happened (once: the counts start again at zero).</summary>
    public void TakeWarnings(string source, Queue<SignInReadItem> output)
    {
        Take(_nulBytes, source, output, "NUL byte(s) (binary zero, which text never holds) were read as spaces", "; a value that held one may differ from the original.");
        Take(_invalidUtf8, source, output, "byte sequence(s) that are not valid UTF-8 were read as U+FFFD (\uFFFD)", "; the values that held them differ from the original. Export the file as UTF-8.");
        Take(_duplicateNames, source, output, "record(s) name a property twice; the later value was kept (unless it was null)", ". Properties the classification reads make the record invalid instead.");
        SlashDates.TakeWarning(source, output);
    }

    private static void Take(Kind kind, string source, Queue<SignInReadItem> output, string what, string consequence)
    {
        if (kind.Count == 0)
        {
            return;
        }

        var where = new List<string>();
        if (kind.Line is { } line)
        {
            where.Add("line " + line.ToString(CultureInfo.InvariantCulture));
        }

        if (kind.Record is { } record)
        {
            where.Add("record " + record.ToString(CultureInfo.InvariantCulture));
        }

        if (kind.Name is { } name)
        {
            where.Add("property " + SignInProblems.Show(name));
        }

        var first = where.Count == 0 ? string.Empty : " (the first at " + string.Join(", ", where) + ")";
        output.Enqueue(new SignInReadItem(source + ": " + kind.Count.ToString(CultureInfo.InvariantCulture) + " " + what + first + consequence));
        kind.Clear();
    }

    private sealed class Kind
    {
        public long Count { get; private set; }

        public long? Line { get; private set; }

        public long? Record { get; private set; }

        public string? Name { get; private set; }

        public void Note(long count, long? line, long? record, string? name)
        {
            if (Count == 0)
            {
                Line = line;
                Record = record;
                Name = name;
            }

            Count += count;
        }

        public void Clear()
        {
            Count = 0;
            Line = Record = null;
            Name = null;
        }
    }
}
