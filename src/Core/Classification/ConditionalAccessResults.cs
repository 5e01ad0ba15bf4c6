using System;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Classification;

/// <summary>What an applied policy's <c>result</c> says about its part in a failed sign-in.</summary>
internal static class ConditionalAccessResults
{
    /// <summary>
    /// True when the policy applied and was enforced without being satisfied (result failure, or a result the source
    /// left out or Graph added later). Report-only policies are excluded: they never cause a failure, they only say
    /// what would have happened; success/notApplied/notEnabled policies did not stand in the way either.
    /// </summary>
    public static bool Interrupted(AppliedConditionalAccessPolicy policy) =>
        !Is(policy.Result, "success") && !Is(policy.Result, "notApplied") && !Is(policy.Result, "notEnabled") && !IsReportOnly(policy);

    /// <summary>True when the policy applied to the sign-in, enforced or report-only.</summary>
    public static bool Applied(AppliedConditionalAccessPolicy policy) =>
        !Is(policy.Result, "notApplied") && !Is(policy.Result, "notEnabled") && !Is(policy.Result, "reportOnlyNotApplied");

    private static bool IsReportOnly(AppliedConditionalAccessPolicy policy) =>
        policy.Result is not null && policy.Result.StartsWith("reportOnly", StringComparison.OrdinalIgnoreCase);

    private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
