using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// Turns one user's methods, the strength a policy demands and the methods policy for the user into the answer
/// Test-MfaEnrollment gives: the strength evaluation plus enrollment, freshness, confidence and remedy. Pure: the
/// clock and the tables come in through <see cref="EnrollmentAssessmentOptions"/>. Users that are not assessed get a
/// result too (<see cref="Excluded"/>, <see cref="NotFound"/>), so nobody disappears from the output silently.
/// </summary>
public static class EnrollmentAssessor
{
    public static MfaEnrollmentResult Assess(UserMethodsSnapshot snapshot, AuthenticationStrength strength, UserMethodsPolicy policyForUser, EnrollmentAssessmentOptions options, string? strengthReason = null)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        if (strength is null)
        {
            throw new ArgumentNullException(nameof(strength));
        }

        var policy = policyForUser ?? throw new ArgumentNullException(nameof(policyForUser));
        var settings = options ?? throw new ArgumentNullException(nameof(options));
        var isGuest = snapshot.IsGuest;
        var user = new StrengthUser { IsGuest = isGuest };
        var evaluation = StrengthEvaluator.Evaluate(strength, snapshot.Methods, policy, user, settings.Data);

        var uncertainties = new List<string>();
        if (!policy.IsKnown && settings.PolicyUnavailableReason is not null)
        {
            uncertainties.Add("The Authentication methods policy could not be read (" + settings.PolicyUnavailableReason + ").");
        }

        uncertainties.AddRange(evaluation.Uncertainties);
        uncertainties.AddRange(snapshot.Uncertainties);
        if (!settings.MembershipComplete)
        {
            uncertainties.Add("Not every group that targets the Authentication methods policy could be read: the methods enabled for the user may differ from those assumed.");
        }

        if (snapshot.UserType is null)
        {
            uncertainties.Add("The source does not say whether the user is a member or a guest; treated as a member (email one-time passcodes not counted).");
        }

        var microsoftSays = snapshot.Registration?.IsMfaCapable;
        var disagreement = Disagreement(microsoftSays, evaluation, snapshot, policy, user, settings.Data);
        if (disagreement is not null)
        {
            uncertainties.Add(disagreement);
        }

