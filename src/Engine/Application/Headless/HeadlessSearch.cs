using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Core.Workspace.Headless;
using EntraStrongAuth.Engine.Application.Filtering;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Headless;

/// <summary>
/// Find-HeadlessUserSignIn's work once its parameters are bound: sign-ins inside the window and passing the account
/// and app filters are scored per account; the findings at or above the minimum score are written at the end.
/// Live, the window defaults to the 7 days before now and the tenant is read by <see cref="LiveHeadlessSource"/>.
/// </summary>
public sealed class HeadlessSearch
{
    // Cadence and "never signs in interactively" need days of history; Get-SignInLog's one day is too short.
    private static readonly TimeSpan DefaultLiveWindow = TimeSpan.FromDays(7);

    private readonly HeadlessSearchOptions _options;
    private readonly IRunHost _host;
    private readonly SignInSelection _selection;
    private readonly SignInOnce _once = new();
    private DateTimeOffset? _start;
    private DateTimeOffset? _end;
    private HeadlessScorer? _scorer;
    private long _scored;
    private bool _fromWorkspace;

    /// <summary>Checks the window at once: an -EndTime before -StartTime is an InvalidTimeRange error.</summary>
    public HeadlessSearch(HeadlessSearchOptions options, IRunHost host)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _start = options.Filter.Start;
        _end = options.Filter.End;
        CheckWindow();
        _selection = options.Filter.ToSelection();
    }

    /// <summary>One sign-in from a file, the pipeline or the tenant; a repeated id is skipped.</summary>
    public Task ObserveAsync(SignInEvent signIn)
    {
        if (!_once.IsFirst(signIn)
            || (_start is { } from && signIn.CreatedDateTime < from)
            || (_end is { } to && signIn.CreatedDateTime >= to)
            || !_selection.Selects(signIn))
        {
            return Task.CompletedTask;
        }

        _scored++;
        Scorer().Add(signIn);
        return Task.CompletedTask;
    }

    /// <summary>Reads the tenant in two phases; the window's missing ends get their live defaults first.</summary>
    /// <param name="source">Makes the source (and so asks for the connection) once the window is known to be valid.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public Task ReadLiveAsync(Func<LiveHeadlessSource> source, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        var (start, end) = DefaultWindow();
        var window = new SignInQuery(start, end)
        {
            // Exact names skip phase 1 and go to the server; wildcard patterns are matched on phase-1 candidates.
            UserPrincipalNames = _options.Filter.ServerSideUserPrincipalNames.ToArray(),
            AppIds = _options.Filter.AppIds?.ToArray() ?? Array.Empty<string>(),
        };
        return source().ReadAsync(window, _selection.WantsAccount, ObserveAsync, cancellationToken);
    }

    /// <summary>
    /// Reads a Log Analytics workspace, where the sign-ins are summarized (<see cref="WorkspaceHeadlessSource"/>); exact
    /// names, apps, exclusions and guests are filtered in the query, wildcard patterns on the accounts that come back.
    /// </summary>
    /// <param name="source">Made once the window is known to be valid.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public async Task ReadWorkspaceAsync(Func<WorkspaceHeadlessSource> source, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        var (start, end) = DefaultWindow();
        _fromWorkspace = true;
        var filter = _options.Filter;
        var scope = new HeadlessKqlScope(start, end)
        {
            UserPrincipalNames = filter.ServerSideUserPrincipalNames.ToArray(),
            AppIds = filter.AppIds?.ToArray() ?? Array.Empty<string>(),
            ExcludeUserPrincipalNames = filter.ExcludeUserPrincipalNames?.Where(n => !NamePattern.ContainsWildcardCharacters(n)).ToArray() ?? Array.Empty<string>(),
            ExcludeGuests = filter.ExcludeGuests,
        };
        var scorer = Scorer();
        await source().ReadAsync(scope, (name, id) => _selection.WantsAccount(new SignInEvent { UserPrincipalName = name, UserId = id }), scorer, cancellationToken).ConfigureAwait(false);
        _scored = scorer.SignIns;
    }

    /// <summary>Writes the findings and what was set aside.</summary>
    public async Task CompleteAsync()
    {
        var findings = Scorer().Findings();
        await _host.WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "Scored {0:N0} sign-ins: {1} findings at or above {2}.", _scored, findings.Count, _options.MinimumScore)).ConfigureAwait(false);
        if (_selection.Exclusions.IsActive)
        {
            // A workspace leaves them out in the query, where they are not counted.
            await _host.WriteVerboseAsync((_fromWorkspace ? "Sign-ins" : _selection.Exclusions.SignIns + " sign-ins") + " excluded by -ExcludeUserPrincipalName/-ExcludeGuest; they are not scored.").ConfigureAwait(false);
        }

        if (_once.Report() is { } duplicates)
        {
            await _host.WriteVerboseAsync(duplicates).ConfigureAwait(false);
        }

        foreach (var finding in findings)
        {
            await _host.WriteOutputAsync(finding).ConfigureAwait(false);
        }
    }

    // Live and workspace reads: the window's missing ends get their defaults, then the window is checked.
    private (DateTimeOffset Start, DateTimeOffset End) DefaultWindow()
    {
        var end = _end ??= DateTimeOffset.UtcNow;
        var start = _start ??= end - DefaultLiveWindow;
        CheckWindow();
        return (start, end);
    }

    private void CheckWindow()
    {
        if (_start is { } from && _end is { } to && to <= from)
        {
            throw new EntraStrongAuthException(
                ErrorIds.InvalidTimeRange,
                FailureKind.InvalidArgument,
                "-EndTime (" + to.ToString("u", CultureInfo.InvariantCulture) + ") must be after -StartTime (" + from.ToString("u", CultureInfo.InvariantCulture) + ").",
                "Swap or correct the times; live, -StartTime defaults to 7 days before -EndTime.");
        }
    }

    // Made at the first sign-in or at the end, once the window (with the live defaults) is final.
    private HeadlessScorer Scorer() =>
        _scorer ??= new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = _options.MinimumScore, PerApp = _options.PerApp, WindowStart = _start, WindowEnd = _end });
}
