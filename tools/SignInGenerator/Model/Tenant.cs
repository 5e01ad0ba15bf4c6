namespace EntraStrongAuth.SignInGenerator.Model;

/// <summary>The synthetic tenant: identity, time window, its own line-of-business apps and its CA policies.</summary>
internal sealed class Tenant
{
    public required string Id { get; init; }

    public string DisplayName { get; init; } = "Contoso";

    public string Domain { get; init; } = "contoso.com";

    public string InitialDomain { get; init; } = "contoso.onmicrosoft.com";

    /// <summary>The federated (AD FS) domain of the Manchester plant.</summary>
    public string FederatedDomain { get; init; } = "mfg.contoso.com";

    /// <summary>The Log Analytics workspace id (the TenantId column of exported rows).</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>The B2B partner whose employees are guests here.</summary>
    public required string PartnerTenantId { get; init; }

    /// <summary>First instant of the nominal window (midnight UTC).</summary>
    public required DateTime WindowStart { get; init; }

    /// <summary>End of the window (exclusive); nothing is generated at or after it.</summary>
    public required DateTime WindowEnd { get; init; }

    /// <summary>When "Require MFA for Azure management" went from report-only to enforced: the day scripts broke.</summary>
    public required DateTime AzureMfaEnforcedFrom { get; init; }

    public required LineOfBusinessApps Apps { get; init; }

    public required IReadOnlyList<CaPolicy> Policies { get; init; }

    public string ArmResourceId => "/tenants/" + Id + "/providers/Microsoft.aadiam";
}

/// <summary>Apps registered in the tenant itself (ids come from the seed, owner is the tenant).</summary>
internal sealed record LineOfBusinessApps(
    AppInfo Finance, AppInfo ExpensesSpa, AppInfo ExpensesApi, AppInfo Timesheets, AppInfo DeployScript, AppInfo OpsRunbook);
