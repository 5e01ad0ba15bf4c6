using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// The sign-in fields a rule may test, by their Graph beta names, and how each is read from a <see cref="SignInEvent"/>.
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

    private static IEnumerable<Field> Define()
    {
        yield return Scalar("isInteractive", IsInteractive, "The record does not say whether the sign-in was interactive (AD FS and NPS events lack it).");
        yield return Scalar("incomingTokenType", e => One("incomingTokenType", e.IncomingTokenType));
        yield return Scalar("authenticationProtocol", e => One("authenticationProtocol", e.AuthenticationProtocol));
        yield return Scalar("originalTransferMethod", e => One("originalTransferMethod", e.OriginalTransferMethod));
        yield return Scalar("clientAppUsed", e => One("clientAppUsed", e.ClientAppUsed));
        yield return Scalar("userAgent", e => One("userAgent", e.UserAgent));
        yield return Scalar("appId", e => One("appId", e.AppId));
        yield return Scalar("resourceId", e => One("resourceId", e.ResourceId));
        yield return Scalar("tokenIssuerType", e => One("tokenIssuerType", e.TokenIssuerType));
        yield return Scalar("userType", e => One("userType", e.UserType));
        yield return Scalar("authenticationRequirement", e => One("authenticationRequirement", e.AuthenticationRequirement));
        yield return Scalar("status.failureReason", e => One("status.failureReason", e.FailureReason));
        yield return Scalar("status.additionalDetails", e => One("status.additionalDetails", e.AdditionalDetails));
        yield return Scalar("riskLevelDuringSignIn", e => One("riskLevelDuringSignIn", e.RiskLevelDuringSignIn));
        yield return Scalar("conditionalAccessStatus", e => One("conditionalAccessStatus", e.ConditionalAccessStatus));
        yield return Scalar("clientCredentialType", e => One("clientCredentialType", e.ClientCredentialType));
        yield return Scalar("deviceDetail", DeviceDetail, "No device id, name, operating system or browser: not a registered device and not a browser Entra ID recognised.");
        yield return new Field("signInEventTypes", e => Each("signInEventTypes", e.SignInEventTypes, v => v), NotInRecord);

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
            e => Interrupting(e, p => p.EnforcedGrantControls, ".enforcedGrantControls"),
            NotInRecord);
        yield return new Field(
            "appliedConditionalAccessPolicies.authenticationStrength.authenticationStrengthResult",
            e => Interrupting(e, p => new[] { p.AuthenticationStrengthResult }, ".authenticationStrength.authenticationStrengthResult"),
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

    private static Field Scalar(string name, Func<SignInEvent, IEnumerable<FieldValue>> read, string absentMeaning = NotInRecord) =>
        new(name, read, absentMeaning);

    private static IEnumerable<FieldValue> One(string path, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            yield return new FieldValue(path, value!);
        }
    }

    /// <summary>isInteractive, or else what signInEventTypes says (sources that carry only the event type), shown as logged.</summary>
    private static IEnumerable<FieldValue> IsInteractive(SignInEvent e)
    {
        if (e.IsInteractive is { } interactive)
        {
            return new[] { new FieldValue("isInteractive", interactive ? "true" : "false") };
        }

        var types = e.SignInEventTypes;
        if (types.Contains("nonInteractiveUser", StringComparer.OrdinalIgnoreCase))
        {
            return new[] { new FieldValue("signInEventTypes", "false", "nonInteractiveUser") };
        }

        return types.Contains("interactiveUser", StringComparer.OrdinalIgnoreCase)
            ? new[] { new FieldValue("signInEventTypes", "true", "interactiveUser") }
            : Array.Empty<FieldValue>();
    }

    /// <summary>The device parts the record has, joined; nothing when it has none (the "device-less" signal).</summary>
    private static IEnumerable<FieldValue> DeviceDetail(SignInEvent e)
    {
        var parts = new[] { e.DeviceId, e.DeviceDisplayName, e.OperatingSystem, e.Browser }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? Array.Empty<FieldValue>() : new[] { new FieldValue("deviceDetail", string.Join("; ", parts)) };
    }

    private static IEnumerable<FieldValue> Each<T>(string collection, IReadOnlyList<T> items, Func<T, string?> value, string member = "")
    {
        for (var i = 0; i < items.Count; i++)
        {
            var text = value(items[i]);
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return new FieldValue(Indexed(collection, i, member), text!);
            }
        }
    }

    private static IEnumerable<FieldValue> Interrupting(SignInEvent e, Func<AppliedConditionalAccessPolicy, IEnumerable<string?>> values, string member)
    {
        var policies = e.AppliedConditionalAccessPolicies;
        for (var i = 0; i < policies.Count; i++)
        {
            if (!ConditionalAccessResults.Interrupted(policies[i]))
            {
                continue;
            }

            foreach (var text in values(policies[i]))
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    yield return new FieldValue(Indexed("appliedConditionalAccessPolicies", i, member), text!);
                }
            }
        }
    }

    private static string Indexed(string collection, int index, string member) =>
        collection + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" + member;

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
