using System;
using System.Collections.Generic;
using System.Text.Json;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Engine.Policies;

/// <summary>
/// Reads Graph <c>authenticationStrengthPolicy</c> objects into Core <see cref="AuthenticationStrength"/>s, with their
/// <c>combinationConfigurations</c> (fido2CombinationConfiguration: allowedAAGUIDs; x509CertificateCombinationConfiguration:
/// allowedIssuerSkis, allowedPolicyOIDs). Modes and policy types stay strings; unknown properties are ignored.
/// </summary>
internal static class StrengthJsonParser
{
    public const string InvalidRecord = ErrorIds.StrengthRecordInvalid;
    public const string UnknownConfiguration = ErrorIds.StrengthConfigurationUnknown;

    /// <summary>Whether the record looks like a strength (it has allowedCombinations).</summary>
    public static bool IsStrength(JsonElement item) => PolicyJson.Has(item, "allowedCombinations");

    /// <summary>Whether the record carries its combination configurations (Graph's list call returns them inline).</summary>
    public static bool HasConfigurations(JsonElement item) => PolicyJson.Property(item, "combinationConfigurations") is not null;

    /// <summary>The strength, or null with a problem added when the record cannot be read.</summary>
    public static AuthenticationStrength? Parse(JsonElement item, string source, int record, List<PolicyReadProblem> problems, IReadOnlyList<CombinationConfiguration>? configurations = null)
    {
        string? id = null;
        try
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyShapeException("(record)", "a JSON object");
            }

            id = PolicyJson.String(item, "id");
            var name = PolicyJson.RequiredString(item, "displayName");
            var combinations = PolicyJson.Strings(item, "allowedCombinations");
            if (id is null)
            {
                throw new PolicyShapeException("id", "a non-empty string");
            }

            if (combinations.Count == 0)
            {
                throw new PolicyShapeException("allowedCombinations", "a non-empty array of combinations such as \"password,sms\"");
            }

            configurations ??= ParseConfigurations(PolicyJson.Property(item, "combinationConfigurations"), source, record, id, problems);
            return new AuthenticationStrength(
                id,
                name,
                PolicyJson.String(item, "policyType") ?? "custom",
                combinations,
                configurations,
                PolicyJson.String(item, "requirementsSatisfied"));
        }
        catch (PolicyShapeException ex)
        {
            problems.Add(new PolicyReadProblem(InvalidRecord, source, "not a readable authentication strength: " + ex.Message, record, id));
            return null;
        }
    }

    /// <summary>
    /// A combinationConfigurations array (inline, or a page of the combinationConfigurations call). A configuration of a
    /// kind this version does not know is left out with a warning: the strength is shown without that restriction.
    /// </summary>
    public static IReadOnlyList<CombinationConfiguration> ParseConfigurations(JsonElement? array, string source, int record, string strengthId, List<PolicyReadProblem> problems)
    {
        var list = new List<CombinationConfiguration>();
        if (array is not { } items)
        {
            return list;
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new PolicyShapeException("combinationConfigurations", "an array of objects");
        }

        foreach (var item in items.EnumerateArray())
        {
            if (ParseConfiguration(item) is { } configuration)
            {
                list.Add(configuration);
            }
            else
            {
                var kind = PolicyJson.String(item, "@odata.type") ?? "(no @odata.type)";
                problems.Add(new PolicyReadProblem(
                    UnknownConfiguration,
                    source,
                    "combination configuration " + kind + " is of a kind this version cannot read; the strength is shown without it.",
                    record,
                    strengthId,
                    isWarning: true));
            }
        }

        return list;
    }

    /// <summary>One configuration; null when its kind is unknown or it restricts nothing this version can check.</summary>
    public static CombinationConfiguration? ParseConfiguration(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyShapeException("combinationConfigurations", "an array of objects");
        }

        var applies = PolicyJson.Strings(item, "appliesToCombinations");
        var aaguids = PolicyJson.Strings(item, "allowedAAGUIDs");
        var skis = PolicyJson.Strings(item, "allowedIssuerSkis");
        var oids = PolicyJson.Strings(item, "allowedPolicyOIDs");
        var type = PolicyJson.String(item, "@odata.type") ?? string.Empty;
        var known = type.Length == 0
            || type.EndsWith("fido2CombinationConfiguration", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("x509CertificateCombinationConfiguration", StringComparison.OrdinalIgnoreCase);
        if (!known || applies.Count == 0 || aaguids.Count + skis.Count + oids.Count == 0)
        {
            return null;
        }

        return new CombinationConfiguration(applies, aaguids, skis, oids);
    }
}
