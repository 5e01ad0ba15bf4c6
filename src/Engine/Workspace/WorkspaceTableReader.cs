using System.Collections.Generic;
using System.Text.Json;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>The first table of an answer, held whole (aggregates only; sign-ins are streamed by the sign-in reader).</summary>
internal static class WorkspaceTableReader
{
    public static WorkspaceTable Read(WorkspaceResponse response)
    {
        if (response.IsEmpty)
        {
            return new WorkspaceTable(new List<WorkspaceColumn>(), new List<JsonElement>(), null, truncated: false);
        }

        var document = JsonDocument.Parse(response.Body);
        var columns = new List<WorkspaceColumn>();
        var rows = new List<JsonElement>();
        if (document.RootElement.TryGetProperty("tables", out var tables) && tables.ValueKind == JsonValueKind.Array && tables.GetArrayLength() > 0)
        {
            var table = tables[0];
            if (table.TryGetProperty("columns", out var cols) && cols.ValueKind == JsonValueKind.Array)
            {
                foreach (var column in cols.EnumerateArray())
                {
                    columns.Add(new WorkspaceColumn(Text(column, "name"), Text(column, "type")));
                }
            }

            if (table.TryGetProperty("rows", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in list.EnumerateArray())
                {
                    if (row.ValueKind == JsonValueKind.Array)
                    {
                        rows.Add(row);
                    }
                }
            }
        }

        return new WorkspaceTable(columns, rows, document, response.PartialError is not null);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
