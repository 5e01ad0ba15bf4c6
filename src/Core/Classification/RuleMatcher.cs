using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>Evaluates one rule's conditions against a sign-in, producing the evidence for each condition that held.</summary>
internal static class RuleMatcher
{
    /// <summary>True when every condition holds; <paramref name="evidence"/> then has one entry per condition.</summary>
    public static bool TryMatch(CauseRule rule, SignInEvent signIn, ClassificationData data, out List<Evidence> evidence)
    {
        evidence = new List<Evidence>(rule.Conditions.Count);
        foreach (var condition in rule.Conditions)
        {
            var found = Match(condition, signIn, data);
            if (found is null)
            {
                return false;
            }

            evidence.Add(found);
        }

        return true;
    }

    /// <summary>The evidence for the first value of the field that satisfies the condition, or null.</summary>
    private static Evidence? Match(RuleCondition condition, SignInEvent signIn, ClassificationData data)
    {
        var values = SignInFields.Read(signIn, condition.Field);
        if (condition.Operator == RuleOperator.Absent)
        {
            return values.Any() ? null : new Evidence(condition.Field, null, condition.Reason);
        }

        foreach (var value in values)
        {
            if (condition.Operator == RuleOperator.InList)
            {
                if (data.InList(condition.ListName!, value.Value, out var entry))
                {
                    return new Evidence(value.Path, value.Shown, condition.Reason + " (" + entry + ")");
                }

                continue;
            }

            if (condition.Values.Any(expected => Compare(condition.Operator, value.Value, expected)))
            {
                return new Evidence(value.Path, value.Shown, condition.Reason);
            }
        }

        return null;
    }

    private static bool Compare(RuleOperator op, string actual, string expected) => op switch
    {
        RuleOperator.Equal => string.Equals(actual.Trim(), expected, StringComparison.OrdinalIgnoreCase),
        RuleOperator.StartsWith => actual.TrimStart().StartsWith(expected, StringComparison.OrdinalIgnoreCase),
        _ => actual.IndexOf(expected, StringComparison.OrdinalIgnoreCase) >= 0,
    };
}
