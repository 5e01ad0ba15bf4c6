using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>The ordered steps that get a user from an evaluation to a satisfiable strength.</summary>
internal static class EnrollmentRemedy
{
    public const string SecurityInfoUrl = "https://aka.ms/mysecurityinfo";

    public static IReadOnlyList<string> For(StrengthEvaluation evaluation, IReadOnlyList<RegisteredMethod> methods, UserMethodsPolicy policy, bool isGuest, StrengthData data)
    {
        var steps = new List<string>();
        if (evaluation.OutcomeKind == StrengthOutcome.Satisfiable)
        {
            steps.Add("Nothing to register: the user can satisfy '" + evaluation.Strength.DisplayName + "' with " + evaluation.SatisfiableCombinations[0] + ".");
            return steps;
        }

        if (evaluation.OutcomeKind == StrengthOutcome.Impossible)
        {
            AddPolicySteps(steps, evaluation);
            AddRegistrationSteps(steps, evaluation.MethodsToAddIfPolicyChanged, evaluation.CombinationToComplete, "Then ");
            return steps;
        }

        // Registering security info needs a sign-in with MFA once a user has any method; a user with nothing usable
        // needs a Temporary Access Pass (members only: a guest registers through their own sign-in).
        if (!isGuest && !methods.Any(m => StrongMethods.CanBootstrap(m, policy, data)))
        {
            steps.Add(policy.Meets("TemporaryAccessPass")
                ? "Issue a Temporary Access Pass to bootstrap: the user has no method they can sign in with to register (Entra admin center > Users > the user > Authentication methods > Add authentication method)."
                : "The user has no method to sign in with to register, and Temporary Access Pass is not enabled for them: enable it in the Authentication methods policy and issue one, or let them register at their next sign-in.");
        }

        AddRegistrationSteps(steps, evaluation.MethodsToAdd, evaluation.CombinationToComplete, string.Empty);
        return steps;
    }

    private static void AddPolicySteps(List<string> steps, StrengthEvaluation evaluation)
    {
        if (evaluation.PolicyChangesNeeded.Count > 0)
        {
            steps.Add("An administrator must change the Authentication methods policy for the user: enable "
                + string.Join(", ", evaluation.PolicyChangesNeeded) + " (" + evaluation.ImpossibleReason + ")");
        }
        else
        {
            steps.Add("No registration or methods-policy change makes '" + evaluation.Strength.DisplayName + "' satisfiable: " + evaluation.ImpossibleReason
                + " Require a different strength for this user, or exclude them from the Conditional Access policy.");
        }
    }

    private static void AddRegistrationSteps(List<string> steps, IReadOnlyList<MethodSuggestion> additions, string? combination, string prefix)
    {
        var completes = combination is null ? "." : " (completes " + combination + ").";
        foreach (var group in additions.GroupBy(a => a.SetUpBy))
        {
            var names = string.Join(" and ", group.Select(a => a.ToString()));
            steps.Add(group.Key switch
            {
                "administrator" => prefix + "An administrator sets up " + names + " for the user" + completes,
                "device" => prefix + "Set up " + names + " on the user's device" + completes,
                _ => prefix + "The user registers " + names + " at " + SecurityInfoUrl + completes,
            });
        }
    }
}
