namespace EntraStrongAuth.SignInGenerator.Catalog;

/// <summary>
/// Real first-party application and resource ids (checked against merill/microsoft-info MicrosoftApps.csv), so the
/// classifier's automation-app table and resource names meet the values a tenant really logs.
/// </summary>
internal static class MicrosoftApps
{
    /// <summary>Microsoft Services, the owner tenant of first-party apps.</summary>
    public const string MicrosoftTenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    public static readonly AppInfo Graph = First("00000003-0000-0000-c000-000000000000", "Microsoft Graph");

    /// <summary>Azure Resource Manager; sign-in logs show its legacy name.</summary>
    public static readonly AppInfo AzureManagement = First("797f4846-ba00-4fd7-ba43-dac1f8f63013", "Windows Azure Service Management API");

    public static readonly AppInfo ExchangeOnline = First("00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online");

    public static readonly AppInfo SharePointOnline = First("00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online");

    public static readonly AppInfo TeamsServices = First("cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "Microsoft Teams Services");

    public static readonly AppInfo Teams = First("1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams");

    public static readonly AppInfo TeamsWeb = First("5e3ce6c0-2b1f-4285-8d4b-75ee78787346", "Microsoft Teams Web Client");

    public static readonly AppInfo AzurePortal = First("c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal");

    public static readonly AppInfo AzureCli = First("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "Microsoft Azure CLI");

    public static readonly AppInfo AzurePowerShell = First("1950a258-227b-4e31-a9cf-717495945fc2", "Microsoft Azure PowerShell");

    public static readonly AppInfo Office = First("d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office");

    public static readonly AppInfo OfficeHome = First("4765445b-32c6-49b0-83e6-1d93765276ca", "OfficeHome");

    public static readonly AppInfo OutlookMobile = First("27922004-5251-4030-b22d-91ecd9a37ea4", "Outlook Mobile");

    public static readonly AppInfo OneDriveSync = First("ab9b8c07-8f02-4f72-87fa-80105867a763", "OneDrive SyncEngine");

    public static readonly AppInfo Office365Portal = First("00000006-0000-0ff1-ce00-000000000000", "Microsoft Office 365 Portal");

    public static readonly AppInfo AzureActiveDirectory = First("00000002-0000-0000-c000-000000000000", "Windows Azure Active Directory");

    private static AppInfo First(string id, string name) => new(id, name, MicrosoftTenantId);
}
