using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using EntraStrongAuth.Core.Json;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// Reads cause-rules.json: <c>{"schemaVersion": 1, "causes": [ … ], "rules": [ … ]}</c>. Every problem names the
/// rule (by id and position) and the field (with its path, e.g. <c>when[1].inList</c>); any problem rejects the file.
/// </summary>
public static class CauseRuleReader
{
    private static readonly string[] Operators = { "equals", "startsWith", "contains", "inList", "absent" };

    public static CauseRuleSet Read(Stream json, string source)
    {
        var (file, problems) = DataItemProblems.Open(json, source, "{\"schemaVersion\": 1, \"causes\": [ … ], \"rules\": [ … ]}");
        var causes = ReadCauses(file.Array("causes", "cause definitions"), problems);
        var rules = ReadRules(file.Array("rules", "rules"), problems);
        problems.ThrowIfAny();
        return new CauseRuleSet(rules, causes, source);
    }

    private static List<CauseDefinition> ReadCauses(IEnumerable<XElement> items, DataItemProblems problems)
    {
        var causes = problems.ReadItems(items, "cause", (fields, item) =>
        {
            var cause = fields.RequiredEnum<FailureCause>("cause");
            item.Id = cause?.ToString();
            var benign = fields.OptionalBoolean("benignWhenResolved") ?? false;
            var remedy = fields.StringArray("remedy");
            if (remedy.Count == 0)
            {
                fields.Fail("remedy", "expected at least one remedy step");
            }

            return fields.IsValid && cause is not null ? new CauseDefinition(cause.Value, benign, remedy) : null;
        });

        foreach (var duplicate in causes.GroupBy(c => c.Cause).Where(g => g.Count() > 1))
        {
            problems.Add("causes", "cause", "expected each cause once; " + duplicate.Key + " is defined " + duplicate.Count() + " times");
        }

        // Other is what no rule matched; its remedy comes from the AADSTS catalog entry of the code.
        foreach (FailureCause cause in Enum.GetValues(typeof(FailureCause)))
        {
            if (cause != FailureCause.Other && causes.All(c => c.Cause != cause))
            {
                problems.Add("causes", "cause", "expected a definition (remedy) for cause " + cause);
            }
        }

        return causes;
    }

    private static List<CauseRule> ReadRules(IEnumerable<XElement> items, DataItemProblems problems)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return problems.ReadItems(items, "rule", (fields, item) =>
        {
            var id = item.Id = fields.RequiredString("id");
            if (id is not null && !ids.Add(id))
            {
                fields.Fail("id", "expected a unique id; '" + id + "' is used by an earlier rule");
            }

            return ReadRule(fields, id, item.Number);
        });
    }

    private static CauseRule? ReadRule(JsonFields fields, string? id, int number)
    {
        var cause = fields.RequiredEnum<FailureCause>("cause");
        if (cause == FailureCause.Other)
        {
            fields.Fail("cause", "expected a cause other than Other (Other is what no rule matched)");
        }

        var confidence = fields.RequiredEnum<Confidence>("confidence");
        var codes = fields.PositiveIntArray("codes", "expected an array of codes such as [50074, 50076]");
        var reason = fields.RequiredString("reason");
        var conditions = ReadConditions(fields);
        var requires = KnownFields(fields, "requires");
        var lowerWhenAbsent = KnownFields(fields, "lowerWhenAbsent");
        var remedy = fields.Element("remedy") is null ? null : fields.StringArray("remedy");
        if (remedy is { Count: 0 })
        {
            fields.Fail("remedy", "expected at least one remedy step, or no 'remedy' to use the cause's");
        }

        // Only when nothing else is wrong: a mistyped code list is already reported, and is not "no codes".
        if (fields.IsValid && codes.Count == 0 && conditions.Count == 0)
        {
            fields.Fail("codes", "expected codes or 'when' conditions: a rule with neither would match every failure");
        }

        if (!fields.IsValid || id is null || cause is null || confidence is null || reason is null)
        {
            return null;
        }

        return new CauseRule(id, number, cause.Value, confidence.Value, codes, reason, conditions, requires, lowerWhenAbsent, remedy);
    }
    private static List<RuleCondition> ReadConditions(JsonFields rule)
    {
        var conditions = new List<RuleCondition>();
        var index = 0;
        foreach (var element in rule.ArrayItems("when", "expected an array of conditions"))
        {
            var path = "when[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            index++;
            if (JsonXml.TypeOf(element) != JsonXml.Object)
            {
                rule.Fail(path, "expected a condition object {\"field\": …, \"equals\": [ … ], \"reason\": …}");
                continue;
            }

            // Problems of the condition are the rule's problems, with the condition's path in front of the field.
            var fields = new JsonFields(element, (field, expected) => rule.Fail(path + "." + field, expected));
            var condition = ReadCondition(fields);
            if (condition is not null)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    private static RuleCondition? ReadCondition(JsonFields fields)
    {
        var name = fields.RequiredString("field");
        var field = name is null ? null : SignInFields.Canonical(name);
        if (name is not null && field is null)
        {
            fields.Fail("field", "expected one of " + string.Join(", ", SignInFields.Names));
        }

        var reason = fields.RequiredString("reason");
        var given = Operators.Where(o => fields.Element(o) is not null).ToList();
        if (given.Count != 1)
        {
            fields.Fail("operator", "expected exactly one of " + string.Join(", ", Operators) + (given.Count > 1 ? "; found " + string.Join(", ", given) : string.Empty));
            return null;
        }

        var op = given[0];
        var values = op is "equals" or "startsWith" or "contains" ? fields.StringArray(op) : new List<string>();
        if (values.Count == 0 && op is "equals" or "startsWith" or "contains")
        {
            fields.Fail(op, "expected an array of at least one value");
        }

        var list = op == "inList" ? fields.OptionalString("inList") : null;
        if (op == "inList" && (list is null || !ClassificationData.ListNames.Contains(list)))
        {
            fields.Fail("inList", "expected one of " + string.Join(", ", ClassificationData.ListNames));
        }

        if (op == "absent" && fields.OptionalBoolean("absent") != true)
        {
            fields.Fail("absent", "expected true");
        }

        if (!fields.IsValid || field is null || reason is null)
        {
            return null;
        }

        return new RuleCondition(field, ToOperator(op), values, list, reason);
    }

    private static List<string> KnownFields(JsonFields fields, string name)
    {
        var known = new List<string>();
        foreach (var value in fields.StringArray(name))
        {
            var canonical = SignInFields.Canonical(value);
            if (canonical is null)
            {
                fields.Fail(name, "expected field names from " + string.Join(", ", SignInFields.Names) + "; '" + value + "' is not one");
                continue;
            }

            known.Add(canonical);
        }

        return known;
    }

    private static RuleOperator ToOperator(string op) => op switch
    {
        "equals" => RuleOperator.Equal,
        "startsWith" => RuleOperator.StartsWith,
        "contains" => RuleOperator.Contains,
        "inList" => RuleOperator.InList,
        _ => RuleOperator.Absent,
    };
}
