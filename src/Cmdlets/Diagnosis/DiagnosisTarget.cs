using System;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application.Diagnosis;

namespace EntraStrongAuth.Cmdlets.Diagnosis;

/// <summary>Debug-StrongAuthFailure's checks and conversions of its parameters, before anything is read.</summary>
internal static class DiagnosisTarget
{
    public const string NoTenantData = "no tenant data was given (-TenantDataPath)";

    /// <summary>-CorrelationId, -RequestId or -SignInId: at least one, else DiagnosisTargetMissing.</summary>
    public static void RequireIds(string? correlationId, string? requestId, string? signInId)
    {
        if (correlationId is null && requestId is null && signInId is null)
        {
            throw new EntraStrongAuthException(ErrorIds.DiagnosisTargetMissing, FailureKind.InvalidArgument, "Name the failure: -CorrelationId, -RequestId (the Trace ID) or -SignInId.", "Debug-StrongAuthFailure -CorrelationId <id>, or paste the whole error: Debug-StrongAuthFailure '<error text>'.");
        }
    }

    /// <summary>A -At without a kind is the console's local time, as PowerShell's own date parameters read it.</summary>
    public static DateTimeOffset? Utc(DateTime? at) => at is not { } value
        ? null
        : new DateTimeOffset(value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Local).ToUniversalTime(), TimeSpan.Zero);

    /// <summary>Piped text names failures that only a source can locate (piped failures carry their own record).</summary>
    public static bool NeedsSource(FailureDiagnosis diagnosis) => diagnosis.HasRequests;
}
