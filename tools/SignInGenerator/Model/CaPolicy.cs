namespace EntraStrongAuth.SignInGenerator.Model;

/// <summary>What a Conditional Access policy grants on (the part of the policy the sign-in log echoes back).</summary>
internal enum GrantKind
{
    None,
    Mfa,
    Strength,
    Block,
}

/// <summary>Which users a policy includes.</summary>
internal enum UserScope
{
    AllMembers,
    Guests,
    Admins,
    AllUsers,
}

/// <summary>
/// One Conditional Access policy of the synthetic tenant: just enough of its conditions to decide, per sign-in,
/// the result Graph reports (success, failure, notApplied, reportOnly*).
/// </summary>
internal sealed record CaPolicy(string Id, string DisplayName, GrantKind Grant)
{
    public string? StrengthId { get; init; }

    public string? StrengthName { get; init; }

    public IReadOnlyList<string> SessionControls { get; init; } = Array.Empty<string>();

    /// <summary>Resource or client app ids the policy targets; null means all cloud apps.</summary>
    public IReadOnlyCollection<string>? TargetAppIds { get; init; }

    public UserScope Users { get; init; } = UserScope.AllMembers;

    public bool ExcludesServiceAccounts { get; init; }

    public bool ExcludesBreakGlass { get; init; } = true;

    public bool ExcludesTrustedLocations { get; init; }

    /// <summary>Before this instant the policy ran report-only (enabledForReportingButNotEnforced).</summary>
    public DateTime? EnforcedFrom { get; init; }

    /// <summary>Report-only for the whole window and still now (enabledForReportingButNotEnforced): it never blocks.</summary>
    public bool ReportOnly { get; init; }

    /// <summary>Whether the policy was enforced at <paramref name="at"/> (else it only reported).</summary>
    public bool EnforcedAt(DateTime at) => !ReportOnly && (EnforcedFrom is null || at >= EnforcedFrom);

    public IReadOnlyList<string> GrantControls => Grant switch
    {
        GrantKind.Mfa => MfaControl,
        GrantKind.Strength => StrengthControl,
        GrantKind.Block => BlockControl,
        _ => Array.Empty<string>(),
    };

    private static readonly string[] MfaControl = { "Mfa" };
    private static readonly string[] StrengthControl = { "RequireAuthenticationStrength" };
    private static readonly string[] BlockControl = { "Block" };
}
