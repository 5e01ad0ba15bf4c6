using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Core.Workspace;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.Engine.SignIns;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>One read's state: the rows handed on, the query's record limit, the time covered, and warnings said once.</summary>
internal sealed class WorkspaceRun
{
    private readonly SignInQuery _query;
    private readonly Func<SignInEvent, Task> _onSignIn;
    private readonly WorkspaceProgress _progress;
    private readonly HashSet<string> _warnings = new(StringComparer.Ordinal);
    private int _pages;

    public WorkspaceRun(SignInQuery query, Func<SignInEvent, Task> onSignIn, WorkspaceProgress progress)
    {
        _query = query;
        _onSignIn = onSignIn;
        _progress = progress;
    }

    public long Records { get; private set; }

    public TimeSpan Covered { get; set; }

    public bool LimitReached => _query.First > 0 && Records >= _query.First;

    /// <summary>Parses one answer with the query-result reader and hands each sign-in on; problems and warnings go to the host.</summary>
    public async Task<(long Rows, SignInKeyset? Last)> DeliverAsync(WorkspaceResponse response, LogAnalyticsQueryClient client, CancellationToken cancellationToken)
    {
        _pages++;
        if (response.IsEmpty)
        {
            return (0, null);
        }

        long rows = 0;
        SignInKeyset? last = null;
        var source = "workspace " + client.WorkspaceId.ToString("D") + ", page " + _pages;
        using var reader = new LogAnalyticsQueryResultReader(new MemoryStream(response.Body, writable: false), source, cancellationToken, liveAnswer: true);
        while (reader.TryRead(out var item))
        {
            if (item.SignIn is { } signIn)
            {
                rows++;
                last = new SignInKeyset(signIn.CreatedDateTime, signIn.Id ?? string.Empty);
                if (!LimitReached)
                {
                    Records++;
                    await _onSignIn(signIn).ConfigureAwait(false);
                }
            }
            else if (item.Problem is { } problem)
            {
                rows++;
                await _progress.Host.WriteErrorAsync(SignInProblemErrors.ToException(problem), problem).ConfigureAwait(false);
            }
            else if (item.Warning is { } warning && _warnings.Add(warning.Replace(source, "workspace")))
            {
                await _progress.Host.WriteWarningAsync(warning).ConfigureAwait(false);
            }
        }

        return (rows, last);
    }

    public RetrievalProgress Result(LogAnalyticsQueryClient client, SignInQuery query) => new()
    {
        Records = Records,
        SlicesDone = _pages,
        SlicesTotal = _pages,
        Covered = Covered,
        Requested = query.End - query.Start,
        Requests = client.Requests,
        Throttled = client.Throttled,
        Retries = client.Retries,
    };
}
