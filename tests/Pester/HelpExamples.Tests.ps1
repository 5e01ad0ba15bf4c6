<#
    Runs every example in the command help (docs/en-US/<Verb-Noun>.md, the source of the built MAML help) that can
    run offline, on the bundled samples, and fails when one writes an error or throws.

    Every example that is NOT run is listed in $NotRun below with the reason it cannot run offline; an example that
    is neither run nor listed, a listed example that no longer exists, and an example that signs in or reads a live
    tenant but is not listed all fail the first tests.

    The examples run one after another in one working folder under $TestDrive (so every file they write lands
    there), each in its own scope. The folder holds what the examples' paths name:

    | Path in the examples             | What the test puts there                                                        |
    |----------------------------------|---------------------------------------------------------------------------------|
    | ./samples                        | a copy of the repository's samples folder                                       |
    | ./exports, ./archive,            | copies of the sample sign-in logs in every format (samples/signins/signins.*,   |
    | ./last-month, ./this-week        | the gzip pages included): an admin's folder of downloads                        |
    | ./week.json, ./signins.json,     | samples/signins/signins.graph.json                                              |
    | ./since-fix.json                 |                                                                                 |
    | ./failed-mfa.json                | samples/signins/signins.la.json (a Log Analytics export)                        |
    | ./downloads/*SignIns_*.csv,      | samples/signins/signins.admin.csv (the admin center's CSV download)             |
    | ./InteractiveSignIns.csv         |                                                                                 |
    | ./signins.csv                    | UserPrincipalName, ErrorCode, AppDisplayName of the sample's sign-ins           |
    | ./tenant-auth                    | the tenant-auth files the generator writes for the samples' tenant (seed 42)    |
    | ./contoso                        | samples/classification/automation-apps.json and a copy of the built-in         |
    |                                  | src/Core/Data/cause-rules.json, as the classification README says to start     |
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'Support/HelpExamples.psm1') -Force
    $exampleCases = @(Get-HelpExample -HelpFolder (Join-Path $PSScriptRoot '../../docs/en-US') | ForEach-Object { @{ Key = $_.Key; Code = $_.Code } })
}

BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $PSScriptRoot 'Support/HelpExamples.psm1') -Force
    $script:allExamples = @(Get-HelpExample -HelpFolder (Join-Path $repoRoot 'docs/en-US'))

    $live = 'a live tenant: it signs in or reads the connected tenant'
    $script:NotRun = [ordered]@{
        'Connect-EntraStrongAuth 1'     = "$live (browser sign-in)"
        'Connect-EntraStrongAuth 2'     = "$live (device code over SSH)"
        'Connect-EntraStrongAuth 3'     = "$live (a certificate in the Windows store)"
        'Connect-EntraStrongAuth 4'     = "$live (a PFX/PEM certificate and a secret store)"
        'Connect-EntraStrongAuth 5'     = "$live (a managed identity)"
        'Connect-EntraStrongAuth 6'     = "$live (a GitHub Actions OIDC token)"
        'Connect-EntraStrongAuth 7'     = "$live (credentials in environment variables)"
        'Connect-EntraStrongAuth 8'     = "$live (the Azure CLI's token)"
        'Connect-EntraStrongAuth 9'     = "$live (national clouds)"
        'Connect-EntraStrongAuth 10'    = "$live (a custom cloud, or the Graph simulator on 127.0.0.1:5080)"
        'Connect-EntraStrongAuth 11'    = "$live (certificate sign-in; the catch handles its error ids)"
        'Connect-EntraStrongAuth 12'    = "$live (Connect-MgGraph, the Microsoft Graph PowerShell session)"
        'Connect-EntraStrongAuth 13'    = "$live (a managed identity)"
        'Debug-StrongAuthFailure 1'     = "$live (without -Path the failure is looked up in the connected tenant)"
        'Debug-StrongAuthFailure 3'     = "$live (Connect-AzAccount)"
        'Debug-StrongAuthFailure 5'     = "$live (a Correlation ID looked up in the connected tenant)"
        'Debug-StrongAuthFailure 7'     = "$live (a Request ID looked up in the connected tenant)"
        'Disconnect-EntraStrongAuth 2'  = "$live (client secret sign-in)"
        'Export-StrongAuthReport 4'     = "$live (no input: the connected tenant's last 7 days)"
        'Export-StrongAuthReport 5'     = "$live (a Log Analytics workspace)"
        'Find-HeadlessUserSignIn 3'     = "$live"
        'Find-HeadlessUserSignIn 5'     = "$live (its second command pipes Get-MgBetaAuditLogSignIn)"
        'Find-HeadlessUserSignIn 6'     = "$live (no -Path: the connected tenant's sign-ins)"
        'Get-AuthenticationStrength 2'  = "$live"
        'Get-AuthenticationStrength 6'  = "$live (Get-StrongAuthPolicy without -Path)"
        'Get-EntraStrongAuthContext 2'  = "$live (client secret sign-in when not connected)"
        'Get-EntraStrongAuthContext 3'  = "$live (it throws when not connected, by design)"
        'Get-EntraStrongAuthContext 5'  = "$live (calls HasPermission on the connection's context)"
        'Get-EntraStrongAuthContext 6'  = "$live (Connect-MgGraph, the Microsoft Graph PowerShell session)"
        'Get-SignInLog 1'               = "$live"
        'Get-SignInLog 2'               = "$live"
        'Get-SignInLog 3'               = "$live"
        'Get-SignInLog 4'               = "$live (a resumable pull into a file)"
        'Get-SignInLog 5'               = "$live"
        'Get-SignInLog 6'               = "$live"
        'Get-StrongAuthFailure 8'       = "$live"
        'Get-StrongAuthFailure 9'       = "$live (Connect-MgGraph and Get-MgBetaAuditLogSignIn)"
        'Get-StrongAuthFailure 16'      = "$live (a Log Analytics query over Invoke-RestMethod; the ZIP is the admin's own download)"
        'Get-StrongAuthFailure 17'      = "$live (a Log Analytics workspace)"
        'Get-StrongAuthPolicy 1'        = "$live"
        'Get-StrongAuthPolicy 2'        = "$live"
        'Get-StrongAuthPolicy 3'        = "$live"
        'Get-StrongAuthPolicy 5'        = "$live"
        'Get-StrongAuthPolicy 6'        = "$live"
        'Get-StrongAuthPolicy 8'        = "$live"
        'Resolve-AadstsError 4'         = "$live (Connect-AzAccount)"
        'Resolve-AadstsError 7'         = "$live (Get-MgBetaAuditLogSignIn)"
        'Resolve-AadstsError 11'        = 'it sets a process-wide environment variable to a catalog under /etc that only the reader has'
        'Test-MfaEnrollment 1'          = "$live"
        'Test-MfaEnrollment 2'          = "$live (-Live)"
        'Test-MfaEnrollment 3'          = "$live (-All reads the registration report)"
        'Test-MfaEnrollment 4'          = "$live (-All reads the registration report)"
        'Test-MfaEnrollment 5'          = "$live (-Live)"
        'Test-MfaEnrollment 6'          = "$live (-Live; New-TemporaryAccessPass is the reader's own function)"
        'Test-MfaEnrollment 7'          = "$live (Get-MgUser)"
        'Test-MfaEnrollment 8'          = "$live (-All reads the registration report)"
        'Test-MfaEnrollment 10'         = "$live (Get-StrongAuthPolicy without -Path)"
        'Test-StrongAuthReadiness 1'    = "$live (no -Path: the connected tenant)"
        'Test-StrongAuthReadiness 3'    = "$live (no -Path: the connected tenant)"
        'Test-StrongAuthReadiness 4'    = "$live (Get-StrongAuthPolicy without -Path)"
        'Test-StrongAuthRemediation 1'  = "$live (no -Path: the connected tenant)"
        'Test-StrongAuthRemediation 3'  = "$live (no -Path: the connected tenant)"
        'Test-StrongAuthRemediation 5'  = "$live (no -Path: the connected tenant)"
        'Test-StrongAuthRemediation 7'  = "$live (no -Path; migrated-scripts.csv is the reader's own list)"
    }

    # What marks an example as needing a tenant; such an example must be listed above.
    $script:livePattern = '\bConnect-(EntraStrongAuth|MgGraph|AzAccount)|Get-Mg\w+|Invoke-RestMethod|\s-Live\b|\s-WorkspaceId\b|\baz login\b'

    # The working folder, laid out as the table in the header says.
    $script:work = Join-Path $TestDrive 'work'
    New-Item -ItemType Directory -Path $work | Out-Null
    Copy-Item -Recurse (Join-Path $repoRoot 'samples') (Join-Path $work 'samples')
    $signins = Join-Path $repoRoot 'samples/signins'
    $logs = Get-ChildItem $signins -Filter 'signins.*'
    foreach ($folder in 'exports', 'archive', 'last-month', 'this-week') {
        New-Item -ItemType Directory -Path (Join-Path $work $folder) | Out-Null
        $logs | Copy-Item -Destination (Join-Path $work $folder)
    }

    foreach ($name in 'week.json', 'signins.json', 'since-fix.json') {
        Copy-Item (Join-Path $signins 'signins.graph.json') (Join-Path $work $name)
    }

    Copy-Item (Join-Path $signins 'signins.la.json') (Join-Path $work 'failed-mfa.json')
    New-Item -ItemType Directory -Path (Join-Path $work 'downloads') | Out-Null
    foreach ($name in 'downloads/InteractiveSignIns_2026-11-16_2026-11-23.csv', 'downloads/NonInteractiveSignIns_2026-11-16_2026-11-23.csv', 'InteractiveSignIns.csv') {
        Copy-Item (Join-Path $signins 'signins.admin.csv') (Join-Path $work $name)
    }

    Import-SignInLog (Join-Path $signins 'signins.graph.json') | Select-Object UserPrincipalName, ErrorCode, AppDisplayName |
        Export-Csv (Join-Path $work 'signins.csv') -NoTypeInformation

    New-Item -ItemType Directory -Path (Join-Path $work 'contoso') | Out-Null
    Copy-Item (Join-Path $repoRoot 'samples/classification/automation-apps.json') (Join-Path $work 'contoso')
    Copy-Item (Join-Path $repoRoot 'src/Core/Data/cause-rules.json') (Join-Path $work 'contoso')

    Import-Module (Join-Path $PSScriptRoot 'Support/GeneratedTenant.psm1') -Force
    $tenant = New-GeneratedTenant -OutputDirectory (Join-Path $TestDrive 'tenant') -Seed 42 -Users 60 -Days 7 -Formats 'tenant-auth'
    Copy-Item -Recurse (Join-Path $tenant 'tenant-auth') (Join-Path $work 'tenant-auth')
}

Describe 'Help examples: each is run or listed' {
    It 'every example is run or listed with a reason, and every listed example exists' {
        $allExamples.Count | Should -BeGreaterThan 100
        $keys = @($allExamples.Key)
        @($NotRun.Keys | Where-Object { $keys -notcontains $_ }) | Should -BeNullOrEmpty -Because 'a listed example must exist'
        @($NotRun.Values | Where-Object { -not $_ }) | Should -BeNullOrEmpty
    }

    It 'an example that signs in or reads a live tenant is listed, not run' {
        $unlisted = @($allExamples | Where-Object { $_.Code -match $livePattern -and -not $NotRun.Contains($_.Key) } | ForEach-Object Key)
        $unlisted | Should -BeNullOrEmpty
    }

    It 'the built help holds the same examples as the markdown this test runs' {
        foreach ($group in $allExamples | Group-Object { $_.Key -replace ' \d+$' }) {
            $help = @((Get-Help -Name $group.Name -Full).examples.example)
            $help.Count | Should -Be $group.Count -Because "$($group.Name) has $($group.Count) examples in docs/en-US"
            for ($index = 0; $index -lt $help.Count; $index++) {
                $firstLine = ($group.Group[$index].Code -split '\r?\n')[0].Trim()
                ([string]$help[$index].code) | Should -BeLike "*$([WildcardPattern]::Escape($firstLine))*"
            }
        }
    }

    It 'more examples run than are listed' {
        ($allExamples.Count - $NotRun.Count) | Should -BeGreaterThan $NotRun.Count
    }
}

Describe 'Help example <Key>' -ForEach $exampleCases {
    It 'runs offline without an error' {
        if ($NotRun.Contains($Key)) {
            Set-ItResult -Skipped -Because "not run offline: $($NotRun[$Key])"
            return
        }

        $example = [scriptblock]::Create($Code)
        Push-Location -LiteralPath $work
        try {
            $ProgressPreference = 'SilentlyContinue'
            # The example's own scope (&), every stream but errors dropped, its output formatted as the console would.
            $all = @(& $example 2>&1 3>$null 4>$null 5>$null 6>$null)
            $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $null = $all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] } | Out-String -Width 120
        }
        finally {
            Pop-Location
        }

        @($errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) | Should -BeNullOrEmpty
    }
}
