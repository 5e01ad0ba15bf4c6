using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Filtering;

namespace EntraStrongAuth.Engine.Application.Failures;

/// <summary>
/// Get-StrongAuthFailure's filters, from one options object, in one place. Where each applies is what keeps the
/// answers right: account, app and exclusions before linking (a failure's resolving success has the same user and
/// app, and an excluded account is never analysed); cause and time on the finalized failures (a cause is known only
/// after classification, and a success just after -EndTime can still resolve a failure inside it). The error codes
/// and -IncludeBenign go to the analyzer itself (<see cref="FailureAnalysis"/>).
/// </summary>
public sealed class FailureFilter
{
    private readonly FailureAnalysisOptions _options;
    private readonly SignInSelection _selection;

    public FailureFilter(FailureAnalysisOptions options)
    {
        _options = options ?? throw new System.ArgumentNullException(nameof(options));
        _selection = options.Filter.ToSelection();
    }

    /// <summary>What the exclusions set aside, for -Verbose and the summary.</summary>
    public SignInExclusions Exclusions => _selection.Exclusions;

    /// <summary>Whether a sign-in goes to the analyzer; an excluded one is counted.</summary>
    public bool Selects(SignInEvent signIn) => _selection.Selects(signIn);

    /// <summary>Whether a finalized failure is reported.</summary>
    public bool Wants(StrongAuthFailure failure) =>
        failure is not null
        && (_options.Causes is null || _options.Causes.Contains(failure.CauseKind))
        && (_options.Filter.Start is null || failure.CreatedDateTime >= _options.Filter.Start.Value)
        && (_options.Filter.End is null || failure.CreatedDateTime <= _options.Filter.End.Value);
}
