using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Tests.Application;

/// <summary>A tenant's sign-ins in memory, filtered as Graph would filter a query; every query is kept.</summary>
internal sealed class FakeSignInQueryReader : ISignInQueryReader
{
    private readonly IReadOnlyList<SignInEvent> _signIns;

    public FakeSignInQueryReader(params SignInEvent[] signIns)
    {
        _signIns = signIns;
    }

    public List<SignInQuery> Queries { get; } = new();

    /// <summary>As a workspace: per-user ranges are filtered here too.</summary>
    public bool SupportsUserWindows { get; init; }

    public int MaxNamesPerQuery => NameBatches.Size;

    public async Task<RetrievalProgress> ReadAsync(SignInQuery query, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        var matching = _signIns.Where(s => Selects(query, s)).ToList();
        foreach (var signIn in matching)
        {
            await onSignIn(signIn).ConfigureAwait(false);
        }

        return new RetrievalProgress { Records = matching.Count, Requests = 1 };
    }

    private static bool Selects(SignInQuery query, SignInEvent signIn) =>
        signIn.CreatedDateTime >= query.Start && signIn.CreatedDateTime <= query.End
        && (query.UserWindows.Count == 0 || query.UserWindows.Any(w => string.Equals(w.UserPrincipalName, signIn.UserPrincipalName, StringComparison.OrdinalIgnoreCase) && signIn.CreatedDateTime >= w.From && signIn.CreatedDateTime < w.To))
        && (query.UserPrincipalNames.Count == 0 || query.UserPrincipalNames.Contains(signIn.UserPrincipalName ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        && (query.UserIds.Count == 0 || query.UserIds.Contains(signIn.UserId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        && (query.AppIds.Count == 0 || query.AppIds.Contains(signIn.AppId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        && (query.ServicePrincipalIds.Count == 0 || query.ServicePrincipalIds.Contains(signIn.ServicePrincipalId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        && (query.SignInIds.Count == 0 || query.SignInIds.Contains(signIn.Id ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        && (query.CorrelationIds.Count == 0 || query.CorrelationIds.Contains(signIn.CorrelationId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        && (query.ErrorCodes.Count == 0 || query.ErrorCodes.Contains(signIn.ErrorCode))
        && IsWorkload(signIn) == query.EventTypes.Any(t => t is SignInEventType.ServicePrincipal or SignInEventType.ManagedIdentity)
        && (IsWorkload(signIn) || signIn.IsInteractive is not { } interactive || query.EventTypes.Contains(interactive ? SignInEventType.Interactive : SignInEventType.NonInteractive));

    // Graph keeps user and workload sign-ins apart by event type; here a sign-in with a service principal and no user is a
    // workload's, and a user sign-in's IsInteractive (when recorded) says which of the two user types it is.
    private static bool IsWorkload(SignInEvent signIn) => signIn.ServicePrincipalId is not null && signIn.UserPrincipalName is null;
}
