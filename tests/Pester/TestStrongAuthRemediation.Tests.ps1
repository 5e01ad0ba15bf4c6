# Test-StrongAuthRemediation end to end: hand-built sign-ins around a fix three days ago (a script moved to its
# service principal, a script that still signs in as its user, a person who now does MFA, an idle account), read
# offline from a Graph JSON file and live from the Graph simulator serving the same file.
BeforeAll {
    $script:azPowerShell = '1950a258-227b-4e31-a9cf-717495945fc2'
    $script:spFixed = '9d1c0f36-5b0c-4a57-9b7e-2f6f1c7e0a11'
    $script:spBroken = '2b7e4c1d-8f3a-4e6b-9c0d-5a1f7e3b2c44'
    $script:fixedAt = [DateTime]::UtcNow.Date.AddDays(-3).AddHours(12)
    $script:n = 0

    function New-SignIn([double] $Hours, [string] $Kind, [int] $Code, [string] $User, [string] $Sp) {
        $script:n++
        $signIn = [ordered]@{
            id = '00000000-0000-4000-8000-{0:D12}' -f $script:n
            createdDateTime = $fixedAt.AddHours($Hours).ToString('yyyy-MM-ddTHH:mm:ssZ')
            status = @{ errorCode = $Code }
            ipAddress = '203.0.113.7'
        }
        switch ($Kind) {
            'script' {
                $signIn += @{ userPrincipalName = $User; appId = $azPowerShell; appDisplayName = 'Azure PowerShell'; userAgent = 'python-requests/2.31.0'
                    authenticationProtocol = 'ropc'; isInteractive = $false; signInEventTypes = @('nonInteractiveUser'); authenticationRequirement = 'singleFactorAuthentication' }
            }
            'person' {
                $signIn += @{ userPrincipalName = $User; appId = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c'; appDisplayName = 'Azure Portal'; isInteractive = $true
                    userAgent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.92'
                    signInEventTypes = @('interactiveUser'); authenticationRequirement = 'singleFactorAuthentication' }
                if ($Code -eq 0) {
                    # Assigned, not returned from an if: a one-item array must stay an array in the JSON.
                    $signIn.authenticationRequirement = 'multiFactorAuthentication'
                    $signIn.authenticationDetails = @(@{ authenticationMethod = 'Mobile app notification'; authenticationStepRequirement = 'Multifactor authentication'; succeeded = $true })
                }
            }
            'sp' {
                $signIn += @{ servicePrincipalId = $Sp; appId = "5f3c1e55-0000-4000-8000-$($Sp.Substring(24))"; appDisplayName = 'Contoso Backup Job'; signInEventTypes = @('servicePrincipal'); isInteractive = $false }
            }
        }
        [pscustomobject]$signIn
    }

    $signIns = @(
        # Fixed script: failed as its user before, only its service principal after.
        foreach ($h in -40, -30, -20) { New-SignIn $h script 50076 'svc-fixed@contoso.com' }
        foreach ($h in 2, 20, 40) { New-SignIn $h sp 0 -Sp $spFixed }
        # Broken script: its service principal appears, but a copy still signs in as the user.
        foreach ($h in -40, -30) { New-SignIn $h script 50076 'svc-broken@contoso.com' }
        New-SignIn 3 sp 0 -Sp $spBroken
        foreach ($h in 10, 30) { New-SignIn $h script 50076 'svc-broken@contoso.com' }
        # A person who registered MFA.
        foreach ($h in -40, -20) { New-SignIn $h person 50076 'adele@contoso.com' }
        foreach ($h in 5, 25, 45) { New-SignIn $h person 0 'adele@contoso.com' }
        # An account that failed before and did nothing since.
        foreach ($h in -40, -10) { New-SignIn $h person 50079 'idle@contoso.com' }
    )
    $script:file = Join-Path $TestDrive 'signins.graph.json'
    @{ value = $signIns } | ConvertTo-Json -Depth 6 | Set-Content $file

    $script:subjects = @(
        [pscustomobject]@{ UserPrincipalName = 'svc-fixed@contoso.com'; AppId = $azPowerShell; ServicePrincipalId = $spFixed }
        [pscustomobject]@{ UserPrincipalName = 'svc-broken@contoso.com'; AppId = $azPowerShell; ServicePrincipalId = $spBroken }
        'adele@contoso.com'
        [pscustomobject]@{ UserPrincipalName = 'idle@contoso.com' }
    )
}

