using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Headless;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>Runs the seven steps over what was gathered for one failure and assembles the diagnosis.</summary>
internal static class DiagnosisBuilder
{
    public static StrongAuthDiagnosis Build(DiagnosisInput input, DateTimeOffset now, string? source)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        var recovery = input.AppHistory is { } apps ? AppRecovery.Measure(input.Failure.AppId, apps, input.StrongAuthCodes, input.FallbackWindow) : null;
        var headless = Score(input);
        var steps = new List<DiagnosisStep>
        {
            LocateStep.Build(input),
            ConditionalAccessStep.Build(input),
            SilentPathStep.Build(input, recovery),
            ContextMoveStep.Build(input),
            EnrollmentStep.Build(input),
            AccountKindStep.Build(input, headless),
        };
        var scored = input.UserHistory is { Count: >= AccountKindStep.MinimumSignIns } ? headless?.Score : null;
        var (cause, confidence, chain) = DiagnosisVerdict.Decide(input.Failure, steps, scored);
        var fixes = DiagnosisFixes.For(cause, input, headless).ToList();
        if (cause is not (FailureCause.HeadlessUserAccount or FailureCause.BenignInterrupt) && scored >= AccountKindStep.ScriptScore)
        {
            fixes.AddRange(DiagnosisFixes.For(FailureCause.HeadlessUserAccount, input, headless).Where(f => f.AudienceKind == FixAudience.Admin));
        }

        var verify = VerifyCommand.For(input.Failure, cause, now);
        steps.Add(DiagnosisVerdict.Step(cause, confidence, chain, verify));
        return new StrongAuthDiagnosis(input.Failure, steps, cause, confidence, fixes, verify)
        {
            Flow = input.Flow,
            Enrollment = input.Enrollment,
            Headless = headless,
            AppRecovery = recovery,
            Source = source,
        };
    }

    // The account as a whole (every app): a script is a property of the account, whichever app failed.
    private static HeadlessFinding? Score(DiagnosisInput input)
    {
        if (input.UserHistory is not { Count: > 0 } history)
        {
            return null;
        }

        var scorer = new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = 0, WindowStart = input.HistoryStart, WindowEnd = input.HistoryEnd });
        var user = input.Failure.UserId ?? input.Failure.UserPrincipalName;
        foreach (var signIn in history.Where(s => Same(s.UserId, input.Failure.UserId) || Same(s.UserPrincipalName, input.Failure.UserPrincipalName)))
        {
            scorer.Add(signIn);
        }

        var findings = scorer.Findings();
        return findings.Count == 0 ? null : findings[0];
    }

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
