using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
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

    private Task DirectoryAsync(HttpContext context, string version) =>
        HandleAsync(context, Admission.Full, exchange => DirectoryBodyAsync(exchange, version));

    private async Task DirectoryBodyAsync(Exchange exchange, string version)
    {
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
            case SimEndpoint.RoleAssignments:
                await RoleAssignmentsAsync(exchange, version, directory);
                break;
            case SimEndpoint.ServicePrincipals:
                await ServicePrincipalsAsync(exchange, version, directory);
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

    // GET roleManagement/directory/roleAssignments: $filter on roleDefinitionId eq '…' (what the module sends) and
    // $expand=principal; without the expansion the principal is left out, as Graph does.
    private async Task RoleAssignmentsAsync(Exchange exchange, string version, SimDirectory directory)
    {
        var query = exchange.Context.Request.Query;
        if (query.Keys.FirstOrDefault(k => k.StartsWith('$') && !k.Equals("$filter", StringComparison.OrdinalIgnoreCase) && !k.Equals("$expand", StringComparison.OrdinalIgnoreCase)) is { } key)
        {
            await exchange.ErrorAsync(GraphError.BadQuery($"Query option '{key}' is not supported by the simulator on roleAssignments."));
            return;
        }

        var match = System.Text.RegularExpressions.Regex.Match(Single(query, "$filter") ?? string.Empty, @"^\s*roleDefinitionId eq '(?<id>(?:[^']|'')*)'\s*$");
        if (!match.Success)
        {
            await exchange.ErrorAsync(GraphError.InvalidFilter);
            return;
        }

        var role = match.Groups["id"].Value.Replace("''", "'", StringComparison.Ordinal);
        bool expand = string.Equals(Single(query, "$expand"), "principal", StringComparison.OrdinalIgnoreCase);
        var items = directory.RoleAssignments
            .Where(a => string.Equals(a.GetProperty("roleDefinitionId").GetString(), role, StringComparison.OrdinalIgnoreCase))
            .Select(a => expand ? a : WithoutPrincipal(a))
            .ToArray();
        await SendCollectionAsync(exchange, version, "roleManagement/directory/roleAssignments", items);
    }

    private static JsonElement WithoutPrincipal(JsonElement assignment)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(assignment.GetRawText())!.AsObject();
        node.Remove("principal");
        return JsonSerializer.SerializeToElement(node);
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
}
