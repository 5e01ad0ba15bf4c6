# Module manifest for EntraStrongAuth. The build copies it into out/EntraStrongAuth/ and fills ReleaseNotes there
# from the latest entry of CHANGELOG.md, so the two cannot disagree.
@{
    RootModule             = 'EntraStrongAuth.psm1'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Core', 'Desktop')
    GUID                   = '5b0f8a3e-2c61-4f7d-9a55-6f1f3c7d2e41'
    Author                 = 'EntraStrongAuth contributors'
    CompanyName            = 'EntraStrongAuth contributors'
    Copyright              = '(c) 2026 EntraStrongAuth contributors. MIT License.'
    Description            = 'Explains why Microsoft Entra ID users and scripts hit "strong authentication required" (AADSTS50074, 50076, 50079 and relatives), who will hit it next, and what fixes each case, as pipeline objects.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport        = @(
        'Connect-EntraStrongAuth'
        'Disconnect-EntraStrongAuth'
        'Debug-StrongAuthFailure'
        'Export-StrongAuthReport'
        'Find-HeadlessUserSignIn'
        'Get-AuthenticationStrength'
        'Get-EntraStrongAuthContext'
        'Get-SignInLog'
        'Get-StrongAuthFailure'
        'Get-StrongAuthKql'
        'Get-StrongAuthPolicy'
        'Import-SignInLog'
        'Resolve-AadstsError'
        'Test-MfaEnrollment'
        'Test-StrongAuthReadiness'
        'Test-StrongAuthRemediation'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    FormatsToProcess       = @('EntraStrongAuth.Format.ps1xml')
    PrivateData            = @{
        PSData = @{
            Tags         = @('Entra', 'EntraID', 'AzureAD', 'MFA', 'StrongAuthentication', 'ConditionalAccess', 'AADSTS', 'Authentication', 'Graph', 'SignInLogs', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/EntraStrongAuth/EntraStrongAuth'
            LicenseUri   = 'https://github.com/EntraStrongAuth/EntraStrongAuth/blob/main/LICENSE'
            ReleaseNotes = 'Filled by the build from the latest entry of CHANGELOG.md.'
        }
    }
}
