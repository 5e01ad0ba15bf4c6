using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// How a rule field is read from a <see cref="SignInEvent"/> when it is more than one text value: each value of a
/// collection under its indexed path (appliedConditionalAccessPolicies[1].result), and the fields rules see in a
/// shape of their own (isInteractive, deviceDetail).
/// </summary>
internal static class SignInRuleValues
{
    /// <summary>isInteractive, or else what signInEventTypes says (sources that carry only the event type), shown as logged.</summary>
    public static IEnumerable<FieldValue> IsInteractive(SignInEvent e)
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
    public static IEnumerable<FieldValue> DeviceDetail(SignInEvent e)
    {
        var parts = new[] { e.DeviceId, e.DeviceDisplayName, e.OperatingSystem, e.Browser }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? Array.Empty<FieldValue>() : new[] { new FieldValue("deviceDetail", string.Join("; ", parts)) };
    }

    /// <summary>
    /// "home" when the user signed in to their own tenant, "external" when to another (guest, B2B direct connect,
    /// service provider): from crossTenantAccessType, else from homeTenantId against resourceTenantId. Nothing when
    /// the record says neither, so a rule never guesses a guest.
    /// </summary>
    public static IEnumerable<FieldValue> TenantRelation(SignInEvent e)
    {
        if (!string.IsNullOrWhiteSpace(e.CrossTenantAccessType))
        {
            var home = string.Equals(e.CrossTenantAccessType!.Trim(), "none", StringComparison.OrdinalIgnoreCase);
            return new[] { new FieldValue("crossTenantAccessType", home ? "home" : "external", e.CrossTenantAccessType) };
        }

        if (string.IsNullOrWhiteSpace(e.HomeTenantId) || string.IsNullOrWhiteSpace(e.ResourceTenantId))
        {
            return Array.Empty<FieldValue>();
        }

        var same = string.Equals(e.HomeTenantId!.Trim(), e.ResourceTenantId!.Trim(), StringComparison.OrdinalIgnoreCase);
        return new[] { new FieldValue("homeTenantId", same ? "home" : "external", e.HomeTenantId + (same ? " = " : " ≠ ") + "resourceTenantId " + e.ResourceTenantId) };
    }

    public static IEnumerable<FieldValue> Each<T>(string collection, IReadOnlyList<T> items, Func<T, string?> value, string member = "")
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

    /// <summary>Values of the policies that interrupted the sign-in only.</summary>
    public static IEnumerable<FieldValue> Interrupting(SignInEvent e, Func<AppliedConditionalAccessPolicy, IEnumerable<string?>> values, string member)
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
}
