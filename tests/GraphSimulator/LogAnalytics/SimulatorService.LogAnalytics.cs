using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator.LogAnalytics;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;
using Microsoft.AspNetCore.Http;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// POST /v1/workspaces/{workspaceId}/query, the Log Analytics query API: the shared admission (token, the query API's
/// own per-user throttle, scripted and random faults), then the documented quirks (no JSON content type: 200 with an
/// empty body; a workspace without data: 204), the per-user concurrency queue, the query, its simulated duration
/// (504 beyond Prefer: wait) and the capped answer.
/// </summary>
internal sealed partial class SimulatorService
{
    private readonly Throttle queryThrottle;
    private readonly QueryGate queryGate;

    public Task LogAnalyticsQueryAsync(HttpContext context, string workspaceId) =>
        HandleAsync(context, Admission.Full, exchange => QueryAsync(exchange, workspaceId), queryThrottle);

    private async Task QueryAsync(Exchange exchange, string workspaceId)
    {
        var la = options.LogAnalytics;
        var request = exchange.Context.Request;
        if (!string.Equals(workspaceId, la.WorkspaceId, StringComparison.OrdinalIgnoreCase))
        {
            await SendQueryErrorAsync(exchange, LogAnalyticsError.WorkspaceNotFound(workspaceId));
            return;
        }

        if (!IsJson(request.ContentType))
        {
            // Documented: a POST without Content-Type: application/json gets 200 with an empty body.
            await exchange.SendAsync(200, Array.Empty<byte>());
            return;
        }

        string? text = null;
        QueryTimespan.Range? range = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: exchange.Context.RequestAborted);
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String)
            {
                text = query.GetString();
            }

            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("timespan", out var timespan) && timespan.ValueKind == JsonValueKind.String)
            {
                range = QueryTimespan.Parse(timespan.GetString()!, Time.GetUtcNow().UtcDateTime);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            await SendQueryErrorAsync(exchange, LogAnalyticsError.BadBody("The body must be JSON with a string 'query' and an optional ISO 8601 'timespan': " + e.Message));
            return;
        }

        exchange.Kql = text;
        if (string.IsNullOrWhiteSpace(text))
        {
            await SendQueryErrorAsync(exchange, LogAnalyticsError.BadBody("The request body has no 'query'."));
            return;
        }

        if (Tenant.LogAnalytics.TotalRows == 0)
        {
            await exchange.SendAsync(204, Array.Empty<byte>());
            return;
        }

        using var slot = await queryGate.EnterAsync(exchange.AppKey!, exchange.Context.RequestAborted);
        if (slot is null)
        {
            await exchange.ErrorAsync(GraphError.Throttled, Scale(TimeSpan.FromSeconds(5)));
            return;
        }

        KqlResult result;
        try
        {
            var workspace = Tenant.LogAnalytics.View(la.MissingTables, la.DroppedColumns);
            result = KqlEvaluator.Run(text, workspace, Time.GetUtcNow().UtcDateTime, range is { } r ? _ => r.Filter : null);
        }
        catch (KqlException e)
        {
            await SendQueryErrorAsync(exchange, LogAnalyticsError.BadQuery(e.InnerCode, e.DetailCode, e.Message));
            return;
        }

        var wait = ServerWait(exchange, la);
        var duration = options.PageLatency + (la.CostPerRow * result.RowsScanned) + (options.LatencyPerRecord * Math.Min(result.Count, la.RowCap));
        if (duration > wait)
        {
            await Task.Delay(Scale(wait), Time, exchange.Context.RequestAborted);
            await SendQueryErrorAsync(exchange, LogAnalyticsError.GatewayTimeout(wait));
            return;
        }

        if (duration > TimeSpan.Zero)
        {
            await Task.Delay(Scale(duration), Time, exchange.Context.RequestAborted);
        }

        var written = QueryResponseWriter.Write(result, la.RowCap, la.ByteCap);
        exchange.Records = written.Rows;
        exchange.Partial = written.Partial;
        await exchange.SendOkAsync(written.Body);
    }

    private static Task SendQueryErrorAsync(Exchange exchange, LogAnalyticsError error) => exchange.SendAsync(error.Status, error.ToBytes());

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Prefer: wait=N (comma-separated with other preferences), at most the service's 600 s; else the 180 s default.</summary>
    private static TimeSpan ServerWait(Exchange exchange, LogAnalyticsOptions la)
    {
        foreach (string preference in exchange.Context.Request.Headers["Prefer"].SelectMany(v => (v ?? "").Split(',', ';')))
        {
            string[] parts = preference.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0)
            {
                var asked = TimeSpan.FromSeconds(seconds);
                return asked > la.MaxWait ? la.MaxWait : asked;
            }
        }

        return la.DefaultWait;
    }
}
