# The default views show what tells rows apart at 120 columns and stay readable at 80, and every table column is
# labelled with the property it shows, so `Format-Table <label>` and `Sort-Object <label>` work on what was read.
BeforeAll {
    $samples = Join-Path $PSScriptRoot '../../samples'
    $script:graph = Join-Path $samples 'signins/signins.graph.json'
    $script:enrollment = Join-Path $samples 'enrollment'
    $script:formatFile = Join-Path (Split-Path $env:ENTRASTRONGAUTH_TEST_MODULE) 'EntraStrongAuth.Format.ps1xml'

    function Get-Screen([scriptblock] $Run, [int] $Width) {
        ((& $Run | Out-String -Width $Width) -split "`r?`n") | Where-Object { $_.Trim() }
    }
}

Describe 'Table views' {
    BeforeDiscovery {
        $format = [xml](Get-Content (Join-Path (Split-Path $env:ENTRASTRONGAUTH_TEST_MODULE) 'EntraStrongAuth.Format.ps1xml') -Raw)
        $script:tables = foreach ($view in $format.Configuration.ViewDefinitions.View) {
            if ($view.TableControl) {
                @{ View = $view.Name; TypeName = $view.ViewSelectedBy.TypeName; Headers = @($view.TableControl.TableHeaders.TableColumnHeader) }
            }
        }
    }

    It '<View> labels every column with a property of its type' -ForEach $tables {
        $type = $TypeName -as [type]
        $type | Should -Not -BeNullOrEmpty
        $properties = $type.GetProperties().Name
        $labels = $Headers | ForEach-Object { $_.Label }
        $notProperties = $labels | Where-Object { $_ -notin $properties }
        $notProperties | Should -BeNullOrEmpty -Because "Format-Table $($notProperties -join ', ') would show nothing"
    }

    It '<View> sizes its columns within 120 characters' -ForEach $tables {
        $widths = @($Headers | Where-Object { $_.Width } | ForEach-Object { [int] $_.Width })
        ($widths | Measure-Object -Sum).Sum + $Headers.Count - 1 | Should -BeLessOrEqual 120
    }
}

Describe 'Default views at 120 and 80 columns' {
    It 'failures: code and the whole cause at 80; confidence, resolution and the app added at 120' {
        $run = { Get-StrongAuthFailure -Path $graph -IncludeBenign }
        $narrow = Get-Screen $run 80
        $narrow | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $narrow[0] | Should -Match '^CreatedDateTime\s+ErrorCode\s+Cause\s+UserPrincipalName'
        ($narrow -match '\s50076 HeadlessUserAccount\s').Count | Should -BeGreaterThan 0
        ($narrow -match '\s50076 SilentAuthInteractionRequired\s').Count | Should -BeGreaterThan 0

        $wide = Get-Screen $run 120
        $wide | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $wide[0] | Should -Match 'Confidence\s+Resolution\s+AppDisplayName$'
        ($wide -match '\sHeadlessUserAccount\s+svc-deploy@contoso\.com\s+High\s+Unresolved\s+Contoso').Count | Should -BeGreaterThan 0
    }

    It 'headless accounts: the identity to move to at 80; a -PerApp row names its whole app at 120' {
        $narrow = Get-Screen { Find-HeadlessUserSignIn -Path $graph } 80
        ($narrow -match '^\s+100 svc-deploy@contoso\.com\s+14 ManagedIdentity').Count | Should -Be 1
        ($narrow -match 'CertificateServicePrincipal').Count | Should -BeGreaterThan 0

        $wide = Get-Screen { Find-HeadlessUserSignIn -Path $graph -PerApp } 120
        $wide | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        ($wide -match 'only Contoso Deploy Script\s').Count | Should -Be 1
        ($wide -match 'Ropc \+35').Count | Should -BeGreaterThan 0
    }

    It 'AADSTS codes: 50074 and 50076 read apart, and InteractiveFix is a column Format-Table can name' {
        $wide = Get-Screen { Resolve-AadstsError 50074, 50076 } 120
        ($wide -match '50074 UserStrongAuthClientAuthNRequiredInterrupt\s').Count | Should -Be 1
        ($wide -match '50076 UserStrongAuthClientAuthNRequired\s').Count | Should -Be 1
        $picked = Get-Screen { Resolve-AadstsError 50076 | Format-Table Code, InteractiveFix } 80
        $picked[-1] | Should -Match '50076\s+\w+'
    }

    It 'enrollment: what to add whole at 80; the data''s age in words at 120' {
        $narrow = Get-Screen { Test-MfaEnrollment -All -Path $enrollment -WarningAction SilentlyContinue } 80
        ($narrow -match 'NeedsRegistration\s+Microsoft Authenticator').Count | Should -BeGreaterThan 0
        $wide = Get-Screen { Test-MfaEnrollment -All -Path $enrollment -WarningAction SilentlyContinue } 120
        $wide | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        ($wide -match '\d+ h old, stale').Count | Should -BeGreaterThan 0
        ($wide -match 'h!').Count | Should -Be 0
    }

    It 'readiness: verdict and reasons at 80' {
        $narrow = Get-Screen { Test-StrongAuthReadiness -Path $graph -RequireMfa } 80
        $narrow | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        ($narrow -match 'WillBreak\s+AppNeverFallsBack').Count | Should -BeGreaterThan 0
    }

    It 'remediation: outcome and confidence at 80; failures after the fix, the workload identity and the judgement at 120' {
        $run = { Get-StrongAuthFailure -Path $graph | Select-Object -First 5 | Test-StrongAuthRemediation -Path $graph -FixedAt '2026-11-20' }
        ((Get-Screen $run 80) -match 'NotFixed\s+High').Count | Should -BeGreaterThan 0
        $wide = Get-Screen $run 120
        $wide[0] | Should -Match '^UserPrincipalName\s+AppDisplayName\s+Outcome\s+Confidence\s+AfterFailures\s+AfterWorkloadSignIns\s+JudgedAs$'
        ($wide -match '^svc-deploy@contoso\.com\s+Contoso Deploy Script\s+NotFixed\s+High\s+6\s+0\s+Automation').Count | Should -Be 1
    }
}
