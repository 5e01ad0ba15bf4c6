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
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Engine.Application.Headless;

/// <summary>
/// Find-HeadlessUserSignIn without -Path: two phases over Graph, every request under the connection's limiter
/// (through <see cref="LiveSignInReader"/>). Phase 1 finds candidate accounts with the signals Graph can filter
/// (<see cref="HeadlessCandidateFilter"/>); phase 2 reads only those accounts' whole interactive and non-interactive
/// history, which the score needs (cadence, the share of sign-ins that look scripted, interactive MFA by a person).
/// </summary>
public sealed class LiveHeadlessSource
{
    private readonly Func<string, ISignInQueryReader> _readerFor;
    private readonly IRunHost _host;

    /// <param name="readerFor">A reader for each phase, given the progress activity it shows.</param>
    /// <param name="host">Where the phases report.</param>
    public LiveHeadlessSource(Func<string, ISignInQueryReader> readerFor, IRunHost host)
    {
        _readerFor = readerFor;
        _host = host;
    }

    /// <summary>Both phases read the tenant through <paramref name="connection"/>.</summary>
    public static LiveHeadlessSource ForConnection(GraphConnection connection, IRunHost host) =>
        new(activity => new LiveSignInReader(connection, host, 1, activity), host);

    /// <param name="window">The time range, event types, app ids and, when the user named them exactly, the accounts.</param>
    /// <param name="isCandidate">The command's own account filters (wildcard names, exclusions), applied to phase-1 sign-ins so an account set aside is never read whole.</param>
    /// <param name="onSignIn">Receives every phase-2 sign-in, in no particular order.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public async Task ReadAsync(SignInQuery window, Func<SignInEvent, bool> isCandidate, Func<SignInEvent, Task> onSignIn, CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(window.UserPrincipalNames, StringComparer.OrdinalIgnoreCase);
        var ids = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        if (names.Count > 0)
        {
            await _host.WriteVerboseAsync("Phase 1 skipped: -UserPrincipalName names the " + names.Count + " accounts to read.").ConfigureAwait(false);
        }
        else
        {
            await FindCandidatesAsync(window, isCandidate, names, ids, cancellationToken).ConfigureAwait(false);
        }

        var reader = _readerFor("Reading the candidates' sign-ins (phase 2 of 2)");
        long records = 0;
        var requests = 0;
        var queries = NameBatches.Of(names, reader.MaxNamesPerQuery).Select(batch => new SignInQuery(window.Start, window.End) { UserPrincipalNames = batch, AppIds = window.AppIds, EventTypes = window.EventTypes })
            .Concat(NameBatches.Of(ids, reader.MaxNamesPerQuery).Select(batch => new SignInQuery(window.Start, window.End) { UserIds = batch, AppIds = window.AppIds, EventTypes = window.EventTypes }))
            .ToList();
        foreach (var query in queries)
        {
            var result = await reader.ReadAsync(query, onSignIn, cancellationToken).ConfigureAwait(false);
            records += result.Records;
            requests += result.Requests;
        }

        await _host.WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "Phase 2: {0:N0} sign-ins of {1:N0} candidates in {2:N0} requests ({3} queries of up to {4} accounts).", records, names.Count + ids.Count, requests, queries.Count, reader.MaxNamesPerQuery)).ConfigureAwait(false);
    }

    private async Task FindCandidatesAsync(SignInQuery window, Func<SignInEvent, bool> isCandidate, SortedSet<string> names, SortedSet<string> ids, CancellationToken cancellationToken)
    {
        var filter = HeadlessCandidateFilter.Build(ClassificationData.BuiltIn);
        await _host.WriteVerboseAsync(string.Format(
            CultureInfo.InvariantCulture,
            "Phase 1: candidates by {0} unattended automation apps, {1} strong-authentication codes and {2} user-agent patterns; {3} 'contains' patterns and ROPC/device code cannot be filtered by Graph and only count in the score.",
            filter.Apps.Count,
            HeadlessCandidateFilter.StrongAuthCodes.Count,
            filter.PushedUserAgents.Count,
            filter.NotPushedUserAgents.Count)).ConfigureAwait(false);

        var reader = _readerFor("Finding headless candidates (phase 1 of 2)");
        long records = 0;
        var requests = 0;
        foreach (var clause in filter.Clauses)
        {
            var query = new SignInQuery(window.Start, window.End) { AppIds = window.AppIds, EventTypes = window.EventTypes, RawFilter = clause };
            var result = await reader.ReadAsync(query, signIn => Collect(signIn), cancellationToken).ConfigureAwait(false);
            records += result.Records;
            requests += result.Requests;
        }

        await _host.WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "Phase 1: {0:N0} candidates from {1:N0} matching sign-ins in {2:N0} requests.", names.Count + ids.Count, records, requests)).ConfigureAwait(false);

        Task Collect(SignInEvent signIn)
        {
            if (!isCandidate(signIn))
            {
                return Task.CompletedTask;
            }

            // An account without a UPN in the log (rare: some AD FS and guest records) is read by its object id.
            if (!string.IsNullOrWhiteSpace(signIn.UserPrincipalName))
            {
                names.Add(signIn.UserPrincipalName!.Trim());
            }
            else if (!string.IsNullOrWhiteSpace(signIn.UserId))
            {
                ids.Add(signIn.UserId!.Trim());
            }

            return Task.CompletedTask;
        }
    }
}
