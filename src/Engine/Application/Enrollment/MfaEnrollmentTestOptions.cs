using System.Collections.Generic;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>What Test-MfaEnrollment was asked, as bound from its parameters.</summary>
public sealed class MfaEnrollmentTestOptions
{
    /// <summary>Named users are read live ($batch of their methods) instead of from the registration report.</summary>
    public bool Live { get; init; }

    /// <summary>Answer $true/$false per user instead of result objects.</summary>
    public bool Quiet { get; init; }

    /// <summary>The facts came from -Path files (the -Verbose summary names its source).</summary>
    public bool FromFiles { get; init; }

    /// <summary>-Policy values: policy objects or names/ids (wildcards) of the tenant's policies.</summary>
    public IReadOnlyList<object>? Policies { get; init; }

    public IReadOnlyList<string>? ExcludeUserPrincipalNames { get; init; }

    public bool ExcludeGuests { get; init; }

    public bool IncludeDisabled { get; init; }
}
