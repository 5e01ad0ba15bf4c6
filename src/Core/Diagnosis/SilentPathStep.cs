using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Headless;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// Step 3: was the client on a path that cannot show the challenge: a non-interactive (refresh token, primary
/// refresh token) request, ROPC, a legacy protocol, a scripting user agent; and does this app fall back to an
/// interactive sign-in after such an interrupt in this tenant (its observed recovery rate).
/// </summary>
internal static class SilentPathStep
{
    public const string Name = "Silent path";

    public static DiagnosisStep Build(DiagnosisInput input, AppRecovery? recovery)
    {
        var signIn = input.SignIn;
        var evidence = new List<string>
        {
            "isInteractive = " + (signIn.IsInteractive?.ToString() ?? "(not recorded)"),
        };
        Add(evidence, "incomingTokenType", signIn.IncomingTokenType);
        Add(evidence, "authenticationProtocol", signIn.AuthenticationProtocol);
        Add(evidence, "clientAppUsed", signIn.ClientAppUsed);
        Add(evidence, "userAgent", signIn.UserAgent);
        var scripting = input.Data.MatchUserAgent(signIn.UserAgent);
        if (scripting is not null)
        {
            evidence.Add("The user agent is a scripting tool (" + scripting + ").");
        }

        if (recovery is not null && recovery.SilentInterrupts > 0)
        {
            evidence.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2} silent interrupts ({3} users) were followed by an interactive sign-in within {4}.", recovery.AppDisplayName ?? recovery.AppId, recovery.Recovered, recovery.SilentInterrupts, recovery.Users, Durations.Describe(input.FallbackWindow)));
        }

        if (Is(signIn.AuthenticationProtocol, "ropc") || HeadlessData.BuiltIn.IsLegacyClient(signIn.ClientAppUsed))
        {
            return new DiagnosisStep(3, Name, DiagnosisStatus.Problem, "The client signs in with " + (Is(signIn.AuthenticationProtocol, "ropc") ? "the password grant (ROPC)" : "a legacy protocol (" + signIn.ClientAppUsed + ")") + ": it can never show an MFA prompt, so every strong-authentication requirement fails.", evidence);
        }

        if (signIn.IsInteractive is null)
        {
            return new DiagnosisStep(3, Name, DiagnosisStatus.Unknown, "The record does not say whether the sign-in was interactive.", evidence, "Read both interactive and non-interactive sign-ins (Graph beta signInEventTypes, or the SigninLogs and AADNonInteractiveUserSignInLogs tables).");
        }

        if (signIn.IsInteractive == true)
        {
            return new DiagnosisStep(3, Name, DiagnosisStatus.Ok, "Interactive: the sign-in could show the challenge to the user" + (scripting is null ? "." : ", though its user agent is a scripting tool (see step 6)."), evidence);
        }

        var silent = "Non-interactive" + (signIn.IncomingTokenType is { } token && !Is(token, "none") ? " (" + token + ")" : string.Empty) + ": the request was silent, so Entra could not show the challenge; only the app can, by catching interaction_required and signing in interactively.";
        if (recovery is null)
        {
            return new DiagnosisStep(3, Name, DiagnosisStatus.Unknown, silent + " Whether this app falls back was not measured: " + (input.HistoryMissing ?? "its history was not read") + ".", evidence, input.HistoryMissing is null ? null : "Give -Path the tenant's sign-ins of the days around the failure, or run connected.");
        }

        if (!recovery.IsConclusive)
        {
            var status = input.Failure.ResolutionKind == ResolutionState.Resolved ? DiagnosisStatus.Ok : DiagnosisStatus.Unknown;
            return new DiagnosisStep(3, Name, status, silent + string.Format(CultureInfo.InvariantCulture, " Only {0} silent interrupts of this app in the history: too few to say whether it falls back.", recovery.SilentInterrupts), evidence, status == DiagnosisStatus.Unknown ? "Widen -HistoryDays, or look again after more sign-ins." : null);
        }

        if (recovery.Recovered == 0)
        {
            return new DiagnosisStep(3, Name, DiagnosisStatus.Problem, silent + string.Format(CultureInfo.InvariantCulture, " This app never fell back: none of its {0} silent interrupts was followed by an interactive sign-in. It does not handle interaction_required.", recovery.SilentInterrupts), evidence);
        }

        var rate = recovery.Rate!.Value;
        var summary = silent + string.Format(CultureInfo.InvariantCulture, " This app falls back after {0:P0} of its silent interrupts.", rate);
        return input.Failure.ResolutionKind == ResolutionState.Resolved || rate >= 0.5
            ? new DiagnosisStep(3, Name, DiagnosisStatus.Ok, summary, evidence)
            : new DiagnosisStep(3, Name, DiagnosisStatus.Problem, summary + " Mostly it does not, and this failure was not resolved.", evidence);
    }

    private static void Add(List<string> evidence, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            evidence.Add(field + " = " + value);
        }
    }

    private static bool Is(string? value, string expected) => string.Equals(value?.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}
