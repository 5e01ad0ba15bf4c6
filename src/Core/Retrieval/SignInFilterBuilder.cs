using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>
/// The <c>$filter</c> of one request: the query's server-side filters, one event type, and one time range. Only
/// forms Graph's signIns endpoint accepts are used (docs/DESIGN.md §6): createdDateTime ranges, <c>eq</c> on
/// userPrincipalName/userId/appId/servicePrincipalId/status/errorCode, and <c>signInEventTypes/any</c>.
/// </summary>
public static class SignInFilterBuilder
{
    /// <param name="query">The user's query.</param>
    /// <param name="eventType">The one kind of sign-in this request reads.</param>
    /// <param name="from">Inclusive start of the range.</param>
    /// <param name="to">End of the range.</param>
    /// <param name="toInclusive">True when resuming a slice from the oldest record reached: that instant may hold records not yet seen.</param>
    public static string Build(SignInQuery query, SignInEventType eventType, DateTimeOffset from, DateTimeOffset to, bool toInclusive)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (query.UserWindows.Count > 0)
        {
            throw new ArgumentException("Graph's $filter cannot hold per-user time ranges; read such a query from a workspace.", nameof(query));
        }

        var clauses = new List<string>
        {
            "createdDateTime ge " + ODataFilter.DateTime(from),
            "createdDateTime " + (toInclusive ? "le " : "lt ") + ODataFilter.DateTime(to),
            "signInEventTypes/any(t: t eq " + ODataFilter.Quote(GraphName(eventType)) + ")",
        };

        if (query.UserPrincipalNames.Count > 0)
        {
            clauses.Add(ODataFilter.AnyOf("userPrincipalName", query.UserPrincipalNames.Select(ODataFilter.Quote)));
        }

        if (query.UserIds.Count > 0)
        {
            clauses.Add(ODataFilter.AnyOf("userId", query.UserIds.Select(ODataFilter.Quote)));
        }

        if (query.AppIds.Count > 0)
        {
            clauses.Add(ODataFilter.AnyOf("appId", query.AppIds.Select(ODataFilter.Quote)));
        }

        if (query.ServicePrincipalIds.Count > 0)
        {
            clauses.Add(ODataFilter.AnyOf("servicePrincipalId", query.ServicePrincipalIds.Select(ODataFilter.Quote)));
        }

        if (query.SignInIds.Count > 0)
        {
            clauses.Add(ODataFilter.AnyOf("id", query.SignInIds.Select(ODataFilter.Quote)));
        }

        if (query.CorrelationIds.Count > 0)
        {
            clauses.Add(ODataFilter.AnyOf("correlationId", query.CorrelationIds.Select(ODataFilter.Quote)));
        }

        if (query.ErrorCodes.Count > 0)
        {
            clauses.Add(ODataFilter.AnyOf("status/errorCode", query.ErrorCodes.Select(code => ODataFilter.Number(code))));
        }

        if (!string.IsNullOrWhiteSpace(query.RawFilter))
        {
            // Checked where the query is made (and here again for one read back from a checkpoint file).
            RawFilterClause.Check(query.RawFilter!);
            clauses.Add(ODataFilter.Group(query.RawFilter!.Trim()));
        }

        return ODataFilter.And(clauses);
    }

    /// <summary>The signInEventTypes value Graph uses for each kind.</summary>
    public static string GraphName(SignInEventType eventType) => eventType switch
    {
        SignInEventType.Interactive => "interactiveUser",
        SignInEventType.NonInteractive => "nonInteractiveUser",
        SignInEventType.ServicePrincipal => "servicePrincipal",
        SignInEventType.ManagedIdentity => "managedIdentity",
        _ => throw new ArgumentOutOfRangeException(nameof(eventType)),
    };
}
