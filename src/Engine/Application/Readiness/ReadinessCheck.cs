using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Policies.Scope;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Diagnosis;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Readiness;

/// <summary>
/// Test-StrongAuthReadiness's work once its parameters are bound: every sign-in of the window counted per user and
/// app that the policy's application conditions take in; then the users resolved against the policy's user scope
/// and strength (Test-MfaEnrollment -Policy's code), the accounts scored (Find-HeadlessUserSignIn's), the apps'
/// recovery measured; then one verdict per user and app.
/// </summary>
public sealed class ReadinessCheck
{
    private readonly StrongAuthPolicy _policy;
    private readonly ReadinessCheckOptions _options;
    private readonly IRunHost _host;
    private readonly Dictionary<(string User, string App), ReadinessTally> _tallies = new();
    private readonly ReadinessHistory _history;
    private readonly bool _ownsHistory;
    private int _outOfAppScope;

    public ReadinessCheck(StrongAuthPolicy policy, ReadinessCheckOptions options, IRunHost host)
        : this(policy, options, host, null)
    {
    }

    /// <summary>
    /// <paramref name="shared"/>: the history of a <see cref="ReadinessChecks"/> run, which accepts each sign-in once for
    /// all its checks; null: this check keeps its own.
    /// </summary>
    internal ReadinessCheck(StrongAuthPolicy policy, ReadinessCheckOptions options, IRunHost host, ReadinessHistory? shared)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _history = shared ?? new ReadinessHistory(options);
        _ownsHistory = shared is null;
    }

    /// <summary>One user sign-in from a file, the pipeline or the tenant; a repeated id, another window or a workload identity is skipped.</summary>
    public Task ObserveAsync(SignInEvent signIn)
    {
        if (_ownsHistory && !_history.Accept(signIn))
        {
            return Task.CompletedTask;
        }

        Count(signIn);
        return Task.CompletedTask;
    }

    /// <summary>A sign-in the history accepted: counted if the policy's application and client conditions take it in.</summary>
    internal void Count(SignInEvent signIn)
    {
        var user = (signIn.UserId ?? signIn.UserPrincipalName)!;
        if (ApplicationScope.Evaluate(_policy, signIn.ResourceId, signIn.AppId, HeadlessData.BuiltIn.IsLegacyClient(signIn.ClientAppUsed)) == ScopeAnswer.OutOfScope)
        {
            _outOfAppScope++;
            return;
        }

        var key = (user, signIn.AppId ?? string.Empty);
        if (!_tallies.TryGetValue(key, out var tally))
        {
            _tallies[key] = tally = new ReadinessTally(user, signIn.AppId);
        }

        tally.Add(signIn, _policy.Id, HeadlessData.BuiltIn);
    }

    /// <summary>Resolves the users against the policy with <paramref name="tenant"/> (null: <paramref name="noTenantData"/> says why) and writes the verdicts.</summary>
    public async Task CompleteAsync(IEnrollmentData? tenant, string noTenantData, CancellationToken cancellationToken)
    {
        var lookup = Lookup(await EnrollAsync(tenant, cancellationToken).ConfigureAwait(false));
        var headless = _history.Scores();
        var recovery = _history.Apps();
        var cannotSatisfy = _tallies.Values.GroupBy(t => t.UserKey, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Sum(t => t.StrengthCannotSatisfy), StringComparer.OrdinalIgnoreCase);
        var results = new List<ReadinessResult>();
        var outOfScope = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tally in _tallies.Values.OrderBy(t => t.UserPrincipalName ?? t.UserKey, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.AppDisplayName ?? t.AppId, StringComparer.OrdinalIgnoreCase))
        {
            var result = lookup(tally);
            if (result is { ExcludedKind: EnrollmentExclusion.OutOfPolicyScope })
            {
                outOfScope.Add(tally.UserKey);
                continue;
            }

            headless.TryGetValue(tally.UserKey, out var finding);
            var app = tally.AppId is { } id && recovery.TryGetValue(id, out var measured) ? measured : null;
            var missing = tenant is null ? noTenantData : result is null ? "the user is not in the registration data" : null;
            results.Add(ReadinessAssessor.Assess(_policy, tally, finding, result is { OutcomeKind: not EnrollmentOutcome.NotEvaluated } ? result : null, missing, app, cannotSatisfy[tally.UserKey]));
        }

        await _host.WriteVerboseAsync(string.Format(CultureInfo.InvariantCulture, "'{0}': {1} user and app pairs assessed; {2} users outside its user scope; {3} sign-ins to apps or over clients outside its conditions.", _policy.DisplayName, results.Count, outOfScope.Count, _outOfAppScope)).ConfigureAwait(false);
        if (_ownsHistory && _history.DuplicatesReport() is { } duplicates)
        {
            await _host.WriteVerboseAsync(duplicates).ConfigureAwait(false);
        }

        // Nothing assessed is not "nothing breaks": say why, so a gate that returns $true on no evidence is visible.
        if (results.Count == 0)
        {
            await _host.WriteWarningAsync(string.Format(CultureInfo.InvariantCulture, "'{0}': no user and app in its scope signed in during the window ({1} user sign-ins read; {2} users outside its user scope; {3} sign-ins to apps or over clients outside its conditions), so nothing was assessed. Widen the window (-StartTime), check the sign-in source, or check the policy's users and apps.", _policy.DisplayName, _history.UserSignIns, outOfScope.Count, _outOfAppScope)).ConfigureAwait(false);
        }

        if (_options.Quiet)
        {
            await _host.WriteOutputAsync(results.All(r => r.VerdictKind != ReadinessVerdict.WillBreak)).ConfigureAwait(false);
        }
        else if (_options.Summary)
        {
            await _host.WriteOutputAsync(new ReadinessSummary(_policy.DisplayName, results, outOfScope.Count, _outOfAppScope)).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results)
            {
                await _host.WriteOutputAsync(result).ConfigureAwait(false);
            }
        }
    }

    /// <summary>From how many users the registration report is read whole (see <see cref="ReadinessEnrollment"/>); tests lower it.</summary>
    internal int WholeReportFrom { get; init; } = ReadinessEnrollment.WholeReportFrom;

    // Test-MfaEnrollment -Policy for the users seen: scope (three-valued) and the policy's strength, per user.
    private async Task<IReadOnlyList<MfaEnrollmentResult>> EnrollAsync(IEnrollmentData? tenant, CancellationToken cancellationToken)
    {
        if (tenant is null || _tallies.Count == 0)
        {
            return Array.Empty<MfaEnrollmentResult>();
        }

        var users = _tallies.Values.GroupBy(t => t.UserKey, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        return await ReadinessEnrollment.AssessAsync(_policy, tenant, users, _host, cancellationToken, WholeReportFrom).ConfigureAwait(false);
    }

    // By id, else by UPN: a user and app pair per sign-in tally, so the lookups are by key, not a scan of the results.
    private static Func<ReadinessTally, MfaEnrollmentResult?> Lookup(IReadOnlyList<MfaEnrollmentResult> results)
    {
        var byId = new Dictionary<string, MfaEnrollmentResult>(StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, MfaEnrollmentResult>(StringComparer.OrdinalIgnoreCase);
        foreach (var result in results)
        {
            if (result.UserId is { } id && !byId.ContainsKey(id))
            {
                byId[id] = result;
            }

            if (result.UserPrincipalName is { } name && !byName.ContainsKey(name))
            {
                byName[name] = result;
            }
        }

        return tally => (tally.UserId is { } id && byId.TryGetValue(id, out var found)) || (tally.UserPrincipalName is { } name && byName.TryGetValue(name, out found)) ? found : null;
    }
}