Describe 'Test-StrongAuthRemediation offline' {
    BeforeAll {
        $script:results = @($subjects | Test-StrongAuthRemediation -Path $file -FixedAt $fixedAt -ErrorVariable errs)
        $script:errors = $errs
        $script:bySubject = @{}
        foreach ($r in $results) { $bySubject[$r.UserPrincipalName] = $r }
    }

    It 'names the app and the workload identity from their sign-ins, ids kept beside them' {
        $fixed = $bySubject['svc-fixed@contoso.com']
        $fixed.AppId | Should -Be $azPowerShell
        $fixed.AppDisplayName | Should -Be 'Azure PowerShell'
        $fixed.ServicePrincipalId | Should -Be $spFixed
        $fixed.ServicePrincipalName | Should -Be 'Contoso Backup Job'
        ($fixed.Evidence | Where-Object Field -eq 'after.workloadSignIns').Reason | Should -BeLike "Contoso Backup Job ($spFixed): 3 succeeded*"
        $bySubject['adele@contoso.com'].ServicePrincipalName | Should -BeNullOrEmpty
    }

    It 'returns one RemediationResult per subject, in order, without errors' {
        $errors | Should -BeNullOrEmpty
        $results.Count | Should -Be 4
        $results[0].PSObject.TypeNames[0] | Should -Be 'EntraStrongAuth.Core.Remediation.RemediationResult'
        $results.UserPrincipalName | Should -Be @('svc-fixed@contoso.com', 'svc-broken@contoso.com', 'adele@contoso.com', 'idle@contoso.com')
    }

    It 'calls the script that moved to its service principal Fixed' {
        $r = $bySubject['svc-fixed@contoso.com']
        $r.Outcome | Should -Be 'Fixed'
        $r.JudgedAs | Should -Be 'Automation'
        $r.BeforeFailures | Should -Be 3
        $r.AfterAutomationSignIns | Should -Be 0
        $r.AfterWorkloadSignIns | Should -Be 3
    }

    It 'calls the script that still signs in as its user NotFixed, with where to look and advice' {
        $r = $bySubject['svc-broken@contoso.com']
        $r.Outcome | Should -Be 'NotFixed'
        $r.AfterAutomationSignIns | Should -Be 2
        $r.AfterWorkloadSignIns | Should -Be 1
        ($r.Evidence | Where-Object Field -eq 'after.latestAutomationSignIn').Reason | Should -BeLike '*python-requests*'
        "$($r.Advice)" | Should -BeLike '*remaining copy*'
    }

    It 'calls the person who now satisfies MFA Fixed' {
        $r = $bySubject['adele@contoso.com']
        $r.Outcome | Should -Be 'Fixed'
        $r.JudgedAs | Should -Be 'Person'
        $r.Confidence | Should -Be 'High'
        $r.AfterMfaSuccesses | Should -Be 3
    }

    It 'calls the idle account Inconclusive' {
        $bySubject['idle@contoso.com'].Outcome | Should -Be 'Inconclusive'
        $bySubject['idle@contoso.com'].BeforeFailureCodes | Should -Be '50079×2'
    }

    It 'answers -Quiet with one Boolean' {
        Test-StrongAuthRemediation -Path $file -FixedAt $fixedAt -UserPrincipalName 'adele@contoso.com' -Quiet | Should -BeTrue
        Test-StrongAuthRemediation -Path $file -FixedAt $fixedAt -UserPrincipalName 'adele@contoso.com', 'idle@contoso.com' -Quiet | Should -BeFalse
    }

    It 'takes Get-StrongAuthFailure output, one subject per user' {
        $fromFailures = @(Get-StrongAuthFailure -Path $file -StartTime $fixedAt.AddDays(-7) -EndTime $fixedAt |
            Test-StrongAuthRemediation -Path $file -FixedAt $fixedAt)
        $fromFailures.Count | Should -Be 4
        ($fromFailures | Where-Object UserPrincipalName -eq 'svc-broken@contoso.com').Outcome | Should -Be 'NotFixed'
        ($fromFailures | Where-Object UserPrincipalName -eq 'adele@contoso.com').Outcome | Should -Be 'Fixed'
    }

    It 'counts each sign-in once when the same export is read twice (a JSON and its copy)' {
        $copy = Join-Path $TestDrive 'copy-of-signins.graph.json'
        Copy-Item $file $copy
        $twice = @($subjects | Test-StrongAuthRemediation -Path $file, $copy -FixedAt $fixedAt -Verbose 4>$null)
        $twice.Count | Should -Be 4
        $twice.BeforeFailures | Should -Be $results.BeforeFailures
        $twice.AfterSignIns | Should -Be $results.AfterSignIns
        $twice[0].BeforeFailures | Should -Be 3
        $twice[0].AfterWorkloadSignIns | Should -Be 3
        $twice[2].AfterMfaSuccesses | Should -Be 3
    }

    It 'fits the table in 120 columns and lists evidence and advice' {
        $table = $results | Format-Table | Out-String -Width 120
        $table -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 120 }
        $table | Should -Match 'NotFixed'
        $list = $bySubject['svc-broken@contoso.com'] | Format-List | Out-String -Width 120
        $list | Should -Match 'Evidence'
        $list | Should -Match '1\. '
    }
}

