using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>
/// One table of a query result held in memory: its columns and rows as JSON cells. A result is at most the query
/// API's cap (500,000 rows, 64 MB), so whole tables are only used for aggregates; sign-ins are streamed instead.
/// </summary>
public sealed class WorkspaceTable : IDisposable
{
    private readonly JsonDocument? _document;
    private readonly Dictionary<string, int> _index;
    private readonly IReadOnlyList<JsonElement> _rows;

    public WorkspaceTable(IReadOnlyList<WorkspaceColumn> columns, IReadOnlyList<JsonElement> rows, JsonDocument? document, bool truncated)
    {
        Columns = columns ?? throw new ArgumentNullException(nameof(columns));
        _rows = rows ?? throw new ArgumentNullException(nameof(rows));
        _document = document;
        Truncated = truncated;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            _index[columns[i].Name] = i;
        }
    }

    public IReadOnlyList<WorkspaceColumn> Columns { get; }

    public int RowCount => _rows.Count;

    /// <summary>The service cut the result at its row or size cap (a PartialError): the rows are a prefix of the answer.</summary>
    public bool Truncated { get; }

    /// <summary>Whether the result has the column (a workspace without it leaves it out of a <c>project</c> of <c>column_ifexists</c>).</summary>
    public bool HasColumn(string name) => _index.ContainsKey(name);

    /// <summary>A cell; <see cref="JsonValueKind.Null"/> (or Undefined for an unknown column) when empty.</summary>
    public JsonElement Cell(int row, string column) =>
        _index.TryGetValue(column, out var i) && i < _rows[row].GetArrayLength() ? _rows[row][i] : default;

    public void Dispose() => _document?.Dispose();
}

/// <summary>A result column: its name and Kusto type ("string", "long", "datetime", "dynamic" …).</summary>
public sealed record WorkspaceColumn(string Name, string Type);
