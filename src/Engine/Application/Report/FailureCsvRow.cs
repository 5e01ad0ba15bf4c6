using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>One failure as a row of the failures CSV beside the report: the same names as Get-StrongAuthFailure's properties.</summary>
internal static class FailureCsvRow
{
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        "CreatedDateTime", "UserPrincipalName", "UserId", "AppDisplayName", "AppId", "ErrorCode", "ErrorName", "Cause", "Confidence",
        "Resolution", "ResolvedAt", "Evidence", "MissingEvidence", "Remedy", "ConditionalAccessPolicies", "SignInId", "CorrelationId",
    };

    public static IEnumerable<string?> Cells(StrongAuthFailure failure) => new[]
    {
        Time(failure.CreatedDateTime),
        failure.UserPrincipalName,
        failure.UserId,
        failure.AppDisplayName,
        failure.AppId,
        failure.ErrorCode.ToString(CultureInfo.InvariantCulture),
        failure.ErrorName,
        failure.Cause,
        failure.Confidence,
        failure.Resolution,
        failure.ResolvedAt is { } resolved ? Time(resolved) : null,
        string.Join("; ", failure.Evidence.Select(evidence => evidence.ToString())),
        string.Join("; ", failure.MissingEvidence),
        string.Join(" ", failure.Remedy),
        string.Join("; ", failure.ConditionalAccessPolicies),
        failure.SignInId,
        failure.CorrelationId,
    };

    private static string Time(System.DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
