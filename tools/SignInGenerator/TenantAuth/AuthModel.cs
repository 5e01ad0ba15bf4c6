namespace EntraStrongAuth.SignInGenerator.TenantAuth;

/// <summary>The kinds of authentication method a synthetic user can have registered (Graph's method resources).</summary>
internal enum MethodKind
{
    Password,
    MicrosoftAuthenticator,
    Phone,
    SoftwareOath,
    Fido2,
    WindowsHelloForBusiness,
}

/// <summary>One registered method. <see cref="Detail"/> is the phone number, the FIDO2 AAGUID or the device name.</summary>
internal sealed record RegisteredMethod(MethodKind Kind, string Id, DateTime Created, string? DisplayName, string? Detail, string? Model);

/// <summary>A user of the directory with the methods registered to them and when the registration report last saw them.</summary>
internal sealed record UserAuth(TenantUser User, IReadOnlyList<RegisteredMethod> Methods, DateTime ReportUpdated)
{
    public bool Has(MethodKind kind) => Methods.Any(m => m.Kind == kind);
}

/// <summary>A security group; <see cref="NestedGroups"/> makes transitiveMembers differ from members.</summary>
internal sealed record DirectoryGroup(string Id, string DisplayName, IReadOnlyList<TenantUser> Members)
{
    public IReadOnlyList<DirectoryGroup> NestedGroups { get; init; } = Array.Empty<DirectoryGroup>();

    /// <summary>Every user reached through this group and its nested groups, each once, in membership order.</summary>
    public IReadOnlyList<TenantUser> TransitiveUsers =>
        Members.Concat(NestedGroups.SelectMany(g => g.TransitiveUsers)).DistinctBy(u => u.Id).ToArray();
}

/// <summary>An authentication strength: built-in (fixed id) or the tenant's own, with FIDO2 AAGUID restrictions.</summary>
internal sealed record StrengthPolicy(string Id, string DisplayName, string Description, bool BuiltIn, IReadOnlyList<string> AllowedCombinations)
{
    /// <summary>For a custom FIDO2 strength: the AAGUIDs its fido2CombinationConfiguration allows.</summary>
    public IReadOnlyList<string>? AllowedAaGuids { get; init; }

    public string? CombinationConfigurationId { get; init; }
}

/// <summary>A Conditional Access policy as the CA API shows it (sign-in CA policies plus ones the sign-ins never saw).</summary>
internal sealed record CaPolicyView(CaPolicy Policy, string State, DateTime Created, DateTime? Modified)
{
    public IReadOnlyList<string> IncludeGroups { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ExcludeGroups { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> IncludeRoles { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ClientAppTypes { get; init; } = new[] { "all" };
}

/// <summary>
/// Everything the authentication APIs show about the synthetic tenant: per-user methods, groups, the
/// authentication methods policy, strengths and CA policies. Built from the same seed as the sign-ins and
/// consistent with them (see <see cref="TenantAuthBuilder"/>).
/// </summary>
internal sealed class TenantAuthData
{
    public required Tenant Tenant { get; init; }

    /// <summary>Users of this directory (never-invited partner accounts are not), in user order.</summary>
    public required IReadOnlyList<UserAuth> Users { get; init; }

    public required IReadOnlyList<DirectoryGroup> Groups { get; init; }

    public required DirectoryGroup PasswordlessPilot { get; init; }

    public required IReadOnlyList<StrengthPolicy> Strengths { get; init; }

    public required IReadOnlyList<CaPolicyView> Policies { get; init; }

    /// <summary>FIDO2 keys the methods policy and the custom strength allow (the rest are registered but restricted).</summary>
    public required IReadOnlyList<string> ApprovedAaGuids { get; init; }

    /// <summary>Whether the methods policy enables FIDO2 for this user (it targets the passwordless pilot group only).</summary>
    public bool Fido2EnabledFor(TenantUser user) => PasswordlessPilot.TransitiveUsers.Any(u => u.Id == user.Id);
}
