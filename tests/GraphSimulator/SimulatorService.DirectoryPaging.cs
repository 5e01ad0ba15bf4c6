using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator.Filter;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>
/// A paged directory collection: the query options it takes ($top, $skiptoken, and per endpoint $filter, $orderby,
/// $select), the page and its next link, and the $select projection.
/// </summary>
internal sealed partial class SimulatorService
{
    private async Task PagedAsync(Exchange exchange, string version, string resource, IReadOnlyList<JsonElement> items, int defaultTop,
        int maxTop, bool allowFilter, string[]? orderable = null, bool allowSelect = false)
    {
        var query = exchange.Context.Request.Query;
        foreach (var key in query.Keys)
        {
            bool known = key.Equals("$top", StringComparison.OrdinalIgnoreCase) || key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase)
                || (allowFilter && key.Equals("$filter", StringComparison.OrdinalIgnoreCase))
                || (orderable is not null && key.Equals("$orderby", StringComparison.OrdinalIgnoreCase))
                || (allowSelect && key.Equals("$select", StringComparison.OrdinalIgnoreCase));
            if (key.StartsWith('$') && !known)
            {
                await exchange.ErrorAsync(GraphError.BadQuery($"Query option '{key}' is not supported on {resource}."));
                return;
            }
        }

        int top = defaultTop;
        if (Single(query, "$top") is { } topText
            && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > maxTop))
        {
            await exchange.ErrorAsync(new GraphError(400, "BadRequest",
                string.Create(CultureInfo.InvariantCulture, $"Invalid page size specified: '{topText}'. Must be between 1 and {maxTop} inclusive.")));
            return;
        }

        Func<JsonElement, bool> predicate;
        try
        {
            predicate = RegistrationFilter.Parse(exchange.Request.Filter);
        }
        catch (FilterException)
        {
            await exchange.ErrorAsync(GraphError.InvalidFilter);
            return;
        }

        if (Single(query, "$orderby") is { } orderBy)
        {
            string[] parts = orderBy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string? property = orderable!.FirstOrDefault(p => p.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
            bool descending = parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (property is null || parts.Length > 2 || (parts.Length == 2 && !descending && !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase)))
            {
                await exchange.ErrorAsync(GraphError.BadQuery($"$orderby '{orderBy}' is not supported on {resource}."));
                return;
            }

            string Key(JsonElement e) => e.GetProperty(property).GetString() ?? "";
            items = descending ? items.OrderByDescending(Key, StringComparer.OrdinalIgnoreCase).ToArray() : items.OrderBy(Key, StringComparer.OrdinalIgnoreCase).ToArray();
        }

        string queryKey = QueryKey(exchange.Request.Path, query);
        if (await PageOffsetAsync(exchange, query, queryKey) is not { } offset)
        {
            return;
        }

        string[]? selected = Single(query, "$select")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (selected?.FirstOrDefault(name => !items.Any(i => i.TryGetProperty(name, out _))) is { } unknown)
        {
            await exchange.ErrorAsync(GraphError.UnknownProperty(unknown, "microsoft.graph.directoryObject"));
            return;
        }

        var matching = items.Where(predicate).Skip(offset).Take(top + 1).ToList();
        bool more = matching.Count > top;
        var page = matching.Take(top).Select(item => selected is null ? item : Project(item, selected)).ToList();
        string? nextLink = null;
        if (more)
        {
            var next = query.Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
                .Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value.ToString())).ToList();
            next.Add("$skiptoken=" + SkipToken.Create(offset + page.Count, Time.GetUtcNow(), queryKey));
            nextLink = new Uri(BaseUri, exchange.Request.Path.TrimStart('/')) + "?" + string.Join('&', next);
        }

        await SendCollectionAsync(exchange, version, resource, page, nextLink);
    }

    // $select on a directory collection: only the named properties, in the object's own order.
    private static JsonElement Project(JsonElement item, string[] names)
    {
        var projected = new System.Text.Json.Nodes.JsonObject();
        foreach (var property in item.EnumerateObject().Where(p => names.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
        {
            projected[property.Name] = System.Text.Json.Nodes.JsonNode.Parse(property.Value.GetRawText());
        }

        return JsonSerializer.SerializeToElement(projected);
    }
}
