using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// What names the directory's ids: POST directoryObjects/getByIds (up to 1000 ids, optional types) and GET
/// servicePrincipals?$filter=appId in ('…', …) (at most 15 values), the two requests a name resolver makes.
/// </summary>
internal sealed partial class SimulatorService
{
    /// <summary>getByIds: "ids … up to 1000" (directoryobject-getbyids, Request body).</summary>
    public const int MaxGetByIds = 1000;

    /// <summary>"in" is limited to 15 expressions in the filter clause by default (filter-query-parameter, known issues).</summary>
    public const int MaxInValues = 15;

    private static readonly string[] DirectoryObjectTypes = { "user", "group", "servicePrincipal", "application", "device", "directoryObjectPartnerReference" };

    private static readonly Regex AppIdFilter = new(
        @"^\s*appId\s+(?:eq\s+(?<v>'(?:[^']|'')*')|in\s*\(\s*(?<v>'(?:[^']|'')*')(?:\s*,\s*(?<v>'(?:[^']|'')*'))*\s*\))\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public Task GetByIdsAsync(HttpContext context, string version) =>
        HandleAsync(context, Admission.Full, exchange => GetByIdsBodyAsync(exchange, version));

    private async Task GetByIdsBodyAsync(Exchange exchange, string version)
    {
        if (options.DeniedEndpoints.Contains(SimEndpoint.DirectoryObjectsByIds))
        {
            await exchange.ErrorAsync(GraphError.MissingScope);
            return;
        }

        await DirectoryDelayAsync(exchange.Context);
        (string[] Ids, string[]? Types) request;
        try
        {
            request = await ReadGetByIdsAsync(exchange.Context.Request);
        }
        catch (BatchException e)
        {
            await exchange.ErrorAsync(new GraphError(400, "Request_BadRequest", e.Message));
            return;
        }

        var objects = Tenant.Directory.Objects;
        // Unknown ids are left out of the answer, never an error (the resolver must expect fewer objects than ids).
        var found = request.Ids
            .Select(id => objects.ObjectOf(id))
            .OfType<JsonElement>()
            .Where(o => request.Types is null || request.Types.Contains(TypeOf(o), StringComparer.OrdinalIgnoreCase))
            .ToArray();
        await SendCollectionAsync(exchange, version, "directoryObjects", found);
    }

    private static async Task<(string[] Ids, string[]? Types)> ReadGetByIdsAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            throw new BatchException("Invalid request body.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ids", out var ids) || ids.ValueKind != JsonValueKind.Array)
            {
                throw new BatchException("The request body must carry 'ids', a collection of object ids.");
            }

            var list = ids.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : "").ToArray();
            if (list.Length == 0 || list.Length > MaxGetByIds)
            {
                throw new BatchException(string.Create(CultureInfo.InvariantCulture, $"The number of ids must be between 1 and {MaxGetByIds}; found {list.Length}."));
            }

            if (list.FirstOrDefault(i => !Guid.TryParse(i, out _)) is { } bad)
            {
                throw new BatchException($"Invalid object identifier '{bad}'.");
            }

            string[]? types = null;
            if (root.TryGetProperty("types", out var t) && t.ValueKind == JsonValueKind.Array)
            {
                types = t.EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
                if (types.FirstOrDefault(x => !DirectoryObjectTypes.Contains(x, StringComparer.OrdinalIgnoreCase)) is { } unknown)
                {
                    throw new BatchException($"Invalid type '{unknown}'.");
                }
            }

            return (list, types);
        }
    }

    // GET servicePrincipals: $filter appId eq '…' or appId in ('…', …) (at most 15 values) and $select; other options → 400.
    private async Task ServicePrincipalsAsync(Exchange exchange, string version, SimDirectory directory)
    {
        var query = exchange.Context.Request.Query;
        if (query.Keys.FirstOrDefault(k => k.StartsWith('$') && !k.Equals("$filter", StringComparison.OrdinalIgnoreCase) && !k.Equals("$select", StringComparison.OrdinalIgnoreCase)) is { } key)
        {
            await exchange.ErrorAsync(GraphError.BadQuery($"Query option '{key}' is not supported by the simulator on servicePrincipals."));
            return;
        }

        var match = AppIdFilter.Match(Single(query, "$filter") ?? string.Empty);
        if (!match.Success)
        {
            await exchange.ErrorAsync(GraphError.InvalidFilter);
            return;
        }

        var values = match.Groups["v"].Captures.Select(c => c.Value[1..^1].Replace("''", "'", StringComparison.Ordinal)).ToArray();
        if (values.Length > MaxInValues)
        {
            await exchange.ErrorAsync(GraphError.BadQuery(string.Create(CultureInfo.InvariantCulture,
                $"Too many child clauses specified in search filter expression containing 'OR' operators: {values.Length}. Max allowed: {MaxInValues}.")));
            return;
        }

        var selected = Single(query, "$select")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = values.Distinct(StringComparer.OrdinalIgnoreCase).Select(v => directory.Objects.ServicePrincipalOfApp(v)).OfType<JsonElement>().ToArray();
        if (selected?.FirstOrDefault(name => found.Length > 0 && !found[0].TryGetProperty(name, out _) && name != "id") is { } unknown)
        {
            await exchange.ErrorAsync(GraphError.UnknownProperty(unknown, "microsoft.graph.servicePrincipal"));
            return;
        }

        var items = selected is null ? found : found.Select(sp => Select(sp, selected)).ToArray();
        await SendCollectionAsync(exchange, version, "servicePrincipals" + (selected is null ? "" : "(" + string.Join(",", selected) + ")"), items);
    }

    private static JsonElement Select(JsonElement item, IReadOnlyCollection<string> names)
    {
        var node = new System.Text.Json.Nodes.JsonObject();
        foreach (var property in item.EnumerateObject().Where(p => names.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
        {
            node[property.Name] = System.Text.Json.Nodes.JsonNode.Parse(property.Value.GetRawText());
        }

        return JsonSerializer.SerializeToElement(node);
    }

    private static string TypeOf(JsonElement item) =>
        (item.GetProperty("@odata.type").GetString() ?? "").Replace("#microsoft.graph.", "", StringComparison.Ordinal);
}
