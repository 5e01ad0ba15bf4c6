using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics.Data;

/// <summary>
/// One workspace table stored by column: strings and dynamic cells as ids into a shared <see cref="StringPool"/>
/// (dynamic cells keep their JSON text and are parsed when read), datetimes and longs as longs, bools as sbytes.
/// </summary>
internal sealed class StoredTable : KqlTable
{
    private const long NullNumber = long.MinValue;

    private readonly StringPool pool;
    private readonly List<int>?[] textCells;
    private readonly List<long>?[] numberCells;
    private readonly List<sbyte>?[] flagCells;
    private readonly StoredRows rows;

    public StoredTable(string name, IReadOnlyList<KqlColumn> columns, StringPool pool)
    {
        Name = name;
        this.pool = pool;
        textCells = new List<int>?[columns.Count];
        numberCells = new List<long>?[columns.Count];
        flagCells = new List<sbyte>?[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            switch (columns[i].Type)
            {
                case KqlType.Bool:
                    flagCells[i] = new List<sbyte>();
                    break;
                case KqlType.Long or KqlType.Int or KqlType.DateTime or KqlType.TimeSpan:
                    numberCells[i] = new List<long>();
                    break;
                default:
                    textCells[i] = new List<int>();
                    break;
            }
        }

        rows = new StoredRows(this, columns);
    }

    public override string Name { get; }

    internal override RowSet Rows => rows;

    private int count;

    /// <summary>Appends a row; <paramref name="cells"/> holds each column's text (null for a null cell), typed by the column.</summary>
    public void Add(IReadOnlyList<string?> cells)
    {
        var columns = rows.Columns;
        for (int i = 0; i < columns.Count; i++)
        {
            string? text = cells[i];
            switch (columns[i].Type)
            {
                // A value that does not parse as the column's type is stored as null, as Kusto ingestion does.
                case KqlType.Bool:
                    flagCells[i]!.Add(bool.TryParse(text, out bool flag) ? (flag ? (sbyte)1 : (sbyte)0) : (sbyte)-1);
                    break;
                case KqlType.DateTime:
                    numberCells[i]!.Add(text is not null && KqlValues.TryParseDateTime(text) is DateTime time ? time.Ticks : NullNumber);
                    break;
                case KqlType.Long or KqlType.Int:
                    numberCells[i]!.Add(long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number) ? number : NullNumber);
                    break;
                case KqlType.TimeSpan:
                    numberCells[i]!.Add(TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span.Ticks : NullNumber);
                    break;
                case KqlType.Dynamic:
                    textCells[i]!.Add(text is null ? -1 : pool.Intern(text));
                    break;
                default:
                    // String columns are never null in Kusto: an absent value is "".
                    textCells[i]!.Add(pool.Intern(text ?? ""));
                    break;
            }
        }

        count++;
    }

    public void TrimExcess()
    {
        foreach (var list in textCells)
        {
            list?.TrimExcess();
        }

        foreach (var list in numberCells)
        {
            list?.TrimExcess();
        }

        foreach (var list in flagCells)
        {
            list?.TrimExcess();
        }
    }

    private object? Get(int row, int column)
    {
        switch (rows.Columns[column].Type)
        {
            case KqlType.Bool:
                sbyte flag = flagCells[column]![row];
                return flag < 0 ? null : flag == 1;
            case KqlType.DateTime:
            {
                long ticks = numberCells[column]![row];
                return ticks == NullNumber ? null : new DateTime(ticks, DateTimeKind.Utc);
            }

            case KqlType.TimeSpan:
            {
                long ticks = numberCells[column]![row];
                return ticks == NullNumber ? null : TimeSpan.FromTicks(ticks);
            }

            case KqlType.Long or KqlType.Int:
            {
                long value = numberCells[column]![row];
                return value == NullNumber ? null : value;
            }

            case KqlType.Dynamic:
            {
                int id = textCells[column]![row];
                return id < 0 ? null : JsonNode.Parse(pool[id]);
            }

            default:
                return pool[textCells[column]![row]];
        }
    }

    private sealed class StoredRows(StoredTable table, IReadOnlyList<KqlColumn> columns) : RowSet(columns)
    {
        public override int Count => table.count;

        public override object? Get(int row, int column) => table.Get(row, column);
    }
}
