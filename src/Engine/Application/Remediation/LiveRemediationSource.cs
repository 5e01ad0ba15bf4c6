using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Remediation;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Remediation;

/// <summary>
/// Test-StrongAuthRemediation without -Path: only the subjects' sign-ins are read, all through the connection's
/// shared limiter. User sign-ins over both windows, 15 users to a query; service principal and managed identity
/// sign-ins after the fix only (before it they prove nothing), by servicePrincipalId and by appId (a managed identity
/// is often known by its client id, and a script may keep its app registration).
/// </summary>
public sealed class LiveRemediationSource
{
    // Names per or-list: short enough for any URL limit (as LiveFailureSource).
    private const int PerQuery = 15;

    private static readonly SignInEventType[] Workloads = { SignInEventType.ServicePrincipal, SignInEventType.ManagedIdentity };

    private readonly ISignInQueryReader _reader;

    public LiveRemediationSource(ISignInQueryReader reader) => _reader = reader;

    public async Task ReadAsync(IReadOnlyList<RemediationSubject> subjects, RemediationOptions options, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        var end = options.AfterEnd;
        foreach (var names in Batches(subjects.Select(s => s.UserPrincipalName)))
        {
            await _reader.ReadAsync(new SignInQuery(options.BeforeStart, end) { UserPrincipalNames = names }, onSignIn, cancellationToken).ConfigureAwait(false);
        }

        foreach (var ids in Batches(subjects.Where(s => s.UserPrincipalName is null).Select(s => s.UserId)))
        {
            await _reader.ReadAsync(new SignInQuery(options.BeforeStart, end) { UserIds = ids }, onSignIn, cancellationToken).ConfigureAwait(false);
        }

        foreach (var apps in Batches(subjects.Where(s => s.UserPrincipalName is null && s.UserId is null).Select(s => s.AppId)))
        {
            await _reader.ReadAsync(new SignInQuery(options.BeforeStart, end) { AppIds = apps }, onSignIn, cancellationToken).ConfigureAwait(false);
        }

        // A workload sign-in can match both queries (its object id and its app id were both named): count it once.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Task OnWorkload(SignInEvent signIn) => signIn.Id is { } id && !seen.Add(id) ? Task.CompletedTask : onSignIn(signIn);
        foreach (var ids in Batches(subjects.Select(s => s.ServicePrincipalId)))
        {
            await _reader.ReadAsync(new SignInQuery(options.FixedAt, end) { ServicePrincipalIds = ids, EventTypes = Workloads }, OnWorkload, cancellationToken).ConfigureAwait(false);
        }

        foreach (var apps in Batches(subjects.SelectMany(s => new[] { s.AppId, s.ServicePrincipalId })))
        {
            await _reader.ReadAsync(new SignInQuery(options.FixedAt, end) { AppIds = apps, EventTypes = Workloads }, OnWorkload, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<string[]> Batches(IEnumerable<string?> values)
    {
        var distinct = values.Where(v => v is not null).Select(v => v!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        for (var i = 0; i < distinct.Count; i += PerQuery)
        {
            yield return distinct.Skip(i).Take(PerQuery).ToArray();
        }
    }
}
