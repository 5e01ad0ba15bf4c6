using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Failures;

/// <summary>
/// Get-StrongAuthFailure's work once its parameters are bound: each sign-in that <see cref="FailureFilter"/> selects
/// analysed, and each finalized failure it wants written (or counted into the summary). Live, the tenant is read by
/// <see cref="LiveFailureSource"/>.
/// </summary>
public sealed class FailureAnalysis
{
    private readonly FailureAnalysisOptions _options;
    private readonly IRunHost _host;
    private readonly StrongAuthAnalyzerOptions _analyzerOptions;
    private readonly StrongAuthAnalyzer _analyzer;
    private readonly FailureFilter _filter;
    private readonly StrongAuthSummaryBuilder? _summary;
    private readonly SignInOnce _once = new();

    // What the reported findings' rules lacked, for the run's one warning (each finding lists its own).
    private readonly HashSet<string> _missingEvidence = new(StringComparer.OrdinalIgnoreCase);
    private string? _hiddenConditionalAccessExample;
    private int _findingsMissingEvidence;

    public FailureAnalysis(FailureAnalysisOptions options, IRunHost host)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        CheckResolutionWindow(options.ResolutionWindow);
        _analyzerOptions = new StrongAuthAnalyzerOptions
        {
            ErrorCodes = options.ErrorCodes?.ToArray(),
            IncludeBenign = options.IncludeBenign || (options.Causes?.Contains(FailureCause.BenignInterrupt) ?? false),
            ResolutionWindow = options.ResolutionWindow,
        };
        if (options.Classifier is { } classifier)
        {
            _analyzerOptions.Classifier = classifier;
        }

        // The analyzer detects the input order itself (InputOrder defaults to Detect).
        _analyzer = new StrongAuthAnalyzer(_analyzerOptions);
        _filter = new FailureFilter(options);
        _summary = options.Summary ? new StrongAuthSummaryBuilder() : null;
    }

    /// <summary>More than zero and at most 7 days, else an InvalidResolutionWindow error (checked before anything is read).</summary>
    public static void CheckResolutionWindow(TimeSpan window)
    {
        if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(7))
        {
            throw new EntraStrongAuthException(ErrorIds.InvalidResolutionWindow, FailureKind.InvalidArgument, "-ResolutionWindow must be more than zero and at most 7 days; got " + window + ".", "Pass a window such as (New-TimeSpan -Minutes 10).");
        }
    }

    /// <summary>The codes the analyzer classifies: only those records need reading whole.</summary>
    public IEnumerable<int> ErrorCodes => _analyzer.ErrorCodes;

    /// <summary>One sign-in from a file, the pipeline or the tenant, in any order the analyzer can detect; a repeated id is skipped.</summary>
    public Task ObserveAsync(SignInEvent signIn)
    {
        if (!_once.IsFirst(signIn) || !_filter.Selects(signIn))
        {
            return Task.CompletedTask;
        }

        if (_hiddenConditionalAccessExample is null && ConditionalAccessVisibility.LooksHidden(signIn))
        {
            _hiddenConditionalAccessExample = signIn.Id;
        }

        var finalized = _analyzer.Observe(signIn);
        return finalized.Count == 0 ? Task.CompletedTask : EmitAsync(finalized);
    }

    /// <summary>Reads the tenant: -StartTime defaults to a day before -EndTime, which defaults to now.</summary>
    public Task ReadLiveAsync(ISignInQueryReader reader, CancellationToken cancellationToken)
    {
        var end = _options.Filter.End ?? DateTimeOffset.UtcNow;
        var start = _options.Filter.Start ?? end.AddDays(-1);
        var query = new SignInQuery(start, end)
        {
            // Exact names go to the server; wildcard patterns are matched here, on the failures that come back.
            UserPrincipalNames = _options.Filter.ServerSideUserPrincipalNames.ToArray(),
            AppIds = _options.Filter.AppIds?.ToArray() ?? Array.Empty<string>(),
            ErrorCodes = _analyzer.ErrorCodes.ToArray(),
        };
        return new LiveFailureSource(reader, _host).ReadAsync(query, LiveFailureSource.LinkWindow(_analyzerOptions), ObserveAsync, cancellationToken);
    }

    /// <summary>Finalizes what is still open and reports what was hidden or set aside.</summary>
    public async Task CompleteAsync()
    {
        await EmitAsync(_analyzer.Complete()).ConfigureAwait(false);
        if (_findingsMissingEvidence > 0)
        {
            await _host.WriteWarningAsync(MissingEvidenceAdvice.Describe(_missingEvidence, _findingsMissingEvidence)).ConfigureAwait(false);
        }

        // Hidden Conditional Access is said once: within the missing-evidence warning when a finding lacked it, else here.
        if (_hiddenConditionalAccessExample is not null && !_missingEvidence.Any(MissingEvidenceAdvice.IsConditionalAccess))
        {
            await _host.WriteWarningAsync(ConditionalAccessVisibility.HiddenWarning(_hiddenConditionalAccessExample)).ConfigureAwait(false);
        }

        await _host.WriteVerboseAsync("Input order: " + _analyzer.InputOrder + ".").ConfigureAwait(false);
        if (_analyzer.OrderWarning is { } warning)
        {
            await _host.WriteVerboseAsync(warning).ConfigureAwait(false);
        }

        if (_analyzer.BenignHidden > 0)
        {
            await _host.WriteVerboseAsync(_analyzer.BenignHidden + " benign interrupts hidden; use -IncludeBenign to see them.").ConfigureAwait(false);
        }

        if (_filter.Exclusions.IsActive)
        {
            await _host.WriteVerboseAsync(_filter.Exclusions.SignIns + " sign-ins excluded by -ExcludeUserPrincipalName/-ExcludeGuest (" + _filter.Exclusions.Failures + " of them failed); they are not analysed.").ConfigureAwait(false);
        }

        if (_once.Report() is { } duplicates)
        {
            await _host.WriteVerboseAsync(duplicates).ConfigureAwait(false);
        }

        if (_summary is not null)
        {
            _summary.SetExcluded(_filter.Exclusions.SignIns, _filter.Exclusions.Failures);
            _summary.SetDuplicates(_once.Duplicates, _once.WithoutId);
            await _host.WriteOutputAsync(_summary.Build()).ConfigureAwait(false);
        }
    }

    private async Task EmitAsync(IReadOnlyList<StrongAuthFailure> failures)
    {
        foreach (var failure in failures.Where(_filter.Wants))
        {
            if (failure.MissingEvidence.Count > 0)
            {
                _findingsMissingEvidence++;
                _missingEvidence.UnionWith(failure.MissingEvidence);
            }

            if (_summary is not null)
            {
                _summary.Add(failure);
            }
            else
            {
                await _host.WriteOutputAsync(failure).ConfigureAwait(false);
            }
        }
    }
}
