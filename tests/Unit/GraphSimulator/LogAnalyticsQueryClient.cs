using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>A raw HTTP client of the simulator's Log Analytics query API (what the module's client sends, spelled out).</summary>
internal sealed class LogAnalyticsQueryClient : IDisposable
{
    private readonly HttpClient http;
    private readonly GraphSimulatorHost sim;

    public LogAnalyticsQueryClient(GraphSimulatorHost sim, string? token = "la-token")
    {
        this.sim = sim;
        http = new HttpClient { BaseAddress = sim.LogAnalyticsBaseUri, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public async Task<QueryResponse> QueryAsync(string kql, string? timespan = null, string? prefer = null, string contentType = "application/json", string? workspaceId = null)
    {
        string body = JsonSerializer.Serialize(timespan is null ? new { query = kql } : (object)new { query = kql, timespan });
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/workspaces/" + (workspaceId ?? sim.WorkspaceId) + "/query")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        using var response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new QueryResponse(response.StatusCode, response.Headers, text, text.Length == 0 ? null : JsonDocument.Parse(text));
    }

    public void Dispose() => http.Dispose();
}

internal sealed record QueryResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string Body, JsonDocument? Json)
{
    public JsonElement Table => Json!.RootElement.GetProperty("tables")[0];

    public string[] ColumnNames => Table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();

    public string[] ColumnTypes => Table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString()!).ToArray();

    public JsonElement[] Rows => Table.GetProperty("rows").EnumerateArray().ToArray();

    /// <summary>The cell of a column by name in every row.</summary>
    public JsonElement[] Cells(string column)
    {
        int index = Array.IndexOf(ColumnNames, column);
        return Rows.Select(r => r[index]).ToArray();
    }

    /// <summary>error.code, then each nested innererror.code.</summary>
    public string[] ErrorCodes()
    {
        var codes = new System.Collections.Generic.List<string>();
        if (Json?.RootElement.TryGetProperty("error", out var error) == true)
        {
            while (true)
            {
                codes.Add(error.GetProperty("code").GetString()!);
                if (!error.TryGetProperty("innererror", out error))
                {
                    break;
                }
            }
        }

        return codes.ToArray();
    }
}
