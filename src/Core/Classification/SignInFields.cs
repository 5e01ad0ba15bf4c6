using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// The sign-in fields a rule may test, by their Graph beta names, and how each is read from a <see cref="SignInEvent"/>:
/// the single-value fields come from <see cref="SignInFieldRegistry"/> (an entry's rule path), the collection members
/// are listed here.
/// Rules in data files refer to fields by name, so the names are the contract; a field yields no values when the
/// record does not carry it, which is what the <c>absent</c> condition and <c>lowerWhenAbsent</c> test.
/// </summary>
internal static class SignInFields
{
    private const string NotInRecord = "The record does not carry this field (a Graph v1.0 record or an export without it), so the classification could not use it.";

    private static readonly List<Field> All = Define().ToList();

    private static readonly Dictionary<string, Field> Fields = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The field names rules may use, in a stable order for messages.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToList();

    /// <summary>The canonical name of a field, or null when there is no such field.</summary>
    public static string? Canonical(string name) => Fields.TryGetValue(name, out var field) ? field.Name : null;

    public static IEnumerable<FieldValue> Read(SignInEvent signIn, string name) => Fields[name].Read(signIn);

    /// <summary>What it means for the classification that the record lacks the field.</summary>
    public static string AbsentMeaning(string name) => Fields[name].AbsentMeaning;

    /// <summary>
    /// The fields of <see cref="SignInFieldRegistry"/> that name a rule path, then the members of collections, which
    /// rules test per item (appliedConditionalAccessPolicies[0].result).
    /// </summary>
    private static IEnumerable<Field> Define()
    {
        foreach (var entry in SignInFieldRegistry.All)
        {
            if (entry.RulePath is { } path)
            {
                yield return new Field(path, entry.RuleValues!, entry.RuleAbsentMeaning ?? NotInRecord);
            }
        }

        yield return new Field(
            "tenantRelation",
            SignInRuleValues.TenantRelation,
            "The record says neither crossTenantAccessType nor both homeTenantId and resourceTenantId, so whether the user is a guest is unknown.");

        yield return new Field(
            "authenticationRequirementPolicies",
            e => Each("authenticationRequirementPolicies", e.AuthenticationRequirementPolicies, p => p.RequirementProvider),
            "The record does not say which source demanded MFA (a Graph v1.0 record or an export without authenticationRequirementPolicies).");
        yield return new Field(
            "authenticationRequirementPolicies.requirementProvider",
            e => Each("authenticationRequirementPolicies", e.AuthenticationRequirementPolicies, p => p.RequirementProvider, ".requirementProvider"),
            NotInRecord);

        yield return new Field(
            "appliedConditionalAccessPolicies",
            e => Each("appliedConditionalAccessPolicies", e.AppliedConditionalAccessPolicies, p => p.DisplayName ?? p.Id, ".displayName"),
            "No Conditional Access detail in the record: reading it needs Policy.Read.All (and a role such as Global Reader or Security Reader), otherwise Graph returns it empty; which policy demanded MFA is unknown.");
        yield return new Field(
            "appliedConditionalAccessPolicies.result",
            e => Each("appliedConditionalAccessPolicies", e.AppliedConditionalAccessPolicies, p => p.Result, ".result"),
            NotInRecord);
        yield return new Field(
            "appliedConditionalAccessPolicies.enforcedGrantControls",
            e => SignInRuleValues.Interrupting(e, p => p.EnforcedGrantControls, ".enforcedGrantControls"),
            NotInRecord);
        yield return new Field(
            "appliedConditionalAccessPolicies.authenticationStrength.authenticationStrengthResult",
            e => SignInRuleValues.Interrupting(e, p => new[] { p.AuthenticationStrengthResult }, ".authenticationStrength.authenticationStrengthResult"),
            NotInRecord);

        yield return new Field(
            "sessionLifetimePolicies.expirationRequirement",
            e => Each("sessionLifetimePolicies", e.SessionLifetimePolicies, p => p.ExpirationRequirement, ".expirationRequirement"),
            NotInRecord);

        yield return new Field(
            "authenticationDetails",
            e => Each("authenticationDetails", e.AuthenticationDetails, d => d.AuthenticationMethod ?? d.AuthenticationStepRequirement, ".authenticationMethod"),
            "No authentication step details in the record (a v1.0 record, an export without them, or an event Entra ID has not finished aggregating).");
        yield return new Field(
            "authenticationDetails.authenticationMethod",
            e => Each("authenticationDetails", e.AuthenticationDetails, d => d.AuthenticationMethod, ".authenticationMethod"),
            NotInRecord);
        yield return new Field(
            "authenticationDetails.authenticationStepResultDetail",
            e => Each("authenticationDetails", e.AuthenticationDetails, d => d.AuthenticationStepResultDetail, ".authenticationStepResultDetail"),
            NotInRecord);
    }

    private static IEnumerable<FieldValue> Each<T>(string collection, IReadOnlyList<T> items, Func<T, string?> value, string member = "") =>
        SignInRuleValues.Each(collection, items, value, member);

    private sealed class Field
    {
        public Field(string name, Func<SignInEvent, IEnumerable<FieldValue>> read, string absentMeaning)
        {
            Name = name;
            Read = read;
            AbsentMeaning = absentMeaning;
        }

        public string Name { get; }

        public Func<SignInEvent, IEnumerable<FieldValue>> Read { get; }

        public string AbsentMeaning { get; }
    }
}
