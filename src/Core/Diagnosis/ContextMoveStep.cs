using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>
/// Step 4: did the session or flow move since the last strong proof: another resource (a stronger requirement on
/// it), another IP address or country, a risk level that rose, or a sign-in frequency that ran out. The proof is the
/// user's last MFA success before the failure, preferring the same session or correlation.
/// </summary>
internal static class ContextMoveStep
{
    public const string Name = "Context moves";

    public static DiagnosisStep Build(DiagnosisInput input)
    {
        var failure = input.SignIn;
        if (input.UserHistory is not { } history)
        {
            return new DiagnosisStep(4, Name, DiagnosisStatus.Unknown, "The user's earlier sign-ins were not read: " + (input.HistoryMissing ?? "no history") + ".", null, "Give -Path the user's sign-ins of the hours before the failure, or run connected.");
        }

        var proofs = history.Concat(input.Flow)
            .Where(s => s.IsSuccess && s.CreatedDateTime < failure.CreatedDateTime && SuccessProof.ResolvedBy(s) is not null)
            .ToList();
        var sameFlow = proofs.Where(s => Same(s.SessionId, failure.SessionId) || Same(s.CorrelationId, failure.CorrelationId)).ToList();
        var proof = Latest(sameFlow) ?? Latest(proofs);
        if (proof is null)
        {
            var since = input.HistoryStart is { } start ? " since " + LocateStep.Time(start) : string.Empty;
            return new DiagnosisStep(4, Name, DiagnosisStatus.Unknown, "No MFA success of this user before the failure in the history read" + since + ": there is no earlier strong proof to compare with.", null, "Widen -HistoryDays to reach the user's last MFA sign-in.");
        }

        var where = sameFlow.Contains(proof) ? "in the same session or flow" : "of this user (another session)";
        var changes = FlowChangeEvidence.Of(failure, FlowContext.Of(proof), where).Select(e => e.Reason).ToList();
        var elapsed = failure.CreatedDateTime - proof.CreatedDateTime;
        var evidence = new List<string> { "Last MFA " + where + ": " + SignInLine.Of(proof) + ", " + Durations.Describe(elapsed) + " before the failure (" + SuccessProof.ResolvedBy(proof) + ")." };
        evidence.AddRange(changes);
        var frequency = ExpiredFrequency(input, elapsed);
        if (frequency is not null)
        {
            evidence.Add(frequency);
        }

        if (changes.Count > 0 || frequency is not null)
        {
            var what = new List<string>();
            if (changes.Count > 0)
            {
                what.Add("the context moved (" + changes.Count + " change" + (changes.Count == 1 ? string.Empty : "s") + " since that proof)");
            }

            if (frequency is not null)
            {
                what.Add("the sign-in frequency ran out");
            }

            return new DiagnosisStep(4, Name, DiagnosisStatus.Problem, "Since the last strong proof " + string.Join(" and ", what) + ": Entra asks for proof again.", evidence);
        }

        return new DiagnosisStep(4, Name, DiagnosisStatus.Ok, "Same resource, network, country and risk as the last strong proof " + Durations.Describe(elapsed) + " earlier.", evidence);
    }

    private static string? ExpiredFrequency(DiagnosisInput input, TimeSpan elapsed)
    {
        if (input.Policies is not { } policies)
        {
            return null;
        }

        foreach (var applied in input.SignIn.AppliedConditionalAccessPolicies.Where(p => string.Equals(p.Result, "failure", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Result, "success", StringComparison.OrdinalIgnoreCase)))
        {
            var definition = policies.FirstOrDefault(d => string.Equals(d.Id, applied.Id, StringComparison.OrdinalIgnoreCase));
            if (definition?.SignInFrequency is { IsEnabled: true } frequency && Lifetime(frequency) is { } lifetime && elapsed > lifetime)
            {
                return "'" + definition.DisplayName + "' sets a sign-in frequency of " + frequency + "; the last proof was " + Durations.Describe(elapsed) + " earlier.";
            }
        }

        return null;
    }

    private static TimeSpan? Lifetime(SignInFrequency frequency) => frequency.Value is not { } value ? null : frequency.Type?.ToUpperInvariant() switch
    {
        "HOURS" => TimeSpan.FromHours(value),
        "DAYS" => TimeSpan.FromDays(value),
        _ => null,
    };

    private static SignInEvent? Latest(IEnumerable<SignInEvent> signIns) =>
        signIns.OrderByDescending(s => s.CreatedDateTime).ThenByDescending(s => s.Id, StringComparer.Ordinal).FirstOrDefault();

    private static bool Same(string? a, string? b) => !string.IsNullOrEmpty(a) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
