using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Sign-ins from a CSV export: the Entra admin center download or a Log Analytics / Sentinel export. Columns are
/// found by header name (never position); each cell goes through <see cref="SignInRecordBuilder.SetText"/>, which
/// also reads the JSON that Log Analytics dynamic columns hold. A row with too few or too many cells is reported and
/// still read as far as its cells line up with the header; a row past the cap (<see cref="CsvRecordReader.MaxRowChars"/>)
/// is reported and skipped. The header lives in CsvSignInReader.Header.cs.
/// </summary>
internal sealed partial class CsvSignInReader : ISignInRecordSource, IRecordLocator
{
    private readonly TextReader _text;
    private readonly CsvRecordReader _csv;
    private readonly string _source;
    private readonly SignInLogFormat _format;
    private readonly RecordScope _scope;
    private readonly CancellationToken _cancellationToken;
    private readonly Queue<SignInReadItem> _pending = new();
    private readonly Dictionary<SignInField, string> _headerOf = [];
    private SignInRecordBuilder? _builder;
    private SignInField[] _fields = [];
    private int[] _duplicateOf = [];
    private bool[] _repeatsHeader = [];
    private readonly InputNotes _notes = new();
    private long _records;
    private long _nulsNoted;
    private long _badUtf8Unplaced;
    private bool _done;
    private bool _warned;

    public CsvSignInReader(TextReader text, char delimiter, string source, SignInLogFormat format, RecordScope scope, CancellationToken cancellationToken, int maxRowChars = CsvRecordReader.MaxRowChars)
    {
        _scope = scope;
        _text = text;
        _csv = new CsvRecordReader(text, delimiter: delimiter, maxRowChars: maxRowChars);
        _source = source;
        _format = format;
        _cancellationToken = cancellationToken;
    }

    public bool TryRead(out SignInReadItem item)
    {
        while (true)
        {
            if (_pending.Count > 0)
            {
                item = _pending.Dequeue();
                return true;
            }

            var replacements = Utf8Text.Replacements;
            if (_done || !_csv.Read())
            {
                _done = true;
                if (!_warned)
                {
                    _warned = true;
                    TakeWarnings();
                    continue;
                }

                item = default;
                return false;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            NoteChanges(Utf8Text.Replacements - replacements);
            if (_csv.IsTooLong)
            {
                SkipTooLong();
                continue;
            }

            if (_csv.IsBlankLine)
            {
                continue;
            }

            if (_builder is null)
            {
                ReadHeader();
                continue;
            }

            ReadRow(_builder);
        }
    }

    public void Dispose() => _text.Dispose();

    /// <summary>A row past the cap was scanned to its end without keeping it: one located problem, and the next row is read.</summary>
    private void SkipTooLong()
    {
        var size = "longer than " + CsvRecordReader.MaxRowChars.ToString("N0", CultureInfo.InvariantCulture) + " characters (64 MB), which no sign-in is";
        if (_builder is null)
        {
            _pending.Enqueue(SignInProblems.Create(SignInProblems.FormatUnknown, _source, "The CSV header (line " + _csv.Line.ToString(CultureInfo.InvariantCulture) + ") is " + size + ", so this is not a sign-in export.", _csv.Line));
            _done = true;
            return;
        }

        _records++;
        _pending.Enqueue(SignInProblems.Create(
            SignInProblems.RecordInvalid,
            _source,
            "Row " + _records.ToString(CultureInfo.InvariantCulture) + " is " + size + " (a cell that never ends, or a file that is not a sign-in export); it is skipped and reading goes on with the next row.",
            _csv.Line,
            _records));
    }

    /// <summary>
    /// NUL characters read as spaces and bytes not UTF-8 read as U+FFFD, placed at the row that holds them. The text is
    /// decoded ahead of the rows, so a bad byte is placed at the next row that shows a U+FFFD.
    /// </summary>
    private void NoteChanges(long badUtf8)
    {
        long? record = _builder is null ? null : _records + 1;
        if (_csv.HasNul)
        {
            _notes.NulBytes(_csv.NulCount - _nulsNoted, _csv.Line, record);
            _nulsNoted = _csv.NulCount;
        }

        _badUtf8Unplaced += badUtf8;
        if (_badUtf8Unplaced > 0 && ShowsReplacementCharacter())
        {
            _notes.InvalidUtf8(_badUtf8Unplaced, _csv.Line, record);
            _badUtf8Unplaced = 0;
        }
    }

    private bool ShowsReplacementCharacter()
    {
        for (var i = 0; i < _csv.FieldCount; i++)
        {
            if (_csv[i].IndexOf('\uFFFD') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private void TakeWarnings()
    {
        if (_csv.NulCount > _nulsNoted)
        {
            _notes.NulBytes(_csv.NulCount - _nulsNoted, null, null);
        }

        if (_badUtf8Unplaced > 0)
        {
            _notes.InvalidUtf8(_badUtf8Unplaced, null, null);
        }

        _notes.TakeWarnings(_source, _pending);
    }

    private void ReadRow(SignInRecordBuilder builder)
    {
        _records++;
        var cells = _csv.FieldCount;
        if (cells != _fields.Length || _csv.HasUnterminatedQuote)
        {
            var what = _csv.HasUnterminatedQuote
                ? "ends inside a quoted cell (the closing quote is missing)"
                : "has " + cells.ToString(CultureInfo.InvariantCulture) + " cells where the header has " + _fields.Length.ToString(CultureInfo.InvariantCulture);
            _pending.Enqueue(SignInProblems.Create(
                SignInProblems.CsvRowMismatch,
                _source,
                "Row " + _records.ToString(CultureInfo.InvariantCulture) + " " + what + "; the cells that line up with the header are still read.",
                _csv.Line,
                _records));
        }

        builder.Begin(_records, 0, this, _scope.IsLean);
        MapCells(builder, cells);
        if (builder.NeedsWhole(_scope))
        {
            // A failure the caller classifies: the row's cells are still at hand, convert all of them.
            builder.Begin(_records, 0, this);
            MapCells(builder, cells);
        }

        if (_format == SignInLogFormat.AdminCenterCsv)
        {
            AdminCenterCsvColumns.ToGraphValues(builder.Event);
        }

        builder.Complete(_pending);
    }

    private void MapCells(SignInRecordBuilder builder, int cells)
    {
        var count = Math.Min(cells, _fields.Length);
        for (var i = 0; i < count; i++)
        {
            var field = _fields[i];
            if (field == SignInField.None || builder.Skips(field))
            {
                continue;
            }

            var cell = _csv[i];
            if (cell.IsEmpty)
            {
                continue;
            }

            if (_duplicateOf[i] >= 0 && _csv[_duplicateOf[i]] is var first && !first.IsEmpty)
            {
                // The first filled cell wins; one header written twice with two different values is a duplicate name.
                if (_repeatsHeader[i] && !cell.SequenceEqual(first))
                {
                    builder.DuplicateName(field, FieldName(field));
                }

                continue;
            }

            builder.SetText(field, cell);
        }
    }

    public long? LineOf(int recordPosition) => _csv.Line;

    private string FieldName(SignInField field) => _headerOf.TryGetValue(field, out var header) ? header : field.ToString();
}
