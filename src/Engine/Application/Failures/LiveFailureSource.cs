using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Failures;

/// <summary>
/// Get-StrongAuthFailure without -Path: two passes over Graph under the connection's limiter. First the failures,
/// with the strong-auth codes pushed to the server; then, for the users who failed, their successes around those
/// failures, which is everything outcome linking needs. Everything else in the tenant is never downloaded.
/// </summary>
public sealed class LiveFailureSource
{
    private readonly ISignInQueryReader _reader;
    private readonly IRunHost _host;

    public LiveFailureSource(ISignInQueryReader reader, IRunHost host)
    {
        _reader = reader;
        _host = host;
    }

    /// <summary>How far from a failure a success can still be linked to it: the analyzer's widest window.</summary>
    public static TimeSpan LinkWindow(StrongAuthAnalyzerOptions options) =>
        new[] { options.ResolutionWindow, options.SameFlowWindow, options.BenignWindow }.Max();

    /// <param name="failureQuery">The range and server-side filters, with the failure codes to classify.</param>
    /// <param name="linkWindow">How far from a failure a success can still be linked to it (the analyzer's widest window).</param>
    /// <param name="onSignIn">Receives failures and successes merged newest first, the order the analyzer finalizes fastest in.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public async Task ReadAsync(SignInQuery failureQuery, TimeSpan linkWindow, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        var failures = new List<SignInEvent>();
        await _reader.ReadAsync(failureQuery, failure => Add(failures, failure), cancellationToken).ConfigureAwait(false);
        var users = failures.Select(f => f.UserPrincipalName).Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        await _host.WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "{0:N0} failures of {1:N0} users; reading their successes for linking.", failures.Count, users.Count)).ConfigureAwait(false);

        var successes = new List<SignInEvent>();
        if (failures.Count > 0)
        {
            foreach (var successQuery in SuccessQueries(failureQuery, failures, users!, linkWindow))
            {
                await _reader.ReadAsync(successQuery, success => Add(successes, success), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var signIn in failures.Concat(successes).OrderByDescending(s => s.CreatedDateTime))
        {
            await onSignIn(signIn).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The queries for the successes linking needs. A source that filters per-user ranges (a workspace) reads each
    /// user's successes only around that user's failures; Graph reads the users' whole span from the first failure to
    /// the last, in batches of names its $filter can hold.
    /// </summary>
    private IEnumerable<SignInQuery> SuccessQueries(SignInQuery failureQuery, List<SignInEvent> failures, List<string> users, TimeSpan linkWindow)
    {
        var now = DateTimeOffset.UtcNow;
        if (_reader.SupportsUserWindows)
        {
            // In time order, so each query's time filter covers only its own stretch of the window (Kusto prunes by time).
            var windows = UserWindow.Around(failures.Where(f => !string.IsNullOrEmpty(f.UserPrincipalName)).Select(f => (f.UserPrincipalName!, f.CreatedDateTime)), linkWindow, now)
                .OrderBy(w => w.From).ToList();
            for (var i = 0; i < windows.Count; i += _reader.MaxNamesPerQuery)
            {
                var batch = windows.Skip(i).Take(_reader.MaxNamesPerQuery).ToList();
                yield return new SignInQuery(batch.Min(w => w.From), batch.Max(w => w.To))
                {
                    UserWindows = batch,
                    AppIds = failureQuery.AppIds,
                    ErrorCodes = new[] { 0 },
                    EventTypes = failureQuery.EventTypes,
                    LinkFieldsOnly = true,
                };
            }

            yield break;
        }

        var from = failures.Min(f => f.CreatedDateTime) - linkWindow;
        var to = Min(failures.Max(f => f.CreatedDateTime) + linkWindow, now);
        foreach (var batch in NameBatches.Of(users, _reader.MaxNamesPerQuery))
        {
            yield return new SignInQuery(from, to > from ? to : from.AddSeconds(1))
            {
                UserPrincipalNames = batch,
                AppIds = failureQuery.AppIds,
                ErrorCodes = new[] { 0 },
                EventTypes = failureQuery.EventTypes,
                LinkFieldsOnly = true,
            };
        }
    }

    private static Task Add(List<SignInEvent> list, SignInEvent signIn)
    {
        list.Add(signIn);
        return Task.CompletedTask;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
