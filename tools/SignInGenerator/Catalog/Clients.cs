namespace EntraStrongAuth.SignInGenerator.Catalog;

/// <summary>
/// The client software behind sign-ins, with the user agent, client app and browser text Entra logs for it. The
/// script and automation entries are the headless signals the classifier looks for; the rest are everyday noise.
/// </summary>
internal static class Clients
{
    private const string Desktop = "Mobile Apps and Desktop clients";

    public static readonly ClientProfile EdgeOnWindows = new("Edge", "Browser",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "Edge 131.0.0", "Windows10", PresentsDevice: true);

    public static readonly ClientProfile ChromeOnMac = new("Chrome", "Browser",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Chrome 131.0.0", "MacOs", PresentsDevice: false);

    public static readonly ClientProfile TeamsDesktop = new("Teams", Desktop,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/24295.605.3225.8804/49",
        "Rich Client 4.66.1.0", "Windows10", PresentsDevice: true);

    public static readonly ClientProfile OutlookDesktop = new("Outlook", Desktop,
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)",
        "Rich Client 4.61.3.0", "Windows10", PresentsDevice: true);

    public static readonly ClientProfile OutlookOnIos = new("Outlook iOS", Desktop,
        "Outlook-iOS/2.0", "Mobile Safari", "Ios", PresentsDevice: false);

    public static readonly ClientProfile OneDriveSync = new("OneDrive", Desktop,
        "Microsoft SkyDriveSync 24.226.1110.0004 ship; Windows NT 10.0 (26100)",
        "Rich Client 4.61.1.0", "Windows10", PresentsDevice: true);

    /// <summary>A desktop line-of-business app using MSAL.NET with the Windows broker.</summary>
    public static readonly ClientProfile TimesheetsDesktop = new("Timesheets", Desktop,
        "Contoso.Timesheets/3.2.1 MSAL.NET/4.66.2", "Rich Client 4.66.2.0", "Windows10", PresentsDevice: true);

    public static readonly ClientProfile PythonRequests = new("python-requests", Desktop,
        "python-requests/2.32.3", "", "", PresentsDevice: false);

    public static readonly ClientProfile PowerShellScript = new("PowerShell", Desktop,
        "Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.20348; en-US) PowerShell/7.4.6", "", "Windows", PresentsDevice: false);

    public static readonly ClientProfile AzureCliAgent = new("azure-cli", Desktop,
        "azure-cli/2.67.0 python/3.12.7 (Linux-6.8.0-1017-azure-x86_64-with-glibc2.39)", "", "Linux", PresentsDevice: false);

    public static readonly ClientProfile AzurePowerShellAgent = new("Az PowerShell", Desktop,
        "AzurePowershell/v13.0.0 PSVersion/v7.4.6", "", "Windows", PresentsDevice: false);

    public static readonly ClientProfile AttackerBrowser = new("Chrome (Linux)", "Browser",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        "Chrome 126.0.0", "Linux", PresentsDevice: false);

    /// <summary>az CLI on a person's Windows laptop (its background token refreshes).</summary>
    public static readonly ClientProfile AzureCliWindows = new("azure-cli (Windows)", Desktop,
        "azure-cli/2.67.0 python/3.12.7 (Windows-11-10.0.26100-SP0)", "", "Windows", PresentsDevice: false);

    /// <summary>az CLI in a GitHub Actions job: azure/login adds its marker to AZURE_HTTP_USER_AGENT.</summary>
    public static readonly ClientProfile AzureCliGitHubActions = new("azure-cli (GitHub Actions)", Desktop,
        "azure-cli/2.67.0 python/3.12.7 (Linux-6.8.0-1017-azure-x86_64-with-glibc2.39) GitHubActions/azure-login", "", "Linux", PresentsDevice: false);

    /// <summary>A mailbox scanner on IMAP basic authentication (Exchange logs legacy sign-ins with this agent).</summary>
    public static readonly ClientProfile ImapScanner = new("IMAP scanner", "IMAP4", "BAV2ROPC", "", "", PresentsDevice: false);

    /// <summary>A Python script holding a device-code token (MSAL for Python).</summary>
    public static readonly ClientProfile MsalPythonScript = new("MSAL Python", Desktop,
        "MSAL.Python/1.31.0 Python/3.12.7 (Linux-6.8.0-generic-x86_64)", "", "Linux", PresentsDevice: false);
}
