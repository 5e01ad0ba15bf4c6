using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// Step 1: the failed sign-in and its whole flow (the correlation's interrupts and later success, interactive and
/// non-interactive), and whether the data reaches far enough past it to say the flow ended unresolved.
/// </summary>
internal static class LocateStep
{
    public const string Name = "Locate";
    private const int MaxLines = 12;

    public static DiagnosisStep Build(DiagnosisInput input)
    {
        var failure = input.Failure;
        var signIn = input.SignIn;
        var flow = input.Flow.Count == 0 ? new[] { signIn } : input.Flow;
        var evidence = new List<string>();
        evidence.AddRange(flow.Take(MaxLines).Select(SignInLine.Of));
        if (flow.Count > MaxLines)
        {
            evidence.Add("… " + (flow.Count - MaxLines).ToString(CultureInfo.InvariantCulture) + " more sign-ins in this flow (the StrongAuthDiagnosis.Flow property holds them all).");
        }

        var interactive = flow.Count(s => s.IsInteractive == true);
        var nonInteractive = flow.Count(s => s.IsInteractive == false);
        var finding = string.Format(
            CultureInfo.InvariantCulture,
            "AADSTS{0}{1} for {2} in {3}, {4}; its flow (correlation {5}) has {6} sign-in(s): {7} interactive, {8} non-interactive, {9} successful. {10}",
            failure.ErrorCode,
            failure.ErrorName is null ? string.Empty : " (" + failure.ErrorName + ")",
            failure.UserPrincipalName ?? failure.UserId ?? "(user not recorded)",
            failure.AppDisplayName ?? failure.AppId ?? "(app not recorded)",
            SignInLine.Interactivity(failure.IsInteractive),
            failure.CorrelationId ?? "not recorded",
            flow.Count,
            interactive,
            nonInteractive,
            flow.Count(s => s.IsSuccess),
            Outcome(failure));

        // Unresolved, and the data stops before the resolution window closed: a success may still have come.
        if (failure.ResolutionKind != ResolutionState.Resolved && input.HistoryEnd is { } end && end < failure.CreatedDateTime + input.ResolutionWindow)
        {
            return new DiagnosisStep(1, Name, DiagnosisStatus.Unknown, finding + " The data ends at " + Time(end) + ", before the resolution window (" + Durations.Describe(input.ResolutionWindow) + ") closed: a later success may be missing.", evidence, input.Live
                ? "Run again after " + Time(failure.CreatedDateTime + input.ResolutionWindow) + " (sign-ins can take up to 15 minutes to appear)."
                : "Add an export that runs to at least " + Time(failure.CreatedDateTime + input.ResolutionWindow) + " to -Path.");
        }

        if (failure.CorrelationId is null)
        {
            return new DiagnosisStep(1, Name, DiagnosisStatus.Unknown, finding + " The record carries no correlation id, so its flow cannot be followed.", evidence, "Use an export with the correlation id (Graph JSON, the admin center JSON or Log Analytics).");
        }

        return new DiagnosisStep(1, Name, DiagnosisStatus.Ok, finding, evidence);
    }

    private static string Outcome(StrongAuthFailure failure) => failure.ResolutionKind switch
    {
        ResolutionState.Resolved => "Resolved by sign-in " + failure.ResolvedBySignInId + " at " + Time(failure.ResolvedAt!.Value)
            + (failure.TimeToResolveSpan is { } t ? " (" + Durations.Describe(t) + " later" : " (")
            + ", linked by " + failure.ResolutionLink + (failure.ResolvedBy is null ? string.Empty : ", MFA by " + failure.ResolvedBy) + ").",
        _ => "No later success of this flow, or of the same user and app, within the resolution window.",
    };

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
