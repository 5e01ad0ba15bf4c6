using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using EntraStrongAuth.Core.Json;

namespace EntraStrongAuth.Core.Strength;

/// <summary>
/// Reads authentication-strengths.json and method-modes.json (and user files of the same shapes). Every problem of a
/// file is listed at once; a file with any problem is rejected whole, because a half-read mapping would make the
/// evaluator say "cannot satisfy" for methods it simply lost.
/// </summary>
public static class StrengthDataReader
{
    public const int SupportedSchemaVersion = 1;

    private static readonly string[] Roles = { "primary", "secondary" };

    public static IReadOnlyList<AuthenticationStrength> ReadStrengths(Stream json, string source)
    {
        var problems = new List<string>();
        var file = Open(json, source, "{\"schemaVersion\": 1, \"strengths\": [ … ]}");
        var strengths = ReadItems(file.Array("strengths", "authentication strengths"), source, "strength", problems, fields =>
        {
            var id = fields.RequiredString("id");
            var name = fields.RequiredString("displayName");
            var type = fields.OptionalString("policyType") ?? "custom";
            var combinations = fields.StringArray("allowedCombinations");
            if (combinations.Count == 0)
            {
                fields.Fail("allowedCombinations", "expected a non-empty array of combinations such as \"password,sms\"");
            }

            var configurations = new List<CombinationConfiguration>();
            foreach (var item in fields.ArrayItems("combinationConfigurations", "expected an array of objects"))
            {
                var config = new JsonFields(item, fields.Fail);
                var applies = config.StringArray("appliesToCombinations");
                var aaguids = config.StringArray("allowedAAGUIDs");
                var skis = config.StringArray("allowedIssuerSkis");
                var oids = config.StringArray("allowedPolicyOIDs");
                if (applies.Count == 0 || aaguids.Count + skis.Count + oids.Count == 0)
                {
                    config.Fail("combinationConfigurations", "expected appliesToCombinations and allowedAAGUIDs, allowedIssuerSkis or allowedPolicyOIDs");
                    continue;
                }

                configurations.Add(new CombinationConfiguration(applies, aaguids, skis, oids));
            }

            return fields.IsValid && id is not null && name is not null
                ? new AuthenticationStrength(id, name, type, combinations, configurations, fields.OptionalString("requirementsSatisfied"))
                : null;
        });

        ThrowIfAny(problems);
        return strengths;
    }

    public static IReadOnlyList<MethodModeEntry> ReadMethodModes(Stream json, string source)
    {
        var problems = new List<string>();
        var file = Open(json, source, "{\"schemaVersion\": 1, \"methods\": [ … ]}");
        var entries = ReadItems(file.Array("methods", "method kinds"), source, "method", problems, fields =>
        {
            var label = fields.RequiredString("label");
            var keys = fields.StringArray("keys");
            if (keys.Count == 0)
            {
                fields.Fail("keys", "expected at least one @odata.type or methodsRegistered value");
            }

            var grants = new List<ModeGrant>();
            foreach (var item in fields.ArrayItems("provides", "expected an array of objects"))
            {
                var grant = new JsonFields(item, fields.Fail);
                var mode = grant.RequiredString("mode");
                var roles = grant.StringArray("roles");
                var policy = grant.StringArray("policy");
                if (roles.Count == 0 || roles.Any(r => !Roles.Contains(r, StringComparer.OrdinalIgnoreCase)))
                {
                    grant.Fail("provides.roles", "expected primary and/or secondary");
                }

                foreach (var requirement in policy.Where(p => !UserMethodsPolicy.RequirementNames.Contains(p, StringComparer.OrdinalIgnoreCase)))
                {
                    grant.Fail("provides.policy", "'" + requirement + "' is not one of " + string.Join(", ", UserMethodsPolicy.RequirementNames));
                }

                if (mode is not null && grant.IsValid)
                {
                    var parsed = roles.Select(r => string.Equals(r, "primary", StringComparison.OrdinalIgnoreCase) ? MethodRole.Primary : MethodRole.Secondary);
                    grants.Add(new ModeGrant(mode, parsed, policy, grant.OptionalBoolean("guestsOnly") ?? false));
                }
            }

            var setUpBy = fields.OptionalString("setUpBy") ?? "user";
            return fields.IsValid && label is not null
                ? new MethodModeEntry(
                    label,
                    keys,
                    grants,
                    fields.OptionalBoolean("suggest") ?? false,
                    setUpBy,
                    fields.OptionalString("limitation"),
                    fields.OptionalString("ambiguity"),
                    fields.StringArray("aaguids"),
                    fields.OptionalString("note"),
                    fields.OptionalString("source"))
                : null;
        });

        ThrowIfAny(problems);
        return entries;
    }

    private static JsonDataFile Open(Stream json, string source, string shape) =>
        JsonDataFile.Load(
            json,
            source,
            SupportedSchemaVersion,
            shape,
            (message, inner) => inner is null ? new StrengthDataException(message) : new StrengthDataException(message, inner));

    private static List<T> ReadItems<T>(IEnumerable<XElement> items, string source, string noun, List<string> problems, Func<JsonFields, T?> read)
        where T : class
    {
        var values = new List<T>();
        var number = 0;
        foreach (var element in items)
        {
            var position = ++number;
            void Fail(string field, string expected) =>
                problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2}, field '{3}': {4}.", source, noun, position, field, expected));

            if (JsonXml.TypeOf(element) != JsonXml.Object)
            {
                Fail("(item)", "expected a JSON object");
                continue;
            }

            var value = read(new JsonFields(element, Fail));
            if (value is not null)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new StrengthDataException(problems);
        }
    }
}
