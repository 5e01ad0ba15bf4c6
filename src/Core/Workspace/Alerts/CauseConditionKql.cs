using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Core.Workspace.Alerts;

/// <summary>
/// A cause-rule condition as a KQL predicate over the columns of <see cref="UserSignInLegs"/>. A condition on a
/// collection (authentication steps, Conditional Access policies, requirement sources) needs an <c>mv-apply</c> line
/// before the predicate that counts the matching elements into a flag column; the predicate then tests the
/// count. Every value reaches the text through <see cref="KqlLiteral"/>.
/// </summary>
internal sealed class CauseConditionKql
{
    private const string InterruptingPolicy =
        "tostring(Step.result) !in~ (\"success\", \"notApplied\", \"notEnabled\") and not(tostring(Step.result) startswith \"reportOnly\")";

    private static readonly Dictionary<string, string> SingleValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["userType"] = "UserType",
        ["appId"] = "AppId",
        ["resourceId"] = "ResourceIdentity",
        ["clientAppUsed"] = "ClientAppUsed",
        ["userAgent"] = "UserAgent",
        ["authenticationProtocol"] = "AuthenticationProtocol",
        ["incomingTokenType"] = "IncomingTokenType",
        ["originalTransferMethod"] = "OriginalTransferMethod",
        ["tokenIssuerType"] = "TokenIssuerType",
        ["authenticationRequirement"] = "AuthenticationRequirement",
        ["conditionalAccessStatus"] = "ConditionalAccessStatus",
        ["riskLevelDuringSignIn"] = "RiskLevelDuringSignIn",
        ["clientCredentialType"] = "ClientCredentialType",
        ["status.failureReason"] = "tostring(Status.failureReason)",
        ["status.additionalDetails"] = "tostring(Status.additionalDetails)",
        ["isInteractive"] = "tostring(IsInteractive)",
        ["tenantRelation"] = "case(isnotempty(CrossTenantAccessType), iff(CrossTenantAccessType =~ \"none\", \"home\", \"external\"), isnotempty(HomeTenantId) and isnotempty(ResourceTenantId), iff(HomeTenantId =~ ResourceTenantId, \"home\", \"external\"), \"\")",
    };

    /// <summary>Collection fields: the column, the element's value, and whether only interrupting policies count.</summary>
    private static readonly Dictionary<string, (string Column, string Value, bool Interrupting)> Collections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["authenticationRequirementPolicies"] = ("AuthenticationRequirementPolicies", "tostring(Step.requirementProvider)", false),
        ["authenticationRequirementPolicies.requirementProvider"] = ("AuthenticationRequirementPolicies", "tostring(Step.requirementProvider)", false),
        ["appliedConditionalAccessPolicies"] = ("ConditionalAccessPolicies", "iff(isnotempty(tostring(Step.displayName)), tostring(Step.displayName), tostring(Step.id))", false),
        ["appliedConditionalAccessPolicies.result"] = ("ConditionalAccessPolicies", "tostring(Step.result)", false),
        ["appliedConditionalAccessPolicies.enforcedGrantControls"] = ("ConditionalAccessPolicies", "tostring(Step.enforcedGrantControls)", true),
        ["appliedConditionalAccessPolicies.authenticationStrength.authenticationStrengthResult"] = ("ConditionalAccessPolicies", "tostring(Step.authenticationStrength.authenticationStrengthResult)", true),
        ["sessionLifetimePolicies.expirationRequirement"] = ("SessionLifetimePolicies", "tostring(Step.expirationRequirement)", false),
        ["authenticationDetails"] = ("AuthenticationDetails", "iff(isnotempty(tostring(Step.authenticationMethod)), tostring(Step.authenticationMethod), tostring(Step.authenticationStepRequirement))", false),
        ["authenticationDetails.authenticationMethod"] = ("AuthenticationDetails", "tostring(Step.authenticationMethod)", false),
        ["authenticationDetails.authenticationStepResultDetail"] = ("AuthenticationDetails", "tostring(Step.authenticationStepResultDetail)", false),
        ["signInEventTypes"] = ("SignInEventTypes", "tostring(Step)", false),
    };

    private CauseConditionKql(string predicate, string? prelude)
    {
        Predicate = predicate;
        Prelude = prelude;
    }

    /// <summary>The boolean expression.</summary>
    public string Predicate { get; }

    /// <summary>The <c>mv-apply …</c> operator (without its pipe) that must run before the predicate, or null.</summary>
    public string? Prelude { get; }

    /// <summary>The condition in KQL, or null with <paramref name="whyNot"/> when KQL over the sign-in tables cannot say it.</summary>
    public static CauseConditionKql? Translate(RuleCondition condition, ClassificationData data, string flag, out string? whyNot)
    {
        whyNot = null;
        if (string.Equals(condition.Field, "deviceDetail", StringComparison.OrdinalIgnoreCase))
        {
            if (condition.Operator == RuleOperator.Absent)
            {
                return new CauseConditionKql("isempty(tostring(DeviceDetail.deviceId)) and isempty(tostring(DeviceDetail.displayName)) and isempty(tostring(DeviceDetail.operatingSystem)) and isempty(tostring(DeviceDetail.browser))", null);
            }

            whyNot = "deviceDetail is tested only for being absent in KQL";
            return null;
        }

        if (SingleValues.TryGetValue(condition.Field, out var column))
        {
            if (condition.Operator == RuleOperator.Absent)
            {
                return new CauseConditionKql(string.Equals(condition.Field, "isInteractive", StringComparison.OrdinalIgnoreCase) ? "isnull(IsInteractive)" : "isempty(" + column + ")", null);
            }

            return new CauseConditionKql(ValueTest(condition, column, data), null);
        }

        if (Collections.TryGetValue(condition.Field, out var collection))
        {
            if (condition.Operator == RuleOperator.Absent)
            {
                return new CauseConditionKql("coalesce(array_length(" + collection.Column + "), 0) == 0", null);
            }

            var test = collection.Value.StartsWith("tostring(Step.enforcedGrantControls)", StringComparison.Ordinal)
                ? ArrayElementTest(condition, collection.Value)
                : ValueTest(condition, collection.Value, data);
            var predicate = collection.Interrupting ? InterruptingPolicy + " and " + test : test;
            return new CauseConditionKql(flag + " > 0", "mv-apply Step = todynamic(" + collection.Column + ") on (summarize " + flag + " = countif(" + predicate + "))");
        }

        whyNot = "the field " + condition.Field + " has no KQL translation";
        return null;
    }

    /// <summary>Equal, StartsWith, Contains (all ignoring case, as the classifier compares) or InList on one text value.</summary>
    private static string ValueTest(RuleCondition condition, string value, ClassificationData data) => condition.Operator switch
    {
        RuleOperator.Equal => value + " in~ (" + string.Join(", ", condition.Values.Select(KqlLiteral.Quote)) + ")",
        RuleOperator.StartsWith => AnyOf(condition.Values.Select(v => value + " startswith " + KqlLiteral.Quote(v))),
        RuleOperator.Contains => AnyOf(condition.Values.Select(v => value + " contains " + KqlLiteral.Quote(v))),
        _ => ListTest(condition.ListName ?? string.Empty, value, data),
    };

    /// <summary>A JSON array of strings (a policy's enforced grant controls) read as text: an element equals a value when the quoted value occurs.</summary>
    private static string ArrayElementTest(RuleCondition condition, string value) => condition.Operator switch
    {
        RuleOperator.Equal => AnyOf(condition.Values.Select(v => value + " contains " + KqlLiteral.Quote("\"" + v + "\""))),
        RuleOperator.StartsWith => AnyOf(condition.Values.Select(v => value + " contains " + KqlLiteral.Quote("\"" + v))),
        _ => AnyOf(condition.Values.Select(v => value + " contains " + KqlLiteral.Quote(v))),
    };

    private static string ListTest(string list, string value, ClassificationData data)
    {
        if (list == ClassificationData.ScriptingUserAgentsList)
        {
            return AnyOf(data.ScriptingUserAgents.Select(p => p.Match switch
            {
                UserAgentMatch.Prefix => value + " startswith " + KqlLiteral.Quote(p.Value),
                UserAgentMatch.Contains => value + " contains " + KqlLiteral.Quote(p.Value),
                _ => value + " =~ " + KqlLiteral.Quote(p.Value),
            }));
        }

        var unattended = list == ClassificationData.AutomationAppsList;
        var ids = data.AutomationApps.Where(a => a.Unattended == unattended).Select(a => a.AppId).ToList();
        return ids.Count == 0 ? "false" : value + " in~ (" + string.Join(", ", ids.Select(KqlLiteral.Quote)) + ")";
    }

    private static string AnyOf(IEnumerable<string> tests)
    {
        var list = tests.ToList();
        return list.Count switch
        {
            0 => "false",
            1 => list[0],
            _ => "(" + string.Join(" or ", list) + ")",
        };
    }
}
