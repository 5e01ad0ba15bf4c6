using System;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Workspace;
using Xunit;

namespace EntraStrongAuth.Tests.Kql;

/// <summary>The cause KQL is generated from the cause table: every rule and cause appears, and a changed rule changes the query.</summary>
public class KqlCatalogCauseLabelsTests
{
    private static KqlCatalogEntry CauseEntry(ClassificationData data) => KqlCatalog.Build(data).Single(e => e.Name == "StrongAuthFailureCauses");

    [Fact]
    public void Every_rule_id_and_cause_of_the_table_is_in_the_query()
    {
        var data = ClassificationData.BuiltIn;
        var kql = CauseEntry(data).Kql;
        Assert.All(data.Rules.Rules, r => Assert.Contains("\"" + r.Id + "\"", kql, StringComparison.Ordinal));
        Assert.All(data.Rules.Rules.Select(r => r.Cause).Distinct(), c => Assert.Contains("\"" + c + "\"", kql, StringComparison.Ordinal));
        Assert.Contains("\"Other\")", kql, StringComparison.Ordinal);
        Assert.Contains("first-match approximation", kql, StringComparison.Ordinal);
        Assert.Contains("classifier", kql, StringComparison.Ordinal);

        // First match wins: the rules appear in the table's order.
        var positions = data.Rules.Rules.Select(r => kql.IndexOf(", \"" + r.Id + "\",", StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.OrderBy(p => p), positions);
        Assert.DoesNotContain(-1, positions);
    }

    [Fact]
    public void Conditions_become_tests_on_the_columns_and_collections_become_counted_elements()
    {
        var kql = CauseEntry(ClassificationData.BuiltIn).Kql;
        Assert.Contains("ResultType in (\"50072\", \"50074\", \"50076\", \"50079\") and AuthenticationProtocol in~ (\"ropc\"), \"headless-ropc\"", kql, StringComparison.Ordinal);
        Assert.Contains("UserAgent startswith \"python-requests/\"", kql, StringComparison.Ordinal);
        Assert.Contains("AppId in~ (\"04b07795-8ddb-461a-bbee-02f9e1bf7b46\"", kql, StringComparison.Ordinal);
        Assert.Contains("mv-apply Step = todynamic(AuthenticationDetails) on (summarize ", kql, StringComparison.Ordinal);
        Assert.Contains("tostring(Step.enforcedGrantControls) contains \"\\\"Mfa\\\"\"", kql, StringComparison.Ordinal);
        Assert.Contains("isnull(IsInteractive)", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_rule_changes_the_query()
    {
        var data = ClassificationData.BuiltIn;
        var original = CauseEntry(data).Kql;
        var rules = data.Rules.Rules.ToList();
        var ropc = rules.Single(r => r.Id == "headless-ropc");
        var condition = ropc.Conditions[0];
        rules[rules.IndexOf(ropc)] = new CauseRule(
            "headless-ropc-changed", ropc.Number, FailureCause.PolicyStepUp, ropc.Confidence, new[] { 50076 }, ropc.Reason,
            new[] { new RuleCondition(condition.Field, RuleOperator.StartsWith, new[] { "ro\"pc" }, null, condition.Reason) },
            ropc.Requires, ropc.LowerWhenAbsent, ropc.Remedy);
        var changed = CauseEntry(data.With(rules: new CauseRuleSet(rules, data.Rules.Causes, "test"))).Kql;

        Assert.NotEqual(original, changed);
        Assert.DoesNotContain("\"headless-ropc\"", changed, StringComparison.Ordinal);
        Assert.Contains("ResultType in (\"50076\") and AuthenticationProtocol startswith \"ro\\\"pc\", \"headless-ropc-changed\"", changed, StringComparison.Ordinal);
        Assert.Matches("CauseRule in \\([^)]*\"headless-ropc-changed\"[^)]*\\), \"PolicyStepUp\"", changed);
        KustoLanguageService.AssertNoErrors(new[] { ("changed cause table", changed) });
    }

    [Fact]
    public void A_condition_KQL_cannot_say_leaves_its_rule_out_and_the_description_names_it()
    {
        var data = ClassificationData.BuiltIn;
        var rules = data.Rules.Rules.ToList();
        var first = rules[0];
        rules[0] = new CauseRule(first.Id, first.Number, first.Cause, first.Confidence, first.Codes, first.Reason,
            new[] { new RuleCondition("deviceDetail", RuleOperator.Contains, new[] { "Windows" }, null, "r") }, first.Requires, first.LowerWhenAbsent, first.Remedy);
        var entry = CauseEntry(data.With(rules: new CauseRuleSet(rules, data.Rules.Causes, "test")));

        Assert.DoesNotContain("\"" + first.Id + "\"", entry.Kql, StringComparison.Ordinal);
        Assert.Contains("Rule " + first.Id + " is left out: deviceDetail", entry.Description, StringComparison.Ordinal);
        Assert.Contains("linking a failure to a later success", CauseEntry(data).Description, StringComparison.Ordinal);
    }
}
