using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Progress;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Enrollment;

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>
/// Debug-StrongAuthFailure's work once its parameters are bound: locate each named failure, read what surrounds it
/// (its flow, its account's and app's history, the tenant's policies and the user's methods), classify it as
/// Get-StrongAuthFailure would, and write one <see cref="StrongAuthDiagnosis"/> per failure. A request that locates
/// nothing is a non-terminating DiagnosisFailureNotFound error saying where else to look.
/// </summary>
public sealed class FailureDiagnosis
{
    private const string Activity = "Diagnosing strong-authentication failures";

    private readonly FailureDiagnosisOptions _options;
    private readonly IRunHost _host;
    private readonly StrongAuthClassifier _classifier;
    private readonly IReadOnlyCollection<int> _codes;
    private readonly List<DiagnosisRequest> _requests = new();
    private readonly List<StrongAuthFailure> _piped = new();

    public FailureDiagnosis(FailureDiagnosisOptions options, IRunHost host)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _classifier = options.Classifier ?? StrongAuthClassifier.Default;
        _codes = StrongAuthAnalyzerOptions.DefaultErrorCodes(_classifier.Catalog);
    }

    /// <summary>Requests and piped failures so far: the command checks there is something to diagnose.</summary>
    public int Pending => _requests.Count + _piped.Count;

    /// <summary>Requests need a source to be located in; piped failures carry their own record.</summary>
    public bool HasRequests => _requests.Count > 0;

    public void Add(DiagnosisRequest request) => _requests.Add(request ?? throw new ArgumentNullException(nameof(request)));

    /// <summary>A failure already classified (Get-StrongAuthFailure output), or a failed sign-in piped in.</summary>
    public void Add(StrongAuthFailure failure) => _piped.Add(failure ?? throw new ArgumentNullException(nameof(failure)));

    public void Add(SignInEvent failedSignIn) => _piped.Add(_classifier.Classify(failedSignIn ?? throw new ArgumentNullException(nameof(failedSignIn))));

    /// <summary>
    /// Locates, gathers and diagnoses. <paramref name="source"/> null: only piped failures, each from its own record
    /// (the steps that need history say so). <paramref name="tenant"/> null: <paramref name="noTenantData"/> says why.
    /// </summary>
    public async Task RunAsync(IDiagnosisSignIns? source, IEnrollmentData? tenant, string noTenantData, CancellationToken cancellationToken)
    {
        var located = new List<(SignInEvent SignIn, StrongAuthFailure? Piped)>();
        located.AddRange(_piped.Select(f => (f.SignIn, (StrongAuthFailure?)f)));
        if (_requests.Count > 0)
        {
            if (source is null)
            {
                throw new InvalidOperationException("Requests need a sign-in source.");
            }

            await _host.WriteProgressAsync(new RunProgress(1, Activity, "Locating " + _requests.Count + " failure(s) in " + source.Description)).ConfigureAwait(false);
            var candidates = await source.LocateAsync(_requests, _codes, cancellationToken).ConfigureAwait(false);
            foreach (var request in _requests)
            {
                located.AddRange((await MatchAsync(request, candidates, source).ConfigureAwait(false)).Select(s => (s, (StrongAuthFailure?)null)));
            }
        }

        located = located.GroupBy(l => l.SignIn.Id ?? Guid.NewGuid().ToString()).Select(g => g.First()).ToList();
        if (located.Count == 0)
        {
            return;
        }

        var context = source is null ? null : await source.ReadContextAsync(new DiagnosisScope(located.Select(l => l.SignIn).ToList(), _options.History, _options.After, _codes), cancellationToken).ConfigureAwait(false);
        var facts = new DiagnosisTenantFacts(tenant, source?.Live ?? false, noTenantData);
        var (policies, policiesMissing) = await facts.PoliciesAsync(cancellationToken).ConfigureAwait(false);
        var done = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (signIn, piped) in located)
        {
            await _host.WriteProgressAsync(new RunProgress(1, Activity, new ProgressLine(clock.Elapsed).OfTotal(done, located.Count, "diagnosed").Text(signIn.ToString()).ToString())
            {
                PercentComplete = ProgressEstimate.Percent(done, located.Count),
                SecondsRemaining = ProgressEstimate.SecondsRemaining(done, located.Count, clock.Elapsed),
            }).ConfigureAwait(false);
            var around = context is null ? null : Around(signIn, context);
            var failure = around is null ? piped! : Classify(signIn, around.Value.User.Concat(around.Value.Flow));
            var (enrollment, enrollmentMissing) = await facts.EnrollmentAsync(failure, cancellationToken).ConfigureAwait(false);
            var input = new DiagnosisInput(failure)
            {
                Flow = around?.Flow ?? (IReadOnlyList<SignInEvent>)new[] { signIn },
                UserHistory = around?.User,
                AppHistory = around?.App,
                HistoryMissing = source is null ? "only the piped failure was given (no -Path and no connection)" : null,
                HistoryStart = around?.Start,
                HistoryEnd = around?.End,
                Live = source?.Live ?? false,
                Enrollment = enrollment,
                EnrollmentMissing = enrollmentMissing,
                Policies = policies,
                PoliciesMissing = policiesMissing,
                Data = _classifier.Data,
                ResolutionWindow = _options.ResolutionWindow,
                FallbackWindow = _options.After,
                StrongAuthCodes = _codes,
            };
            await _host.WriteOutputAsync(DiagnosisBuilder.Build(input, _options.Now, source?.Description ?? "the piped failure")).ConfigureAwait(false);
            done++;
        }

        await _host.WriteProgressAsync(new RunProgress(1, Activity, new ProgressLine(clock.Elapsed).CountWithRate(done, "diagnosed").ToString()) { Completed = true }).ConfigureAwait(false);
        if (source is { Live: true })
        {
            await _host.WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "{0} failure(s) diagnosed with {1} sign-in log request(s) to Microsoft Graph.", done, source.Requests)).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<SignInEvent>> MatchAsync(DiagnosisRequest request, IReadOnlyList<SignInEvent> candidates, IDiagnosisSignIns source)
    {
        var matches = Distinct(candidates.Where(request.Matches));
        if (matches.Count == 0 && request.IsExact && request.CorrelationId is not null)
        {
            // The Trace ID may name another request of the flow than the one logged; the correlation still finds it.
            matches = Distinct(candidates.Where(request.WithoutIds().Matches));
        }

        if (matches.Count == 0)
        {
            await _host.WriteErrorAsync(NotFound(request, source), request).ConfigureAwait(false);
            return matches;
        }

        if (matches.Count > _options.First)
        {
            await _host.WriteWarningAsync(string.Format(CultureInfo.InvariantCulture, "{0} failures match {1}; the newest {2} are diagnosed. Narrow the request (-At, -CorrelationId) or raise -First.", matches.Count, request.Describe(), _options.First)).ConfigureAwait(false);
        }

        return matches.OrderByDescending(s => s.CreatedDateTime).Take(_options.First).ToList();
    }

    private static EntraStrongAuthException NotFound(DiagnosisRequest request, IDiagnosisSignIns source) => new(
        ErrorIds.DiagnosisFailureNotFound,
        FailureKind.ObjectNotFound,
        "No strong-authentication failure matches " + request.Describe() + " in " + source.Description + ".",
        source.Live
            ? "Sign-ins can take up to 15 minutes to appear and Graph keeps them 30 days; check the ids, or look by user and time: -UserPrincipalName with -At."
            : "Add the export that covers the failure's time to -Path; non-interactive sign-ins are a separate download in the admin center.");

    private static List<SignInEvent> Distinct(IEnumerable<SignInEvent> signIns) =>
        signIns.GroupBy(s => s.Id ?? Guid.NewGuid().ToString()).Select(g => g.First()).ToList();

    private (List<SignInEvent> Flow, List<SignInEvent> User, List<SignInEvent> App, DateTimeOffset Start, DateTimeOffset End)? Around(SignInEvent failure, DiagnosisContext context)
    {
        var start = failure.CreatedDateTime - _options.History;
        var end = failure.CreatedDateTime + _options.After;
        if (context.DataStart is { } first && first > start)
        {
            start = first;
        }

        if (context.DataEnd is { } last && last < end)
        {
            end = last;
        }

        var all = Distinct(context.SignIns.Append(failure));
        bool InWindow(SignInEvent s) => s.CreatedDateTime >= failure.CreatedDateTime - _options.History && s.CreatedDateTime <= failure.CreatedDateTime + _options.After;
        var flow = all.Where(s => failure.CorrelationId is not null && string.Equals(s.CorrelationId, failure.CorrelationId, StringComparison.OrdinalIgnoreCase)).OrderBy(s => s.CreatedDateTime).ToList();
        var user = all.Where(s => InWindow(s) && (Same(s.UserId, failure.UserId) || Same(s.UserPrincipalName, failure.UserPrincipalName))).ToList();
        var app = all.Where(s => InWindow(s) && Same(s.AppId, failure.AppId)).ToList();
        return (flow.Count == 0 ? new List<SignInEvent> { failure } : flow, user, app, start, end);
    }

    // As Get-StrongAuthFailure would classify and link it, over the sign-ins around it.
    private StrongAuthFailure Classify(SignInEvent failure, IEnumerable<SignInEvent> around)
    {
        var analyzer = new StrongAuthAnalyzer(new StrongAuthAnalyzerOptions
        {
            ErrorCodes = _codes.Append(failure.ErrorCode).Distinct().ToList(),
            IncludeBenign = true,
            ResolutionWindow = _options.ResolutionWindow,
            Classifier = _classifier,
        });
        var results = new List<StrongAuthFailure>();
        foreach (var signIn in Distinct(around.Append(failure)).OrderByDescending(s => s.CreatedDateTime).ThenByDescending(s => s.Id, StringComparer.Ordinal))
        {
            results.AddRange(analyzer.Observe(signIn));
        }

        results.AddRange(analyzer.Complete());
        return results.FirstOrDefault(r => ReferenceEquals(r.SignIn, failure) || (failure.Id is not null && r.SignInId == failure.Id)) ?? _classifier.Classify(failure);
    }

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
