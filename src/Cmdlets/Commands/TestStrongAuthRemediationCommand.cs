using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Completers;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Cmdlets.Remediation;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Remediation;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application;
using EntraStrongAuth.Engine.Application.Remediation;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Proof that a fix worked: for each user, user + app or script, compares the sign-ins of a window before the fix
/// with those after it and says Fixed, NotFixed or Inconclusive, with the evidence. From -Path files or live.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "StrongAuthRemediation", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(RemediationResult), typeof(bool))]
public sealed class TestStrongAuthRemediationCommand : SignInLogCommandBase
{
    private const string LiveSet = "Live";

    private RemediationComparer? _comparer;
    private RemediationOptions? _options;
    private readonly List<RemediationSubject> _subjects = new();

    /// <summary>As the base's -Path, but not from the pipeline: piped objects are subjects here, and a string piped
    /// without -Path would otherwise bind to -Path and be read as a file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public override string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>Subjects: Get-StrongAuthFailure failures, Find-HeadlessUserSignIn findings, any object with
    /// UserPrincipalName / UserId / AppId (/ ServicePrincipalId) properties, or UPN strings.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter]
    [Alias("UPN")]
    [ValidateNotNullOrEmpty]
    public string[]? UserPrincipalName { get; set; }

    /// <summary>Narrows each named user to these client apps; without users, each app (any user) is a subject.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? AppId { get; set; }

    /// <summary>The service principal or managed identity (object id or app id) the automation should now sign in as.</summary>
    [Parameter]
    [Alias("ManagedIdentityId")]
    [ValidateNotNullOrEmpty]
    public string? ServicePrincipalId { get; set; }

    /// <summary>When the fix was made: before = [FixedAt − Window, FixedAt), after = [FixedAt, AfterEnd).</summary>
    [Parameter(Mandatory = true)]
    public DateTime FixedAt { get; set; }

    /// <summary>The length of the before-window. Default 7 days.</summary>
    [Parameter]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>An explicit start of the before-window, instead of FixedAt − Window.</summary>
    [Parameter]
    public DateTime? BeforeStart { get; set; }

    /// <summary>The end of the after-window. Default: now.</summary>
    [Parameter]
    [Alias("EndTime")]
    public DateTime? AfterEnd { get; set; }

    /// <summary>A person is judged only with at least this many sign-ins after the fix. Default 3.</summary>
    [Parameter]
    [ValidateRange(1, 100000)]
    public int MinimumSignIns { get; set; } = 3;

    /// <summary>Only $true (every subject Fixed) or $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        var fixedAt = PSObjectReader.ToUtc(FixedAt);
        var now = DateTimeOffset.UtcNow;
        if (Window <= TimeSpan.Zero && BeforeStart is null)
        {
            throw Invalid("-Window must be more than zero; got " + Window + ".");
        }

        var beforeStart = BeforeStart is { } b ? PSObjectReader.ToUtc(b) : fixedAt - Window;
        var afterEnd = AfterEnd is { } a ? PSObjectReader.ToUtc(a) : now;
        if (fixedAt >= now && AfterEnd is null)
        {
            throw new EntraStrongAuthException("FixedAtInFuture", FailureKind.InvalidArgument, "-FixedAt (" + Utc(fixedAt) + ") is in the future: there is no after-window yet.", "Pass the time the fix was made, in the past; add -AfterEnd for a replay.");
        }

        if (beforeStart >= fixedAt || afterEnd <= fixedAt)
        {
            throw Invalid("The windows must be ordered -BeforeStart (" + Utc(beforeStart) + ") < -FixedAt (" + Utc(fixedAt) + ") < -AfterEnd (" + Utc(afterEnd) + ").");
        }

        _options = new RemediationOptions(beforeStart, fixedAt, afterEnd) { MinimumAfterSignIns = MinimumSignIns };
        _comparer = new RemediationComparer(_options);
        foreach (var subject in NamedSubjects())
        {
            Add(subject);
        }

        return Task.CompletedTask;
    }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (InputObject is null)
        {
            return Task.CompletedTask;
        }

        if (RemediationSubjectReader.Read(InputObject, ServicePrincipalId) is { } subject)
        {
            Add(subject);
            return Task.CompletedTask;
        }

        return WriteErrorAsync(
            new EntraStrongAuthException("InvalidRemediationSubject", FailureKind.InvalidArgument, "The input (" + PSObjectReader.TypeName(InputObject) + ") names no user or app: it needs a UserPrincipalName, UserId or AppId property.", "Pipe Get-StrongAuthFailure or Find-HeadlessUserSignIn output, objects with those properties, or UPN strings."),
            InputObject);
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        if (_subjects.Count == 0)
        {
            throw new EntraStrongAuthException("NoRemediationSubject", FailureKind.InvalidArgument, "No subject to test.", "Name users with -UserPrincipalName or apps with -AppId, or pipe failures, findings or objects with a UserPrincipalName property.");
        }

        var options = _options!;
        await WriteVerboseAsync("Before: " + Utc(options.BeforeStart) + " to " + Utc(options.FixedAt) + "; after: to " + Utc(options.AfterEnd) + "; " + _subjects.Count + " subjects.").ConfigureAwait(false);
        if (ParameterSetName == LiveSet)
        {
            var reader = new LiveSignInReader(ConnectionStore.Require(), CreateRunHost(), 1, "Reading the subjects' sign-ins from Microsoft Graph");
            await new LiveRemediationSource(reader).ReadAsync(_subjects, options, Observe, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ReadSignInsAsync(Observe, cancellationToken).ConfigureAwait(false);
        }

        var results = _comparer!.Results();
        await WriteVerboseAsync(_comparer.Counted + " sign-ins of the subjects counted; " + string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => g.Count() + " " + g.Key)) + ".").ConfigureAwait(false);
        if (Quiet)
        {
            await WriteObjectAsync(results.All(r => r.Outcome == RemediationOutcome.Fixed)).ConfigureAwait(false);
            return;
        }

        foreach (var result in results)
        {
            await WriteObjectAsync(result).ConfigureAwait(false);
        }
    }

    private IEnumerable<RemediationSubject> NamedSubjects()
    {
        var apps = AppId is { Length: > 0 } ? AppId.Select(a => (string?)a).ToArray() : new string?[] { null };
        if (UserPrincipalName is null)
        {
            return AppId is null ? Enumerable.Empty<RemediationSubject>() : AppId.Select(a => new RemediationSubject(null, null, a, ServicePrincipalId));
        }

        return UserPrincipalName.SelectMany(u => apps.Select(a => new RemediationSubject(u, null, a, ServicePrincipalId)));
    }

    private void Add(RemediationSubject subject)
    {
        if (_comparer!.AddSubject(subject))
        {
            _subjects.Add(subject);
        }
    }

    private Task Observe(SignInEvent signIn)
    {
        _comparer!.Add(signIn);
        return Task.CompletedTask;
    }

    private static EntraStrongAuthException Invalid(string message) =>
        new("InvalidRemediationWindow", FailureKind.InvalidArgument, message, "Pass -FixedAt in the past and either -Window (e.g. (New-TimeSpan -Days 7)) or -BeforeStart/-AfterEnd around it.");

    private static string Utc(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);
}
