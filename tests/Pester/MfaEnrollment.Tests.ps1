# Test-MfaEnrollment against the Graph simulator, whose tenant carries the generator's registered methods per persona,
# the methods policy (FIDO2 only for the passwordless pilot group), the strengths and CA001-CA006.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    # The tests count requests, so the simulator's limit sits above the client's 100 / 10 s: two windows of equal size
    # that start milliseconds apart would answer a few 429s on a loaded machine, and their retries would be counted.
    $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '80', '--days', '7', '--throttle', '150/10s')
    Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-enrollment' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 100 -ErrorAction Stop
    function Get-SimStats { Invoke-RestMethod -Uri ($script:sim.BaseUri + '_sim/stats') }
    $script:all = @(Test-MfaEnrollment -All -ErrorAction Stop)
}

AfterAll {
    Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'Test-MfaEnrollment -All' {
    It 'tests every user of the registration report once, against the MFA strength' {
        $report = Invoke-RestMethod -Uri ($sim.BaseUri + 'v1.0/reports/authenticationMethods/userRegistrationDetails?$top=999') -Headers @{ Authorization = 'Bearer pester-enrollment' }
        $all.Count | Should -Be $report.value.Count
        @($all.UserId | Sort-Object -Unique).Count | Should -Be $all.Count
        $all.StrengthId | Sort-Object -Unique | Should -Be '00000000-0000-0000-0000-000000000002'
        $all[0].DataSource | Should -Be 'RegistrationReport'
    }

    It 'finds users who cannot satisfy MFA and names what they must register' {
        $notCapable = @($all | Where-Object { -not $_.IsCapable -and -not $_.Excluded })
        $notCapable.Count | Should -BeGreaterThan 0
        foreach ($user in $notCapable) {
            $user.Outcome | Should -BeIn 'NeedsRegistration', 'Impossible'
            if ($user.Outcome -eq 'NeedsRegistration') { $user.MethodsToAdd.Count | Should -BeGreaterThan 0 }
            $user.Remedy.Count | Should -BeGreaterThan 0
        }
    }

    It 'agrees with the live per-user answer for every user' {
        $live = @($all.UserPrincipalName | Test-MfaEnrollment -Live -ErrorAction Stop)
        $live.Count | Should -Be $all.Count
        $byUser = @{}
        foreach ($result in $live) { $byUser[$result.UserId] = $result }
        foreach ($result in $all) {
            $byUser[$result.UserId].DataSource | Should -Be 'Live'
            $byUser[$result.UserId].IsCapable | Should -Be $result.IsCapable -Because $result.UserPrincipalName
        }
    }

    It 'tests each piped strength for every user, reading the report once' {
        $before = Get-SimStats
        $results = @(Get-AuthenticationStrength -BuiltIn | Test-MfaEnrollment -All)
        $after = Get-SimStats
        $results.Count | Should -Be (3 * $all.Count)
        ($results | Group-Object StrengthId).Count | Should -Be 3
        $phishing = @($results | Where-Object StrengthId -eq '00000000-0000-0000-0000-000000000004' | Where-Object IsCapable).Count
        $mfa = @($results | Where-Object StrengthId -eq '00000000-0000-0000-0000-000000000002' | Where-Object IsCapable).Count
        $phishing | Should -BeLessThan $mfa
        # One report page, the methods policy and its target groups; nothing per user or per strength.
        ($after.httpRequests - $before.httpRequests) | Should -BeLessOrEqual 6
    }

    It 'excludes guests and named break-glass accounts, and counts them' {
        $verbose = Test-MfaEnrollment -All -ExcludeGuest -ExcludeUserPrincipalName 'breakglass*', 'emergency*' -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $kept = @(Test-MfaEnrollment -All -ExcludeGuest -ExcludeUserPrincipalName 'breakglass*', 'emergency*')
        $kept.UserType | Should -Not -Contain 'guest'
        $kept.Count | Should -BeLessThan $all.Count
        ($verbose.Message -join "`n") | Should -Match 'excluded: .*Guest'
    }
}

Describe 'Test-MfaEnrollment for named users' {
    It 'returns $true or $false with -Quiet' {
        $capable = $all | Where-Object IsCapable | Select-Object -First 1
        $notCapable = $all | Where-Object { -not $_.IsCapable } | Select-Object -First 1
        Test-MfaEnrollment $capable.UserPrincipalName -Quiet | Should -BeExactly $true
        Test-MfaEnrollment $notCapable.UserPrincipalName -Live -Quiet | Should -BeExactly $false
        # One answer per user asked about, an unknown one included (with its error).
        $answers = @($capable.UserPrincipalName, 'nobody@contoso.com' | Test-MfaEnrollment -Live -Quiet -ErrorAction SilentlyContinue -ErrorVariable errs)
        $answers | Should -Be @($true, $false)
        $errs.Count | Should -Be 1
    }

    It 'binds objects with UserPrincipalName or Id by property name' {
        $user = $all | Select-Object -First 1
        $byId = [pscustomobject]@{ Id = $user.UserId } | Test-MfaEnrollment -Live
        $byId.UserPrincipalName | Should -Be $user.UserPrincipalName
        $byName = [pscustomobject]@{ UserPrincipalName = $user.UserPrincipalName } | Test-MfaEnrollment
        $byName.UserId | Should -Be $user.UserId
    }

    It 'takes SignInEvent objects by property name, each user once' {
        $signIns = @(Get-SignInLog -StartTime '2026-11-20' -EndTime '2026-11-23' -First 60)
        $users = @($signIns.UserId | Sort-Object -Unique)
        $results = @($signIns | Test-MfaEnrollment -ErrorVariable errs -ErrorAction SilentlyContinue)
        # Sign-ins also come from accounts that are not in the tenant (the generator's external attempts): those are
        # UserNotFound errors, one each, never silently dropped.
        ($results.Count + $errs.Count) | Should -Be $users.Count
        $results.Count | Should -BeGreaterThan 0
        @($results.UserId | Sort-Object -Unique).Count | Should -Be $results.Count
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'UserNotFound,*' }
    }

    It 'reports an unknown user as UserNotFound and still tests the others' {
        $user = $all | Select-Object -First 1
        $results = @('nobody@contoso.com', $user.UserPrincipalName | Test-MfaEnrollment -Live -ErrorVariable errs -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 1
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'UserNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'nobody@contoso.com'
    }

    It 'looks up 45 users live in JSON batches of 20 inner requests' {
        $before = Get-SimStats
        $results = @($all.UserPrincipalName | Select-Object -First 45 | Test-MfaEnrollment -Live)
        $after = Get-SimStats
        $results.Count | Should -Be 45
        function Delta($name) { [int]$after.byEndpoint.$name - [int]$before.byEndpoint.$name }
        (Delta 'AuthenticationMethods') | Should -Be 45
        (Delta 'User') | Should -Be 45
        # 90 inner requests in POSTs of 20: 5 round trips, plus the methods policy and its groups read once.
        $directReads = (Delta 'AuthenticationMethodsPolicy') + (Delta 'GroupTransitiveMembers')
        ($after.httpRequests - $before.httpRequests - $directReads) | Should -Be 5
    }

    It 'tests against the strength a named Conditional Access policy demands' {
        $policy = Get-StrongAuthPolicy | Where-Object { $_.AuthenticationStrength -and $_.AuthenticationStrength.Id -eq '00000000-0000-0000-0000-000000000004' } | Select-Object -First 1
        $policy | Should -Not -BeNullOrEmpty
        $user = $all | Select-Object -First 1
        (Test-MfaEnrollment $user.UserPrincipalName -Policy $policy.DisplayName).StrengthId | Should -Be '00000000-0000-0000-0000-000000000004'
        (Test-MfaEnrollment $user.UserPrincipalName -Policy $policy).StrengthId | Should -Be '00000000-0000-0000-0000-000000000004'
    }

    It 'tests only the users a policy''s scope takes in: its directory roles, minus its excluded groups' {
        $policy = Get-StrongAuthPolicy | Where-Object { $_.IncludeRoles.Count -gt 0 } | Select-Object -First 1
        $policy | Should -Not -BeNullOrEmpty
        $headers = @{ Authorization = 'Bearer pester-enrollment' }
        $report = (Invoke-RestMethod -Uri ($sim.BaseUri + 'v1.0/reports/authenticationMethods/userRegistrationDetails?$top=999') -Headers $headers).value
        $excludedIds = @(foreach ($group in $policy.ExcludeGroups) {
                (Invoke-RestMethod -Uri ($sim.BaseUri + "v1.0/groups/$group/transitiveMembers/microsoft.graph.user?`$select=id") -Headers $headers).value.id
            })
        $expected = @($report | Where-Object { $_.isAdmin -and $excludedIds -notcontains $_.id } | ForEach-Object id | Sort-Object)
        $expected.Count | Should -BeGreaterThan 0

        $scoped = @(Test-MfaEnrollment -All -Policy $policy.DisplayName -Verbose 4>&1)
        $verbose = @($scoped | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $results = @($scoped | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        @($results.UserId | Sort-Object) | Should -Be $expected
        $results | ForEach-Object { $_.StrengthReason | Should -Match ([regex]::Escape($policy.DisplayName)) }
        ($verbose.Message -join "`n") | Should -Match ('{0} OutOfPolicyScope' -f ($report.Count - $expected.Count))

        # Piping the policy means the same: its Id is not taken as a user id.
        $piped = @(Get-StrongAuthPolicy $policy.DisplayName | Test-MfaEnrollment -ErrorAction Stop)
        @($piped.UserId | Sort-Object) | Should -Be $expected

        # A user asked about by name who is outside the scope gets a result that says so, not a test against the strength.
        $outside = $report | Where-Object { -not $_.isAdmin } | Select-Object -First 1
        $answer = Test-MfaEnrollment $outside.userPrincipalName -Policy $policy
        $answer.Excluded | Should -Be 'OutOfPolicyScope'
        $answer.IsCapable | Should -BeNullOrEmpty
        $answer.NotEvaluatedReason | Should -Match 'not among the users, groups, roles'
    }

    It 'tests every user against a piped strength instead of looking its id up as a user' {
        $results = @(Get-AuthenticationStrength 'Phishing-resistant MFA' | Test-MfaEnrollment -ErrorAction Stop -WarningAction SilentlyContinue)
        $results.Count | Should -Be $all.Count
        $results.StrengthId | Sort-Object -Unique | Should -Be '00000000-0000-0000-0000-000000000004'
    }

    It 'says which strength name or policy was not found' {
        { Test-MfaEnrollment someone@contoso.com -AuthenticationStrength 'No such strength' -ErrorAction Stop } | Should -Throw -ErrorId 'AuthenticationStrengthNotFound,*'
        { Test-MfaEnrollment someone@contoso.com -Policy 'No such policy' -ErrorAction Stop } | Should -Throw -ErrorId 'StrongAuthPolicyNotFound,*'
        { Test-MfaEnrollment -All -Path . -Live -ErrorAction Stop } | Should -Throw
    }
}

Describe 'Failures piped from Get-StrongAuthFailure' {
    It 'tests each failing user once against the strength the failure names' {
        $failures = @(Get-StrongAuthFailure -StartTime '2026-11-16' -EndTime '2026-11-23' -Cause IncompleteEnrollment, CannotSatisfyStrength)
        $failures.Count | Should -BeGreaterThan 0
        $results = @($failures | Test-MfaEnrollment -Live)
        # One question per user and strength: a failure that names no strength asks about plain MFA.
        $pairs = $failures | ForEach-Object {
            $strength = if ($_.AuthenticationStrength) { $_.AuthenticationStrength -replace '-', ' ' } else { 'Multifactor authentication' }
            "$($_.UserId)|$strength"
        } | Sort-Object -Unique
        $results.Count | Should -Be @($pairs).Count
        foreach ($failure in $failures) {
            $strength = if ($failure.AuthenticationStrength) { $failure.AuthenticationStrength -replace '-', ' ' } else { 'Multifactor authentication' }
            $result = @($results | Where-Object { $_.UserId -eq $failure.UserId -and ($_.Strength -replace '-', ' ') -eq $strength })
            $result.Count | Should -Be 1 -Because "$($failure.UserPrincipalName) failed $strength"
            # The users failed because they could not satisfy it; the live answer agrees.
            $result[0].IsCapable | Should -BeFalse -Because $failure.UserPrincipalName
            $result[0].MethodsToAdd.Count + $result[0].PolicyChangesNeeded.Count | Should -BeGreaterThan 0
            # (Plain MFA may be asked by another failure of the same user that names no strength: either reason fits.)
            if ($strength -ne 'Multifactor authentication') { $result[0].StrengthReason | Should -Match 'Conditional Access evidence' }
        }
    }
}

Describe 'Partial data' {
    It 'assumes every method enabled, and says so, when the methods policy cannot be read' {
        $denied = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '20', '--days', '2', '--deny', 'AuthenticationMethodsPolicy')
        try {
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-denied' -AsPlainText -Force) -GraphEndpoint $denied.BaseUri -ErrorAction Stop
            $results = @(Test-MfaEnrollment -All -WarningVariable warnings -WarningAction SilentlyContinue)
            $results.Count | Should -BeGreaterThan 0
            ($warnings -join "`n") | Should -Match 'Policy.Read'
            $results | ForEach-Object { ($_.Uncertainties -join ' ') | Should -Match 'methods policy' }
        }
        finally {
            Stop-GraphSimulator $denied
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-enrollment' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 100
        }
    }
}

Describe 'Test-MfaEnrollment -Path (offline)' {
    BeforeAll {
        $script:samples = Join-Path $PSScriptRoot '../../samples/enrollment'
        $script:export = Get-ChildItem $samples -Filter '*.csv' | Select-Object -First 1
    }

    It 'says there is no one to test when neither names, -All nor input are given' {
        $results = @()
        $err = { $script:results = @(Test-MfaEnrollment -Path $export.FullName -ErrorAction Stop) } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'NoEnrollmentTarget,*'
        $err.ErrorDetails.RecommendedAction | Should -BeLike '*-All*'
        $results | Should -BeNullOrEmpty
    }

    It 'refuses Resolve-AadstsError output piped in as a user name' {
        { Resolve-AadstsError -Code 50076 | Test-MfaEnrollment -Path $export.FullName -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidUserPrincipalName,*'
    }

    It 'stops with no output when -Policy names no policy, never testing plain MFA instead' {
        $user = (Import-Csv $export.FullName | Select-Object -First 1).PSObject.Properties.Value | Where-Object { $_ -like '*@*' } | Select-Object -First 1
        $script:policyResults = $null
        { $script:policyResults = Test-MfaEnrollment $user -Path $export.FullName -Policy 'No such policy' -ErrorAction Stop } | Should -Throw -ErrorId 'StrongAuthPolicyNotFound,*'
        $policyResults | Should -BeNullOrEmpty
    }

    It 'tests every user of the admin center''s registration export without a connection' {
        Disconnect-EntraStrongAuth
        try {
            $results = @(Test-MfaEnrollment -All -Path $export.FullName -WarningVariable warnings -WarningAction SilentlyContinue)
            $rows = @(Import-Csv $export.FullName)
            $results.Count | Should -Be $rows.Count
            $results.DataSource | Sort-Object -Unique | Should -Be 'File'
            # No methods policy file: the answers say every method was assumed enabled.
            ($results[0].Uncertainties -join ' ') | Should -Match 'methods policy'
        }
        finally {
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-enrollment' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 100
        }
    }

    It 'reports a malformed line with file, line and column, and still tests the other users' {
        $lines = @(Get-Content $export.FullName)
        $bad = Join-Path $TestDrive 'broken.csv'
        # Line 3 gets a value that is not a boolean where the export has one.
        $columns = $lines[0] -split ','
        $boolIndex = 0..($columns.Count - 1) | Where-Object { $columns[$_] -match 'capable|registered' } | Select-Object -First 1
        $cells = $lines[2] -split ','
        $cells[$boolIndex] = 'perhaps'
        $lines[2] = $cells -join ','
        Set-Content $bad $lines
        $results = @(Test-MfaEnrollment -All -Path $bad -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $results.Count | Should -Be ($lines.Count - 2)
        $errs.Count | Should -Be 1
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].Exception.Message | Should -Match 'broken\.csv'
        $errs[0].Exception.Message | Should -Match 'line 3'
    }

    It 'refuses -Live with -Path' {
        { Test-MfaEnrollment someone@contoso.com -Live -Path $export.FullName -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterConflict,*'
    }
}