Describe 'Test-StrongAuthRemediation errors' {
    It 'stops with NoRemediationSubject when nothing names a subject' {
        { Test-StrongAuthRemediation -Path $file -FixedAt $fixedAt -ErrorAction Stop } | Should -Throw -ErrorId 'NoRemediationSubject,*'
    }

    It 'reports InvalidRemediationSubject for an object without user or app and goes on' {
        $r = @([pscustomobject]@{ Name = 'x' }, 'adele@contoso.com' | Test-StrongAuthRemediation -Path $file -FixedAt $fixedAt -ErrorVariable errs -ErrorAction SilentlyContinue)
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRemediationSubject,*'
        $r.Count | Should -Be 1
    }

    It 'reads the tenant, not a file, for subjects piped without -Path' {
        { 'adele@contoso.com' | Test-StrongAuthRemediation -FixedAt $fixedAt -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
        { $subjects[0] | Test-StrongAuthRemediation -FixedAt $fixedAt -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
    }

    It 'stops with FixedAtInFuture and InvalidRemediationWindow' {
        { Test-StrongAuthRemediation -Path $file -UserPrincipalName a@b.c -FixedAt ([DateTime]::UtcNow.AddDays(1)) -ErrorAction Stop } | Should -Throw -ErrorId 'FixedAtInFuture,*'
        { Test-StrongAuthRemediation -Path $file -UserPrincipalName a@b.c -FixedAt $fixedAt -BeforeStart $fixedAt.AddDays(1) -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRemediationWindow,*'
        { Test-StrongAuthRemediation -Path $file -UserPrincipalName a@b.c -FixedAt $fixedAt -Window ([TimeSpan]::Zero) -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRemediationWindow,*'
    }
}

Describe 'Test-StrongAuthRemediation live' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
        $script:sim = Start-GraphSimulator -Arguments @('--signins', $file, '--throttle', '50/10s')
        Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-token' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50 -ErrorAction Stop
    }

    AfterAll {
        Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
        if ($sim) { Stop-GraphSimulator $sim }
    }

    It 'gives the same verdicts as the file, asking only for the subjects'' sign-ins' {
        $live = @(Test-StrongAuthRemediation -UserPrincipalName 'svc-fixed@contoso.com', 'svc-broken@contoso.com' -AppId $azPowerShell -ServicePrincipalId $spFixed -FixedAt $fixedAt)
        ($live | Where-Object UserPrincipalName -eq 'svc-fixed@contoso.com').Outcome | Should -Be 'Fixed'
        ($live | Where-Object UserPrincipalName -eq 'svc-broken@contoso.com').Outcome | Should -Be 'NotFixed'

        $filters = @((Invoke-RestMethod ($sim.BaseUri + '_sim/stats')).signInsFilters)
        $userFilters = @($filters | Where-Object { $_ -match "userPrincipalName eq 'svc-fixed@contoso.com'" })
        $userFilters.Count | Should -BeGreaterThan 0
        $userFilters | ForEach-Object { $_ | Should -Match "userPrincipalName eq 'svc-broken@contoso.com'" }
        @($filters | Where-Object { $_ -match "servicePrincipalId eq '$spFixed'" -and $_ -match "t eq 'servicePrincipal'" }).Count | Should -BeGreaterThan 0
        @($filters | Where-Object { $_ -match "servicePrincipalId eq '$spFixed'" -and $_ -match "t eq 'managedIdentity'" }).Count | Should -BeGreaterThan 0
        # Workload sign-ins are read from the fix on; nothing is read unfiltered.
        $filters | Where-Object { $_ -match 'servicePrincipalId' } | ForEach-Object { $_ | Should -Match ('createdDateTime ge ' + $fixedAt.ToString('yyyy-MM-ddTHH:mm:ss')) }
        $filters | ForEach-Object { $_ | Should -Match 'userPrincipalName eq|servicePrincipalId eq|appId eq' }
    }

    It 'takes piped subjects, each with its own service principal' {
        $live = @($subjects | Select-Object -First 2 | Test-StrongAuthRemediation -FixedAt $fixedAt)
        $live.Outcome | Should -Be @('Fixed', 'NotFixed')
        $filters = @((Invoke-RestMethod ($sim.BaseUri + '_sim/stats')).signInsFilters)
        @($filters | Where-Object { $_ -match "servicePrincipalId eq '$spFixed' or servicePrincipalId eq '$spBroken'" }).Count | Should -BeGreaterThan 0
    }
}
