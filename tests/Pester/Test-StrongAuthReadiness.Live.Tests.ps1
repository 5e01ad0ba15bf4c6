# Test-StrongAuthReadiness live: the built module connected to the Graph simulator serving the seed-42 tenant (the one
# samples/signins holds). Its four password-grant scripts break under a planned MFA policy, as they do offline.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '500/10s')
    Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-readiness' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 500 -ErrorAction Stop

    # The generated tenant's 7 days (the generator's data ends 2026-11-23 00:00 UTC); live, the default is the last 7 days.
    $script:window = @{ StartTime = [datetime]::new(2026, 11, 16, 0, 0, 0, [DateTimeKind]::Utc); EndTime = [datetime]::new(2026, 11, 23, 0, 0, 0, [DateTimeKind]::Utc); WarningAction = 'SilentlyContinue' }
}

AfterAll {
    Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'Test-StrongAuthReadiness against the tenant' {
    It 'finds the four password-grant scripts WillBreak under a planned -RequireMfa' {
        $results = @(Test-StrongAuthReadiness -RequireMfa @window -ErrorVariable errs)

        $errs | Should -BeNullOrEmpty
        $results.Count | Should -BeGreaterThan 60
        $scripts = @($results | Where-Object { "$($_.Verdict)" -eq 'WillBreak' -and "$($_.Reasons)" -match 'PasswordGrant' } | ForEach-Object UserPrincipalName | Sort-Object -Unique)
        $scripts | Should -Be @('svc-azps@contoso.com', 'svc-build@contoso.com', 'svc-deploy@contoso.com', 'svc-opsrunbook@contoso.com')
    }

    It 'answers -Quiet with $false, and takes a tenant policy by name' {
        @(Test-StrongAuthReadiness -RequireMfa @window -Quiet) | Should -Be @($false)
        $summary = @(Test-StrongAuthReadiness -Policy 'CA001*' -Summary @window)
        $summary.Count | Should -Be 1
        $summary[0].Subjects | Should -BeGreaterThan 0
    }
}