        var ageWarning = AgeWarning(snapshot, settings);
        var result = Identify(new MfaEnrollmentResult(snapshot.UserId, Map(evaluation.OutcomeKind)), snapshot, strength);
        result.IsEnrolled = snapshot.Methods.Any(m => StrongMethods.IsStrong(m, policy, settings.Data));
        result.IsCapable = evaluation.IsSatisfiable;
        result.SatisfiableCombinations = Texts(evaluation.SatisfiableCombinations);
        result.MethodsRegistered = Texts(snapshot.Methods);
        result.MethodsToAdd = Texts(evaluation.MethodsToAdd);
        result.MethodsNotCounted = Texts(evaluation.MethodsNotCounted);
        result.Limitations = Texts(evaluation.Limitations);
        result.PolicyChangesNeeded = Texts(evaluation.PolicyChangesNeeded);
        result.Remedy = Texts(EnrollmentRemedy.For(evaluation, snapshot.Methods, policy, isGuest, settings.Data));
        result.DataAgeWarning = ageWarning;
        result.Uncertainties = Texts(uncertainties.Distinct());
        result.ConfidenceKind = !policy.IsKnown || disagreement is not null ? Confidence.Low
            : uncertainties.Count > 0 || ageWarning is not null ? Confidence.Medium
            : Confidence.High;
        result.MicrosoftSaysCapable = microsoftSays;
        result.Evaluation = evaluation;
        result.StrengthReason = strengthReason;
        return result;
    }

    /// <summary>A user left out on purpose; the result says why instead of the user vanishing from the output.</summary>
    public static MfaEnrollmentResult Excluded(UserMethodsSnapshot snapshot, AuthenticationStrength? strength, EnrollmentExclusion exclusion, string? detail = null)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        var result = Identify(new MfaEnrollmentResult(snapshot.UserId, EnrollmentOutcome.NotEvaluated), snapshot, strength);
        result.ExcludedKind = exclusion;
        result.NotEvaluatedReason = detail ?? exclusion switch
        {
            EnrollmentExclusion.Guest => "Excluded: a guest (their MFA usually happens in their home tenant).",
            EnrollmentExclusion.Disabled => "Excluded: the account is disabled.",
            _ => "Excluded: a named break-glass (emergency access) account.",
        };
        result.MicrosoftSaysCapable = snapshot.Registration?.IsMfaCapable;
        return result;
    }

    /// <summary>A user asked for but not in the data (no such user, or no row for them in the report or export).</summary>
    public static MfaEnrollmentResult NotFound(string user, AuthenticationStrength? strength, string where)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            throw new ArgumentException("The user asked for is needed.", nameof(user));
        }

        var result = new MfaEnrollmentResult(user, EnrollmentOutcome.NotEvaluated)
        {
            UserPrincipalName = user.IndexOf('@') > 0 ? user : null,
            Strength = strength?.DisplayName,
            StrengthId = strength?.Id,
            NotEvaluatedReason = "Not found in " + where + ": nothing is known about this user's methods.",
            ConfidenceKind = Confidence.Low,
        };
        return result;
    }

    private static MfaEnrollmentResult Identify(MfaEnrollmentResult result, UserMethodsSnapshot snapshot, AuthenticationStrength? strength)
    {
        result.UserPrincipalName = snapshot.UserPrincipalName ?? snapshot.Registration?.UserPrincipalName;
        result.DisplayName = snapshot.UserDisplayName;
        result.UserType = snapshot.UserType;
        result.Strength = strength?.DisplayName;
        result.StrengthId = strength?.Id;
        result.DataSourceKind = snapshot.Source;
        result.DataAsOf = snapshot.AsOf;
        return result;
    }

    private static EnrollmentOutcome Map(StrengthOutcome outcome) => outcome switch
    {
        StrengthOutcome.Satisfiable => EnrollmentOutcome.Satisfiable,
        StrengthOutcome.NeedsRegistration => EnrollmentOutcome.NeedsRegistration,
        _ => EnrollmentOutcome.Impossible,
    };

    private static string? AgeWarning(UserMethodsSnapshot snapshot, EnrollmentAssessmentOptions options)
    {
        if (snapshot.AsOf is not { } asOf)
        {
            // Live data is read now; only stored data can be of unknown age.
            return snapshot.Source == MethodsSource.Live
                ? null
                : "The data's age is unknown (no last-updated time): registrations made since it was produced are not counted.";
        }

        var age = options.Now - asOf;
        if (age <= options.MaxDataAge)
        {
            return null;
        }

        return "The data is " + Math.Floor(age.TotalHours).ToString(CultureInfo.InvariantCulture) + " h old (as of "
            + asOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + " UTC): registrations since then are not counted. Read the user's methods live for a current answer.";
    }

    /// <summary>When the report row says isMfaCapable, compares it with this evaluation of the built-in MFA strength.</summary>
    private static string? Disagreement(bool? microsoftSays, StrengthEvaluation evaluation, UserMethodsSnapshot snapshot, UserMethodsPolicy policy, StrengthUser user, StrengthData data)
    {
        if (microsoftSays is not { } says)
        {
            return null;
        }

        var ours = evaluation.Strength.Id == AuthenticationStrength.MultifactorId
            ? evaluation.IsSatisfiable
            : data.FindStrength(AuthenticationStrength.MultifactorId) is { } mfa && StrengthEvaluator.Evaluate(mfa, snapshot.Methods, policy, user, data).IsSatisfiable;
        return ours == says
            ? null
            : "Microsoft's registration report says isMfaCapable = " + (says ? "true" : "false") + ", but these methods under this policy "
                + (ours ? "can" : "cannot") + " satisfy Multifactor authentication: the report may be stale, or the legacy MFA settings enable a method the Authentication methods policy does not.";
    }

    private static TextList<string> Texts<T>(IEnumerable<T> items) => new TextList<string>(items.Select(i => i?.ToString() ?? string.Empty));
}
