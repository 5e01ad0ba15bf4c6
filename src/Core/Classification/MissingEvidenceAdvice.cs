using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EntraStrongAuth.Core.Classification;

/// <summary>
/// The one warning of a run whose findings rest on incomplete records: which fields were missing, and how to get
/// them. Each field belongs to one kind of gap, and each gap has one remedy, so the warning names every remedy once.
/// </summary>
public static class MissingEvidenceAdvice
{
    private const string ConditionalAccess =
        "Conditional Access details (appliedConditionalAccessPolicies) need the Policy.Read.All permission (Connect-EntraStrongAuth asks for it) and a role such as Global Reader or Security Reader; from Log Analytics, include the ConditionalAccessPolicies column.";

    private const string BetaOnly =
        "Authentication details, the authentication requirement, the protocol, token types, user agent and event types are only in the Graph beta endpoint: read live with Get-StrongAuthFailure, or save them with Get-SignInLog -OutFile or from GET /beta/auditLogs/signIns (Get-MgBetaAuditLogSignIn), not v1.0 (Get-MgAuditLogSignIn); from the admin center use Download JSON rather than CSV; from Log Analytics export every column, the dynamic ones (AuthenticationDetails, DeviceDetail, Status, …) included.";

    /// <summary>The warning for <paramref name="findings"/> findings whose deciding rules lacked <paramref name="fields"/>.</summary>
    public static string Describe(IEnumerable<string> fields, int findings)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        var names = fields.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var remedies = new List<string>();
        if (names.Any(IsConditionalAccess))
        {
            remedies.Add(ConditionalAccess);
        }

        if (names.Any(f => !IsConditionalAccess(f)))
        {
            remedies.Add(BetaOnly);
        }

        return string.Format(CultureInfo.InvariantCulture, "{0:N0} findings have lowered confidence because the records lack evidence their rules rely on: {1}. ", findings, string.Join(", ", names))
            + "Each such finding lists them in MissingEvidence. To get them: " + string.Join(" ", remedies);
    }

    /// <summary>Whether a missing field is Conditional Access detail (its remedy is Policy.Read.All).</summary>
    public static bool IsConditionalAccess(string field) => field.StartsWith("appliedConditionalAccessPolicies", StringComparison.OrdinalIgnoreCase);
}
