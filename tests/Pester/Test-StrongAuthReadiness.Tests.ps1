# Test-StrongAuthReadiness offline, end to end: the built module in a fresh pwsh, on a tenant written by the
# SignInGenerator CLI (seed 42, 60 users, 7 days, the tenant-auth files). Its four scripts (svc-*) sign in with the
# password grant, so any MFA policy that covers them breaks them.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GeneratedTenant.psm1') -Force
    $tenant = New-GeneratedTenant -OutputDirectory (Join-Path $TestDrive 'tenant')

    $script:auth = Join-Path $tenant 'tenant-auth'
    $script:common = @{ Path = (Join-Path $tenant 'signins.graph.json'); TenantDataPath = $auth; WarningAction = 'SilentlyContinue' }
    $script:policyFiles = @((Join-Path $auth 'conditionalAccessPolicies.json'), (Join-Path $auth 'authenticationStrengthPolicies.json'))
    $script:scripts = @('svc-azps@contoso.com', 'svc-build@contoso.com', 'svc-deploy@contoso.com', 'svc-opsrunbook@contoso.com')
    $script:emergencyAccessGroup = 'a6893234-0dea-4ed9-ad79-6ab6a1391a0e'
}

Describe 'Test-StrongAuthReadiness of a planned policy' {
    It 'finds the four password-grant scripts WillBreak under -RequireMfa, with their reasons' {
        $results = @(Test-StrongAuthReadiness -RequireMfa @common -ErrorVariable errs)

        $errs | Should -BeNullOrEmpty
        $results.Count | Should -BeGreaterThan 60
        $breaking = @($results | Where-Object { "$($_.Verdict)" -eq 'WillBreak' })
        foreach ($account in $scripts) {
            $row = @($breaking | Where-Object UserPrincipalName -EQ $account)
            $row.Count | Should -BeGreaterOrEqual 1 -Because "$account is a script"
            "$($row[0].Reasons)" | Should -Match 'PasswordGrant'
            "$($row[0].Reasons)" | Should -Match 'Script'
        }
        @($results | Where-Object { "$($_.Verdict)" -eq 'Ready' }).Count | Should -BeGreaterThan 10
    }

    It 'counts the verdicts in one summary with -Summary' {
        $all = @(Test-StrongAuthReadiness -RequireMfa @common)
        $summary = @(Test-StrongAuthReadiness -RequireMfa @common -Summary)

        $summary.Count | Should -Be 1
        $summary[0].Subjects | Should -Be $all.Count
        $summary[0].WillBreak | Should -Be @($all | Where-Object { "$($_.Verdict)" -eq 'WillBreak' }).Count
        $summary[0].Ready + $summary[0].WillPrompt + $summary[0].MustRegister + $summary[0].WillBreak | Should -Be $all.Count
        $summary[0].ByReason[[EntraStrongAuth.Core.Readiness.BreakReason]::PasswordGrant] | Should -Be 4
        # The view shows the count itself (six here: four scripts and two apps that never fall back).
        $summary[0].WillBreak | Should -Be 6
        ($summary[0] | Out-String -Width 80) | Should -Match "WillBreak\s+: $($summary[0].WillBreak)\b"
    }

    It 'answers -Quiet with one Boolean: $false when something breaks, $true for a group of ready users' {
        $all = @(Test-StrongAuthReadiness -RequireMfa @common -Quiet)
        $group = @(Test-StrongAuthReadiness -RequireMfa -IncludeGroup $emergencyAccessGroup @common -Quiet)

        $all.Count | Should -Be 1
        $all[0] | Should -BeOfType [bool]
        $all[0] | Should -BeFalse
        $group.Count | Should -Be 1
        $group[0] | Should -BeTrue
    }

    It 'shows user, app, verdict and reasons within 80 columns and the rest within 120' {
        $results = @(Test-StrongAuthReadiness -RequireMfa @common | Where-Object UserPrincipalName -EQ 'svc-deploy@contoso.com')
        $narrow = ($results | Out-String -Width 80) -split "`n"
        $wide = ($results | Out-String -Width 120) -split "`n"

        ($narrow | Where-Object { $_ -match 'svc-deploy' }) | Should -Match 'WillBreak\s+PasswordGrant'
        ($wide | Where-Object { $_ -match 'MethodsToAdd' }) | Should -Not -BeNullOrEmpty
        ($wide | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
        ($results[0] | Format-List | Out-String) | Should -Match 'Evidence'
    }

    It 'is ReadinessPolicyMissing without -AuthenticationStrength or -RequireMfa' {
        { Test-StrongAuthReadiness -IncludeGroup $emergencyAccessGroup @common -ErrorAction Stop } |
            Should -Throw -ErrorId 'ReadinessPolicyMissing,EntraStrongAuth.Cmdlets.Commands.TestStrongAuthReadinessCommand'
    }
}

Describe 'Test-StrongAuthReadiness of an existing policy' {
    It 'takes -Policy by name from -TenantDataPath' {
        $results = @(Test-StrongAuthReadiness -Policy 'CA001*' @common -ErrorVariable errs)

        $errs | Should -BeNullOrEmpty
        $results.Count | Should -BeGreaterThan 0
        @($results | Where-Object { "$($_.Verdict)" -eq 'WillBreak' }).Count | Should -BeGreaterThan 0
    }

    It 'gives one summary per piped Get-StrongAuthPolicy object' {
        $policies = @(Get-StrongAuthPolicy -Path $policyFiles -IncludeDisabled -WarningAction SilentlyContinue | Where-Object DemandsStrongAuthentication)
        $policies.Count | Should -BeGreaterOrEqual 2

        $summaries = @($policies | Test-StrongAuthReadiness -Summary @common)

        $summaries.Count | Should -Be $policies.Count
        @($summaries.Policy) | Should -Be @($policies.DisplayName)
    }

    It 'is StrongAuthPolicyNotFound for a name no policy has' {
        { Test-StrongAuthReadiness -Policy 'No such policy' @common -ErrorAction Stop } |
            Should -Throw -ErrorId 'StrongAuthPolicyNotFound,EntraStrongAuth.Cmdlets.Commands.TestStrongAuthReadinessCommand'
    }

    It 'completes -Policy and -AuthenticationStrength names with Tab once they were read' {
        $null = Get-StrongAuthPolicy -Path $policyFiles -IncludeDisabled -WarningAction SilentlyContinue
        $line = 'Test-StrongAuthReadiness -Policy CA00'
        $policies = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $line = 'Test-StrongAuthReadiness -AuthenticationStrength Phish'
        $strengths = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

        @($policies | Where-Object { $_ -like "*CA001*" }).Count | Should -Be 1
        @($strengths | Where-Object { $_ -like "*Phishing-resistant MFA*" }).Count | Should -Be 1
    }
}
