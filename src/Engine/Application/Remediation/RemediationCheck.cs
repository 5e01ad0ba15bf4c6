using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Remediation;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Remediation;

/// <summary>
/// Test-StrongAuthRemediation's work once its parameters are bound: the before and after windows checked, the
/// subjects (named, then piped) collected once each, their sign-ins compared around the fix, and a result per
/// subject (or one $true/$false with -Quiet) written.
/// </summary>
public sealed class RemediationCheck
{
    private readonly RemediationCheckOptions _options;
    private readonly IRunHost _host;
    private readonly RemediationOptions _windows;
    private readonly RemediationComparer _comparer;
    private readonly List<RemediationSubject> _subjects = new();
    private readonly SignInOnce _once = new();

    /// <param name="options">The bound parameters.</param>
    /// <param name="host">Where results and reports go.</param>
    /// <param name="now">The present, which ends the after-window by default.</param>
    public RemediationCheck(RemediationCheckOptions options, IRunHost host, DateTimeOffset now)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _windows = Windows(options, now);
        _comparer = new RemediationComparer(_windows);
        foreach (var subject in NamedSubjects(options))
        {
            AddSubject(subject);
        }
    }

    /// <summary>A subject from the pipeline; the same subject twice counts once.</summary>
    public void AddSubject(RemediationSubject subject)
    {
        if (_comparer.AddSubject(subject))
        {
            _subjects.Add(subject);
        }
    }

    /// <summary>Before reading: there must be a subject; the windows are reported.</summary>
    public Task StartAsync()
    {
        if (_subjects.Count == 0)
        {
            throw new EntraStrongAuthException(ErrorIds.NoRemediationSubject, FailureKind.InvalidArgument, "No subject to test.", "Name users with -UserPrincipalName or apps with -AppId, or pipe failures, findings or objects with a UserPrincipalName property.");
        }

        return _host.WriteVerboseAsync("Before: " + Utc(_windows.BeforeStart) + " to " + Utc(_windows.FixedAt) + "; after: to " + Utc(_windows.AfterEnd) + "; " + _subjects.Count + " subjects.");
    }

    /// <summary>One sign-in from a file or the tenant: counted when it is a subject's and inside a window, and its id is new.</summary>
    public Task ObserveAsync(SignInEvent signIn)
    {
        if (_once.IsFirst(signIn))
        {
            _comparer.Add(signIn);
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads only the subjects' sign-ins from the tenant.</summary>
    public Task ReadLiveAsync(ISignInQueryReader reader, CancellationToken cancellationToken) =>
        new LiveRemediationSource(reader).ReadAsync(_subjects, _windows, ObserveAsync, cancellationToken);

    public async Task CompleteAsync()
    {
        var results = _comparer.Results();
        await _host.WriteVerboseAsync(_comparer.Counted + " sign-ins of the subjects counted; " + string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => g.Count() + " " + g.Key)) + ".").ConfigureAwait(false);
        if (_once.Report() is { } duplicates)
        {
            await _host.WriteVerboseAsync(duplicates).ConfigureAwait(false);
        }

        if (_options.Quiet)
        {
            await _host.WriteOutputAsync(results.All(r => r.OutcomeKind == RemediationOutcome.Fixed)).ConfigureAwait(false);
            return;
        }

        foreach (var result in results)
        {
            await _host.WriteOutputAsync(result).ConfigureAwait(false);
        }
    }

    private static RemediationOptions Windows(RemediationCheckOptions options, DateTimeOffset now)
    {
        var fixedAt = options.FixedAt;
        if (options.Window <= TimeSpan.Zero && options.BeforeStart is null)
        {
            throw Invalid("-Window must be more than zero; got " + options.Window + ".");
        }

        var beforeStart = options.BeforeStart ?? fixedAt - options.Window;
        var afterEnd = options.AfterEnd ?? now;
        if (fixedAt >= now && options.AfterEnd is null)
        {
            throw new EntraStrongAuthException(ErrorIds.FixedAtInFuture, FailureKind.InvalidArgument, "-FixedAt (" + Utc(fixedAt) + ") is in the future: there is no after-window yet.", "Pass the time the fix was made, in the past; add -AfterEnd for a replay.");
        }

        if (beforeStart >= fixedAt || afterEnd <= fixedAt)
        {
            throw Invalid("The windows must be ordered -BeforeStart (" + Utc(beforeStart) + ") < -FixedAt (" + Utc(fixedAt) + ") < -AfterEnd (" + Utc(afterEnd) + ").");
        }

        return new RemediationOptions(beforeStart, fixedAt, afterEnd) { MinimumAfterSignIns = options.MinimumSignIns };
    }

    private static IEnumerable<RemediationSubject> NamedSubjects(RemediationCheckOptions options)
    {
        var apps = options.AppIds is { Count: > 0 } ? options.AppIds.Select(a => (string?)a).ToArray() : new string?[] { null };
        if (options.UserPrincipalNames is null)
        {
            return options.AppIds is null ? Enumerable.Empty<RemediationSubject>() : options.AppIds.Select(a => new RemediationSubject(null, null, a, options.ServicePrincipalId));
        }

        return options.UserPrincipalNames.SelectMany(u => apps.Select(a => new RemediationSubject(u, null, a, options.ServicePrincipalId)));
    }

    private static EntraStrongAuthException Invalid(string message) =>
        new(ErrorIds.InvalidRemediationWindow, FailureKind.InvalidArgument, message, "Pass -FixedAt in the past and either -Window (e.g. (New-TimeSpan -Days 7)) or -BeforeStart/-AfterEnd around it.");

    private static string Utc(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);
}
