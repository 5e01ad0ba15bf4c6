using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>
/// The tenant as a diagnosis source, in a handful of Graph queries: one per request to locate (by id, correlation
/// id, or user and time, with the codes), then per located user their sign-ins around the failure (which hold the
/// flow), and per app its silent interrupts and the interactive successes of those users (its recovery).
/// </summary>
public sealed class LiveDiagnosisSignIns : IDiagnosisSignIns
{
    // Graph keeps sign-ins 30 days: an id or correlation without a time is looked for in all of them.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    // An app's recovery is judged on its most recent interrupted users, one $filter's worth.
    private const int RecoveryUsers = 15;

    private static readonly int[] SuccessCode = { 0 };
    private static readonly SignInEventType[] InteractiveOnly = { SignInEventType.Interactive };
    private static readonly SignInEventType[] NonInteractiveOnly = { SignInEventType.NonInteractive };

    private readonly ISignInQueryReader _reader;
    private readonly Func<DateTimeOffset> _now;
    private int _requests;

    public LiveDiagnosisSignIns(ISignInQueryReader reader, Func<DateTimeOffset>? now = null)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _now = now ?? (() => DateTimeOffset.UtcNow);
    }

    public bool Live => true;

    public string Description => "Microsoft Graph";

    public int Requests => _requests;

    public async Task<IReadOnlyList<SignInEvent>> LocateAsync(IReadOnlyList<DiagnosisRequest> requests, IReadOnlyCollection<int> strongAuthCodes, CancellationToken cancellationToken)
    {
        var found = new List<SignInEvent>();
        foreach (var request in requests)
        {
            var before = found.Count;
            await ReadAsync(LocateQuery(request, strongAuthCodes, byIds: true), found, cancellationToken).ConfigureAwait(false);

            // A Trace ID that is not the sign-in's id (an earlier request of the flow): the correlation still finds it.
            if (request.IsExact && request.CorrelationId is not null && !found.Skip(before).Any(request.Matches))
            {
                await ReadAsync(LocateQuery(request, strongAuthCodes, byIds: false), found, cancellationToken).ConfigureAwait(false);
            }
        }

        return found;
    }

    public async Task<DiagnosisContext> ReadContextAsync(DiagnosisScope scope, CancellationToken cancellationToken)
    {
        var now = _now();
        var read = new List<SignInEvent>();
        var windows = scope.Failures.Select(f => (Failure: f, Span: Span(f.CreatedDateTime - scope.Before, f.CreatedDateTime + scope.After, now))).ToList();
        if (windows.Count == 0)
        {
            return new DiagnosisContext(read, null, null);
        }

        // One read per user (or per correlation when the record names no user) and per app over its failures' windows,
        // merged where they overlap: a user and an hour can locate a dozen failures, which share their history.
        foreach (var user in windows.Where(w => HistoryKey(w.Failure) is not null).GroupBy(w => HistoryKey(w.Failure)!, StringComparer.OrdinalIgnoreCase))
        {
            var failure = user.First().Failure;
            foreach (var (from, to) in Merge(user.Select(w => w.Span)))
            {
                // The user's sign-ins around the failure: the flow (same correlation, same user) is among them.
                await ReadAsync(HistoryQuery(failure, from, to), read, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var app in windows.Where(w => w.Failure.AppId is not null).GroupBy(w => w.Failure.AppId!, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var (from, to) in Merge(app.Select(w => w.Span)))
            {
                await ReadRecoveryAsync(app.Key, from, to, scope.StrongAuthCodes, read, cancellationToken).ConfigureAwait(false);
            }
        }

        return new DiagnosisContext(read, windows.Min(w => w.Span.From), windows.Max(w => w.Span.To));
    }

    private static string? HistoryKey(SignInEvent failure) =>
        failure.UserId is { } id ? "id:" + id : failure.UserPrincipalName is { } upn ? "upn:" + upn : failure.CorrelationId is { } correlation ? "correlation:" + correlation : null;

    private static SignInQuery HistoryQuery(SignInEvent failure, DateTimeOffset from, DateTimeOffset to) =>
        failure.UserId is { } id ? new SignInQuery(from, to) { UserIds = new[] { id } }
        : failure.UserPrincipalName is { } upn ? new SignInQuery(from, to) { UserPrincipalNames = new[] { upn } }
        : new SignInQuery(from, to) { CorrelationIds = new[] { failure.CorrelationId! } };

    // Overlapping or touching windows become one; windows apart stay apart (no read of the days between them).
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Merge(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans)
    {
        (DateTimeOffset From, DateTimeOffset To)? current = null;
        foreach (var span in spans.OrderBy(s => s.From))
        {
            if (current is { } c && span.From <= c.To)
            {
                current = (c.From, span.To > c.To ? span.To : c.To);
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = span;
        }

        if (current is { } last)
        {
            yield return last;
        }
    }

    private async Task ReadRecoveryAsync(string app, DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<int> codes, List<SignInEvent> read, CancellationToken cancellationToken)
    {
        var interrupts = new List<SignInEvent>();
        await ReadAsync(new SignInQuery(from, to) { AppIds = new[] { app }, ErrorCodes = codes.ToArray(), EventTypes = NonInteractiveOnly }, interrupts, cancellationToken).ConfigureAwait(false);
        read.AddRange(interrupts);
        var users = interrupts.OrderByDescending(s => s.CreatedDateTime).Select(s => s.UserId).Where(u => u is not null).Distinct(StringComparer.OrdinalIgnoreCase).Take(RecoveryUsers).ToArray();
        if (users.Length > 0)
        {
            await ReadAsync(new SignInQuery(from, to) { AppIds = new[] { app }, UserIds = users!, ErrorCodes = SuccessCode, EventTypes = InteractiveOnly }, read, cancellationToken).ConfigureAwait(false);
        }
    }

    private SignInQuery LocateQuery(DiagnosisRequest request, IReadOnlyCollection<int> strongAuthCodes, bool byIds)
    {
        var now = _now();
        var (from, to) = request.At is { } at
            ? Span(at - (request.IsExact ? TimeSpan.FromDays(1) : request.Around), at + (request.IsExact ? TimeSpan.FromDays(1) : request.Around), now)
            : Span(now - (request.IsExact || request.CorrelationId is not null ? Retention : TimeSpan.FromDays(1)), now, now);
        var ids = new[] { request.SignInId, request.RequestId }.Where(i => byIds && i is not null).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return new SignInQuery(from, to)
        {
            SignInIds = ids!,
            CorrelationIds = ids.Length == 0 && request.CorrelationId is { } correlation ? new[] { correlation } : Array.Empty<string>(),
            UserPrincipalNames = ids.Length == 0 && request.CorrelationId is null && request.UserPrincipalName is { } upn ? new[] { upn } : Array.Empty<string>(),
            // An id names one sign-in: whatever code it failed with, it is the one asked about (a pasted code still narrows).
            ErrorCodes = request.ErrorCodes.Count > 0 ? request.ErrorCodes : ids.Length > 0 ? Array.Empty<int>() : strongAuthCodes.ToArray(),
        };
    }

    private async Task ReadAsync(SignInQuery query, List<SignInEvent> into, CancellationToken cancellationToken)
    {
        var progress = await _reader.ReadAsync(query, signIn => { into.Add(signIn); return Task.CompletedTask; }, cancellationToken).ConfigureAwait(false);
        _requests += (int)Math.Min(int.MaxValue, progress.Requests);
    }

    private static (DateTimeOffset From, DateTimeOffset To) Span(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var end = to > now ? now : to;
        return (from, end > from ? end : from.AddSeconds(1));
    }
}
