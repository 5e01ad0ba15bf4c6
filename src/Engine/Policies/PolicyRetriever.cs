using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Connection;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Policies;

/// <summary>
/// Reads the tenant's authentication strengths (v1.0 <c>policies/authenticationStrengthPolicies</c>) and Conditional
/// Access policies (beta <c>identity/conditionalAccess/policies</c>, report-only included) under the connection's
/// shared limiter. Both need Policy.Read.All.
/// </summary>
public sealed class PolicyRetriever
{
    public const string RequiredPermission = "Policy.Read.All";

    internal const string StrengthsPath = "v1.0/policies/authenticationStrengthPolicies";
    internal const string ConfigurationsPath = "v1.0/identity/conditionalAccess/authenticationStrength/policies/{0}/combinationConfigurations";
    internal const string PoliciesPath = "beta/identity/conditionalAccess/policies";

    private readonly Uri _graphEndpoint;
    private readonly GraphCollectionReader _reader;

    public PolicyRetriever(GraphConnection connection, RetrievalOptions? options = null)
        : this(GraphReadContext.From(connection, options))
    {
    }

    internal PolicyRetriever(GraphReadContext context)
    {
        _graphEndpoint = context.GraphEndpoint;
        _reader = new GraphCollectionReader(context);
    }

    /// <summary>Requests made so far by this retriever.</summary>
    public int Requests => _reader.Requests;

    /// <summary>
    /// Built-in and custom strengths. Graph returns combinationConfigurations inline; for a custom strength whose record
    /// lacks them, they are read from the strength's combinationConfigurations collection.
    /// </summary>
    public async Task<PolicyReadResult<AuthenticationStrength>> GetAuthenticationStrengthsAsync(RetrievalEvents? events, CancellationToken cancellationToken)
    {
        events ??= new RetrievalEvents();
        var url = new Uri(_graphEndpoint, StrengthsPath);
        var source = "Graph " + url.AbsolutePath;
        var records = await _reader.ReadAllAsync(url, RequiredPermission, "authentication strengths", events, cancellationToken).ConfigureAwait(false);
        var problems = new List<PolicyReadProblem>();
        var strengths = new List<AuthenticationStrength>();
        for (var index = 0; index < records.Count; index++)
        {
            var record = records[index];
            IReadOnlyList<CombinationConfiguration>? configurations = null;
            var isCustom = !string.Equals(SafeString(record, "policyType"), "builtIn", StringComparison.OrdinalIgnoreCase);
            if (isCustom && !StrengthJsonParser.HasConfigurations(record) && SafeString(record, "id") is { } id)
            {
                configurations = await ReadConfigurationsAsync(id, index + 1, problems, events, cancellationToken).ConfigureAwait(false);
            }

            if (StrengthJsonParser.Parse(record, source, index + 1, problems, configurations) is { } strength)
            {
                strengths.Add(strength);
            }
        }

        return new PolicyReadResult<AuthenticationStrength>(strengths, problems);
    }

    /// <summary>Every Conditional Access policy of the tenant, whatever it demands and whatever its state.</summary>
    public async Task<PolicyReadResult<StrongAuthPolicy>> GetConditionalAccessPoliciesAsync(RetrievalEvents? events, CancellationToken cancellationToken)
    {
        events ??= new RetrievalEvents();
        var url = new Uri(_graphEndpoint, PoliciesPath);
        var source = "Graph " + url.AbsolutePath;
        var records = await _reader.ReadAllAsync(url, RequiredPermission, "Conditional Access policies", events, cancellationToken).ConfigureAwait(false);
        var problems = new List<PolicyReadProblem>();
        var policies = records
            .Select((record, index) => ConditionalAccessPolicyJsonParser.Parse(record, source, index + 1, problems))
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();
        return new PolicyReadResult<StrongAuthPolicy>(policies, problems);
    }

    private async Task<IReadOnlyList<CombinationConfiguration>> ReadConfigurationsAsync(string strengthId, int record, List<PolicyReadProblem> problems, RetrievalEvents events, CancellationToken cancellationToken)
    {
        var url = new Uri(_graphEndpoint, string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfigurationsPath, Uri.EscapeDataString(strengthId)));
        var source = "Graph " + url.AbsolutePath;
        IReadOnlyList<System.Text.Json.JsonElement> items;
        try
        {
            items = await _reader.ReadAllAsync(url, RequiredPermission, "combination configurations of strength " + strengthId, events, cancellationToken).ConfigureAwait(false);
        }
        catch (EntraStrongAuthException ex) when (ex.ErrorId != ErrorIds.GraphUnauthorized)
        {
            // The strength itself was read: keep it, and say its restrictions are unknown rather than absent.
            problems.Add(new PolicyReadProblem(
                StrengthJsonParser.UnknownConfiguration,
                source,
                "the combination configurations could not be read (" + ex.ErrorId + ": " + ex.Message + "); the strength is shown without its restrictions.",
                record,
                strengthId,
                isWarning: true));
            return Array.Empty<CombinationConfiguration>();
        }

        var list = new List<CombinationConfiguration>();
        foreach (var item in items)
        {
            try
            {
                list.AddRange(StrengthJsonParser.ParseConfigurations(JsonArray(item), source, record, strengthId, problems));
            }
            catch (PolicyShapeException ex)
            {
                problems.Add(new PolicyReadProblem(StrengthJsonParser.InvalidRecord, source, "a combination configuration could not be read: " + ex.Message, record, strengthId, isWarning: true));
            }
        }

        return list;
    }

    // ParseConfigurations takes an array; a page's items come one by one.
    private static System.Text.Json.JsonElement JsonArray(System.Text.Json.JsonElement item)
    {
        using var document = System.Text.Json.JsonDocument.Parse("[" + item.GetRawText() + "]");
        return document.RootElement.Clone();
    }

    private static string? SafeString(System.Text.Json.JsonElement record, string name)
    {
        try
        {
            return PolicyJson.String(record, name);
        }
        catch (PolicyShapeException)
        {
            return null;
        }
    }
}
