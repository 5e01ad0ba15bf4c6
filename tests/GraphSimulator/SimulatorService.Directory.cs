using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator.Filter;
using Microsoft.AspNetCore.Http;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>The authentication endpoints: registration report, per-user methods, methods policy, groups, strengths, CA.</summary>
internal sealed partial class SimulatorService
{
    internal const string InBatchItem = "sim.inBatch";

    /// <summary>Any GET under /beta or /v1.0: dispatched on the path (also what inner $batch requests go through).</summary>
    public Task RouteAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "";
        string version = path.TrimStart('/').Split('/')[0];
        return SimEndpoints.Classify(path, out _) switch
        {
            SimEndpoint.SignIns => SignInsAsync(context, version),
            SimEndpoint.Organization => OrganizationAsync(context, version),
            SimEndpoint.Unknown or SimEndpoint.Batch => NotFoundAsync(context),
            _ => DirectoryAsync(context, version),
        };
    }

    private async Task DirectoryAsync(HttpContext context, string version)
    {
        var exchange = new Exchange(this, context);
        try
        {
            if (!await AdmitAsync(exchange))
            {
                return;
            }

            if (options.DeniedEndpoints.Contains(exchange.Endpoint))
            {
                await exchange.ErrorAsync(GraphError.MissingScope);
                return;
            }

            if (!exchange.Request.InBatch)
            {
                await DirectoryDelayAsync(exchange.Context);
            }

            var directory = Tenant.Directory;
            switch (exchange.Endpoint)
            {
                case SimEndpoint.UserRegistrationDetails:
                    await RegistrationDetailsAsync(exchange, version, directory);
                    break;
                case SimEndpoint.AuthenticationMethods:
                    if (!await NoQueryAsync(exchange))
                    {
                        break;
                    }

                    if (directory.MethodsOf(exchange.Key!) is not { } methods)
                    {
                        await exchange.ErrorAsync(GraphError.ResourceNotFound(exchange.Key!));
                        break;
                    }

                    await SendCollectionAsync(exchange, version, "users('" + exchange.Key + "')/authentication/methods", methods);
                    break;
                case SimEndpoint.User:
                    await UserAsync(exchange, version, directory);
                    break;
                case SimEndpoint.AuthenticationMethodsPolicy:
                    if (!await NoQueryAsync(exchange))
                    {
                        break;
                    }

                    if (directory.MethodsPolicy is not { } policy)
                    {
                        await exchange.ErrorAsync(GraphError.NotFound(exchange.Request.Path));
                        break;
                    }

                    // The context is the type's, as in the authenticationmethodspolicy-get example response.
                    await SendEntityAsync(exchange, version, "authenticationMethodsPolicy", policy);
                    break;
                case SimEndpoint.GroupTransitiveMembers:
                    if (directory.TransitiveMembersOf(exchange.Key!) is not { } members)
                    {
                        await exchange.ErrorAsync(GraphError.ResourceNotFound(exchange.Key!));
                        break;
                    }

                    bool usersOnly = exchange.Request.Path.EndsWith("/microsoft.graph.user", StringComparison.OrdinalIgnoreCase);
                    await PagedAsync(exchange, version, usersOnly ? "users" : "directoryObjects",
                        usersOnly ? members.Where(m => m.GetProperty("@odata.type").GetString() == "#microsoft.graph.user").ToArray() : members,
                        options.DirectoryPageSize, 999, allowFilter: false, allowSelect: true);
                    break;
                case SimEndpoint.ConditionalAccessPolicies:
                    if (await NoQueryAsync(exchange))
                    {
                        await SendCollectionAsync(exchange, version, "identity/conditionalAccess/policies", directory.ConditionalAccessPolicies);
                    }

                    break;
                default:
                    if (await NoQueryAsync(exchange))
                    {
                        bool underIdentity = exchange.Request.Path.Contains("/identity/", StringComparison.OrdinalIgnoreCase);
                        await SendCollectionAsync(exchange, version,
                            underIdentity ? "identity/conditionalAccess/authenticationStrength/policies" : "policies/authenticationStrengthPolicies",
                            directory.StrengthPolicies);
                    }

                    break;
            }
        }
        finally
        {
            exchange.Log();
        }
    }

    // GET users/{id | userPrincipalName}: only $select is taken (Graph's default property set otherwise).
    private async Task UserAsync(Exchange exchange, string version, SimDirectory directory)
    {
        var query = exchange.Context.Request.Query;
        if (query.Keys.FirstOrDefault(k => k.StartsWith('$') && !k.Equals("$select", StringComparison.OrdinalIgnoreCase)) is { } key)
        {
            await exchange.ErrorAsync(GraphError.BadQuery($"Query option '{key}' is not supported by the simulator on users/{{id}}."));
            return;
        }

        if (directory.UserOf(exchange.Key!) is not { } user)
        {
            await exchange.ErrorAsync(GraphError.ResourceNotFound(exchange.Key!));
            return;
        }

        var selected = Single(query, "$select")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (selected?.FirstOrDefault(name => !user.TryGetProperty(name, out _)) is { } unknown)
        {
            await exchange.ErrorAsync(GraphError.UnknownProperty(unknown, "microsoft.graph.user"));
            return;
        }

        exchange.Records = 1;
        await SendJsonAsync(exchange, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", new Uri(BaseUri, version + "/$metadata#users/$entity").ToString());
            foreach (var property in user.EnumerateObject())
            {
                if (selected is null || selected.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>The directory service's time to answer (<see cref="GraphSimulatorOptions.DirectoryLatency"/>, scaled).</summary>
    private Task DirectoryDelayAsync(HttpContext context) =>
        options.DirectoryLatency > TimeSpan.Zero ? Task.Delay(Scale(options.DirectoryLatency), Time, context.RequestAborted) : Task.CompletedTask;

    private Task RegistrationDetailsAsync(Exchange exchange, string version, SimDirectory directory) =>
        PagedAsync(exchange, version, "reports/authenticationMethods/userRegistrationDetails", directory.RegistrationDetails,
            options.RegistrationPageSize, options.RegistrationPageSize, allowFilter: true, Orderable);

    // userRegistrationDetails: userPrincipalName and userDisplayName "Support … $orderby" (resource doc).
    private static readonly string[] Orderable = { "userPrincipalName", "userDisplayName" };

    // The non-paged endpoints take no query options in the simulator; a client sending one finds out (400), not a silent ignore.
    private static async Task<bool> NoQueryAsync(Exchange exchange)
    {
        if (exchange.Context.Request.Query.Keys.FirstOrDefault(k => k.StartsWith('$')) is { } key)
        {
            await exchange.ErrorAsync(GraphError.BadQuery($"Query option '{key}' is not supported by the simulator on this endpoint."));
            return false;
        }

        return true;
    }

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

    private Task SendCollectionAsync(Exchange exchange, string version, string resource, IReadOnlyList<JsonElement> items, string? nextLink = null)
    {
        exchange.Records = items.Count;
        return SendJsonAsync(exchange, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", new Uri(BaseUri, version + "/$metadata#" + resource).ToString());
            if (nextLink is not null)
            {
                writer.WriteString("@odata.nextLink", nextLink);
            }

            writer.WriteStartArray("value");
            foreach (var item in items)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private Task SendEntityAsync(Exchange exchange, string version, string resource, JsonElement entity) =>
        SendJsonAsync(exchange, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", new Uri(BaseUri, version + "/$metadata#" + resource).ToString());
            foreach (var property in entity.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        });

    /// <summary>A 200 JSON body, subject to the body faults (truncated, dropped mid-body) like a signIns page.</summary>
    private static async Task SendJsonAsync(Exchange exchange, Action<Utf8JsonWriter> write)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        byte[] body = stream.ToArray();
        switch (exchange.Fault)
        {
            case FaultKind.TruncatedBody:
                await exchange.SendTruncatedAsync(body);
                break;
            case FaultKind.DropMidBody:
                await exchange.SendAndDropAsync(body);
                break;
            default:
                await exchange.SendAsync(200, body);
                break;
        }
    }
}
