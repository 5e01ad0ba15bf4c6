using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// Hands the records of a fetched page to the receiver. Records are parsed and handed over in one critical section
/// per page: the receiver (an analyzer, the pipeline) sees one record at a time, and a page is never half-delivered
/// by two workers. Counts what it delivers and stops at the query's <c>First</c>.
/// </summary>
internal sealed class PageDelivery : IDisposable
{
    private readonly SemaphoreSlim _deliver = new(1, 1);
    private readonly SignInQuery _query;
    private readonly Func<SignInEvent, Task> _onRecord;
    private readonly Func<SignInReadProblem, Task> _onProblem;
    private readonly RetrievalEvents _events;
    private readonly IRetrievalPageSink? _pageSink;
    private readonly RetrievalCounters _counters;

    public PageDelivery(SignInQuery query, Func<SignInEvent, Task> onRecord, Func<SignInReadProblem, Task> onProblem, RetrievalEvents events, IRetrievalPageSink? pageSink, RetrievalCounters counters)
    {
        _query = query;
        _onRecord = onRecord;
        _onProblem = onProblem;
        _events = events;
        _pageSink = pageSink;
        _counters = counters;
    }

    /// <summary>The query's <c>First</c> records were delivered: the run stops.</summary>
    public bool LimitReached => _query.First > 0 && _counters.Records >= _query.First;

    /// <summary>
    /// Delivers the page's records that belong to <paramref name="cursor"/>'s slice and were not delivered before,
    /// then shows the page and <paramref name="checkpoint"/> to the page sink (when there is one).
    /// </summary>
    public async Task DeliverAsync(SliceCursor cursor, PageBuffer page, Uri url, Func<RetrievalCheckpoint> checkpoint, CancellationToken cancellationToken)
    {
        await _deliver.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var stream = page.OpenRead();
            var source = "Graph " + url.AbsolutePath;
            var newIds = _pageSink is null ? null : new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in SignInLogReader.ReadStream(stream, source, SignInLogFormat.GraphJson, cancellationToken))
            {
                if (item.Problem is { } problem)
                {
                    await _onProblem(problem).ConfigureAwait(false);
                    continue;
                }

                if (item.SignIn is not { } record)
                {
                    continue;
                }

                if (LimitReached || !cursor.Accept(record))
                {
                    continue;
                }

                await WarnIfConditionalAccessHiddenAsync(record).ConfigureAwait(false);
                _counters.AddRecords(1);
                if (record.Id is { } id)
                {
                    newIds?.Add(id);
                }

                await _onRecord(record).ConfigureAwait(false);
            }

            if (_pageSink is not null)
            {
                await _pageSink.PageDeliveredAsync(page.Memory, newIds!, checkpoint(), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _deliver.Release();
        }
    }

    public void Dispose() => _deliver.Dispose();

    private async Task WarnIfConditionalAccessHiddenAsync(SignInEvent record)
    {
        if (!ConditionalAccessVisibility.LooksHidden(record) || !_events.ClaimConditionalAccessHiddenWarning())
        {
            return;
        }

        await _events.WarningAsync(ConditionalAccessVisibility.HiddenWarning(record.Id)).ConfigureAwait(false);
    }
}
