using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator.Filter;
using Microsoft.AspNetCore.Http;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>GET /{beta|v1.0}/auditLogs/signIns: the query options Graph takes, the filter, paging and rendering of a page.</summary>
internal sealed partial class SimulatorService
{
    private const string UnknownEnumPreference = "include-unknown-enum-members";
    private static readonly string[] SupportedQueryOptions = { "$filter", "$top", "$select", "$orderby", "$skiptoken" };

    /// <summary>GET /{beta|v1.0}/auditLogs/signIns.</summary>
    public Task SignInsAsync(HttpContext context, string version) =>
        HandleAsync(context, Admission.Full, exchange => ListAsync(exchange, version));

    private async Task ListAsync(Exchange exchange, string version)
    {
        var query = exchange.Context.Request.Query;
        foreach (var key in query.Keys)
        {
            if (key.StartsWith('$') && !SupportedQueryOptions.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                await exchange.ErrorAsync(GraphError.BadQuery($"Query option '{key}' is not supported on auditLogs/signIns."));
                return;
            }
        }

        bool v1 = version == "v1.0";
        int top = 1000;
        if (Single(query, "$top") is { } topText
            && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > 1000))
        {
            await exchange.ErrorAsync(GraphError.TopTooLarge(topText));
            return;
        }

        if (Single(query, "$orderby") is { } orderBy
            && !string.Equals(string.Join(' ', orderBy.Split(' ', StringSplitOptions.RemoveEmptyEntries)), "createdDateTime desc", StringComparison.OrdinalIgnoreCase))
        {
            await exchange.ErrorAsync(GraphError.BadQuery($"$orderby '{orderBy}' is not supported; the simulator serves createdDateTime desc only."));
            return;
        }

        HashSet<string>? select = null;
        if (Single(query, "$select") is { } selectText)
        {
            select = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in selectText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Graph matches $select names case-insensitively and answers in the resource's own spelling.
                string? known = Tenant.PropertyNames.FirstOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (known is null || (v1 && !RenderPlan.V1Properties.Contains(known)))
                {
                    await exchange.ErrorAsync(GraphError.UnknownProperty(name));
                    return;
                }

                select.Add(known);
            }
        }

        SignInFilter filter;
        try
        {
            filter = SignInFilter.Parse(exchange.Request.Filter);
            if (v1 && filter.MentionsEventTypes)
            {
                throw new FilterException("signInEventTypes is a beta property.");
            }
        }
        catch (FilterException)
        {
            await exchange.ErrorAsync(GraphError.InvalidFilter);
            return;
        }

        string queryKey = QueryKey(version, query);
        if (await PageOffsetAsync(exchange, query, queryKey) is not { } offset)
        {
            return;
        }

        // Without a signInEventTypes filter, beta (like v1.0) returns interactive user sign-ins only (beta signin-list:
        // non-interactive, service principal and managed identity sign-ins need signInEventTypes in $filter).
        var predicate = filter.Predicate;
        bool interactiveOnly = v1 || !filter.MentionsEventTypes;
        var page = new List<SimSignIn>(Math.Min(top, 1024));
        int seen = 0;
        bool more = false;
        foreach (var signIn in Tenant.SignIns)
        {
            if ((interactiveOnly && !signIn.IsInteractiveUser) || !predicate(signIn))
            {
                continue;
            }

            if (seen++ < offset)
            {
                continue;
            }

            if (page.Count == top)
            {
                more = true;
                break;
            }

            page.Add(signIn);
        }

        var latency = Scale(options.PageLatency + (options.LatencyPerRecord * page.Count));
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, Time, exchange.Context.RequestAborted);
        }

        bool includeUnknown = exchange.Prefers(UnknownEnumPreference);
        var plan = new RenderPlan
        {
            Select = select,
            V1 = v1,
            ConditionalAccess = exchange.Fault == FaultKind.HideConditionalAccess ? ConditionalAccessVisibility.Null : options.ConditionalAccess,
            ReplaceEnums = includeUnknown ? null : options.EvolvableEnums,
            EnumNeedles = enumNeedles,
        };
        string? nextLink = null;
        if (more)
        {
            var next = new List<string>();
            foreach (var (key, value) in query.Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase)))
            {
                // Graph writes the option names literally ($top=…, $filter=…) and escapes the values.
                next.Add(key + "=" + Uri.EscapeDataString(value.ToString()));
            }

            next.Add("$skiptoken=" + SkipToken.Create(offset + page.Count, Time.GetUtcNow(), queryKey));
            nextLink = new Uri(BaseUri, version + "/auditLogs/signIns").ToString() + "?" + string.Join('&', next);
        }

        string context = new Uri(BaseUri, version + "/$metadata#auditLogs/signIns").ToString()
            + (select is null ? "" : "(" + string.Join(',', select) + ")");
        byte[] body = PageWriter.Write(context, page, plan, nextLink, options.NextLinkBeforeValue);
        exchange.Records = page.Count;
        if (includeUnknown && options.EchoPreferenceApplied)
        {
            exchange.Context.Response.Headers["Preference-Applied"] = UnknownEnumPreference;
        }

        await exchange.SendOkAsync(body);
    }
}
