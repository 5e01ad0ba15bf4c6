using System;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>The current row's text and field bounds, and the cap that stops them growing (<see cref="MaxRowChars"/>).</summary>
internal sealed partial class CsvRecordReader
{
    private void Append(ReadOnlySpan<char> text)
    {
        if (_tooLong || IsPastCap(text.Length, FieldCount))
        {
            return;
        }

        if (_rowLength + text.Length > _row.Length)
        {
            Array.Resize(ref _row, Math.Max(_row.Length * 2, _rowLength + text.Length));
        }

        text.CopyTo(_row.AsSpan(_rowLength));
        _rowLength += text.Length;
    }

    private void AddField(int start)
    {
        if (_tooLong || IsPastCap(0, FieldCount + 1))
        {
            return;
        }

        if (FieldCount == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, FieldCount * 2);
            Array.Resize(ref _fieldLengths, FieldCount * 2);
        }

        _fieldStarts[FieldCount] = start;
        _fieldLengths[FieldCount] = _rowLength - start;
        FieldCount++;
    }

    /// <summary>True, and the row marked too long, when <paramref name="more"/> chars and <paramref name="fields"/> fields would pass the cap.</summary>
    private bool IsPastCap(int more, int fields)
    {
        if ((long)_rowLength + more + ((long)fields * FieldCost) <= _maxRowChars)
        {
            return false;
        }

        _tooLong = true;
        return true;
    }
}
