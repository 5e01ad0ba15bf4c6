# Debug-StrongAuthFailure offline, end to end: the built module in a fresh pwsh, on a tenant written by the
# SignInGenerator CLI (seed 42: the sign-ins of samples/signins, with its truth.csv and the tenant-auth files). The
# failures are named the way a help desk gets them: a pasted AADSTS message, $Error[0], Resolve-AadstsError and
# Get-StrongAuthFailure output; then the diagnosis is read (the view), piped on, saved as JSON and verified.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GeneratedTenant.psm1') -Force
    $tenant = New-GeneratedTenant -OutputDirectory (Join-Path $TestDrive 'tenant')

    $script:signIns = Join-Path $tenant 'signins.graph.json'
    $script:truth = @(Import-Csv (Join-Path $tenant 'truth.csv'))
    # The tenant-auth folder as saved from Graph: the registration report, each user's methods, the policies.
    $script:auth = Join-Path $tenant 'tenant-auth'

    # The text a user pastes: MSAL's and the browser's error page format of one failure.
    function script:New-PastedError($Row, [string] $TraceId = $Row.signInId, [string] $CorrelationId = $Row.correlationId) {
        $time = ([DateTimeOffset]$Row.createdDateTime).UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss')
        "AADSTS$($Row.errorCode): Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.`nTrace ID: $TraceId`nCorrelation ID: $CorrelationId`nTimestamp: ${time}Z"
    }

    function script:Row([string] $SignInId) { $truth | Where-Object signInId -EQ $SignInId }

    $script:headless = Row '83253231-1b9a-4ba7-ba0e-e17d47b93a20'   # svc-deploy, a ROPC script
    $script:quoted = Row 'b8ab0c15-e686-466d-83e0-4e247efcf522'     # liam.o'neil, a policy step-up
    $script:unenrolled = Row '9f6b12b5-4254-4a15-989d-025aac160575' # fatima.haddad, no MFA method
    $script:common = @{ Path = $signIns; TenantDataPath = $auth; WarningAction = 'SilentlyContinue' }
}

Describe 'Debug-StrongAuthFailure from what the user pastes' {
    It 'reaches the generator''s true cause with seven steps, for one failure of every cause' {
        $firstOfEachCause = $truth | Group-Object trueCause | ForEach-Object { $_.Group[0] }
        $firstOfEachCause.Count | Should -BeGreaterOrEqual 10
        foreach ($row in $firstOfEachCause) {
            $d = @(Debug-StrongAuthFailure -Message (New-PastedError $row) @common -ErrorVariable errs)
            $errs | Should -BeNullOrEmpty -Because $row.signInId
            $d.Count | Should -Be 1 -Because $row.signInId
            $d[0].SignInId | Should -Be $row.signInId
            "$($d[0].Cause)" | Should -Be $row.trueCause -Because "$($row.signInId) ($($row.persona))"
            ($d[0].Steps.Number -join ',') | Should -Be '1,2,3,4,5,6,7'
            $d[0].Steps.Status | Should -BeIn @('Ok', 'Problem', 'Unknown')
        }
    }

    It 'gives one diagnosis and one DiagnosisFailureNotFound for two errors of which one is not in the logs' {
        $missing = New-PastedError $headless -TraceId 'deadbeef-0000-4000-8000-000000000001' -CorrelationId 'deadbeef-0000-4000-8000-000000000002'
        $d = @(Debug-StrongAuthFailure -Message ((New-PastedError $unenrolled) + "`n`n" + $missing) @common -ErrorVariable errs -ErrorAction SilentlyContinue)

        $d.Count | Should -Be 1
        $d[0].SignInId | Should -Be $unenrolled.signInId
        "$($d[0].Cause)" | Should -Be 'IncompleteEnrollment'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'DiagnosisFailureNotFound,*'
        "$($errs[0].TargetObject)" | Should -BeLike '*deadbeef-0000-4000-8000-000000000001*'
    }

    It 'reports a code without any id as DiagnosisInputUnreadable and still diagnoses the others' {
        $d = @(Debug-StrongAuthFailure -Message 'AADSTS50076: you must use multi-factor authentication.', (New-PastedError $headless) @common -ErrorVariable errs -ErrorAction SilentlyContinue)

        $d.Count | Should -Be 1
        $d[0].SignInId | Should -Be $headless.signInId
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'DiagnosisInputUnreadable,*'
    }

    It 'diagnoses $Error[0] when the exception carries the AADSTS text' {
        try { throw [System.Exception]::new("UsernamePasswordCredential authentication failed: $(New-PastedError $headless)") } catch { }
        $Error[0] | Should -BeOfType [System.Management.Automation.ErrorRecord]

        $d = @($Error[0] | Debug-StrongAuthFailure @common)

        $d.Count | Should -Be 1
        $d[0].SignInId | Should -Be $headless.signInId
        "$($d[0].Cause)" | Should -Be 'HeadlessUserAccount'
    }

    It 'diagnoses Resolve-AadstsError output' {
        $info = Resolve-AadstsError -Message (New-PastedError $quoted)
        $info.TraceId | Should -Be $quoted.signInId

        $d = @($info | Debug-StrongAuthFailure @common)

        $d.Count | Should -Be 1
        $d[0].SignInId | Should -Be $quoted.signInId
        "$($d[0].Cause)" | Should -Be 'PolicyStepUp'
    }

    It 'diagnoses Get-StrongAuthFailure output, agreeing with its cause' {
        $failure = Get-StrongAuthFailure -Path $signIns | Where-Object SignInId -EQ $unenrolled.signInId
        $failure | Should -Not -BeNullOrEmpty

        $d = @($failure | Debug-StrongAuthFailure @common)

        $d.Count | Should -Be 1
        $d[0].Cause | Should -Be $failure.Cause
        $d[0].Failure.SignInId | Should -Be $failure.SignInId
    }

    It 'stops with DiagnosisTargetMissing when -At is given without any id' {
        $thrown = $null
        try { Debug-StrongAuthFailure -At '2026-11-22 18:00' -Path $signIns -ErrorAction Stop } catch { $thrown = $_ }

        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DiagnosisTargetMissing,*'
    }

    It 'leaves step 5 Unknown without -TenantDataPath, naming -TenantDataPath as what would answer it' {
        $d = Debug-StrongAuthFailure -SignInId $unenrolled.signInId -Path $signIns -WarningAction SilentlyContinue

        $step5 = $d.Steps | Where-Object Number -EQ 5
        "$($step5.Status)" | Should -Be 'Unknown'
        $step5.NextAction | Should -BeLike '*-TenantDataPath*'
        @($d.Unanswered | Where-Object { $_ -like 'Step 5 *' }).Count | Should -Be 1
        $d.Enrollment | Should -BeNullOrEmpty
    }

    It 'answers step 5 from the registration report with -TenantDataPath' {
        $d = Debug-StrongAuthFailure -SignInId $unenrolled.signInId @common

        "$(($d.Steps | Where-Object Number -EQ 5).Status)" | Should -Be 'Problem'
        $d.Enrollment.UserPrincipalName | Should -Be $unenrolled.userPrincipalName
    }
}

Describe 'The verify command' {
    BeforeAll {
        $script:diagnosis = Debug-StrongAuthFailure -SignInId $quoted.signInId @common
        $script:parseErrors = $null
        $script:ast = [System.Management.Automation.Language.Parser]::ParseInput($diagnosis.VerifyCommand, [ref]$null, [ref]$script:parseErrors)
        $script:command = $ast.Find({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
        function script:ArgumentOf([string] $Name) {
            $elements = $command.CommandElements
            for ($i = 0; $i -lt $elements.Count - 1; $i++) {
                if ($elements[$i] -is [System.Management.Automation.Language.CommandParameterAst] -and $elements[$i].ParameterName -eq $Name) { return $elements[$i + 1] }
            }
        }
    }

    It 'parses as one Test-StrongAuthRemediation call, the quote in the user''s name kept as a literal' {
        $parseErrors | Should -BeNullOrEmpty
        $command.GetCommandName() | Should -Be 'Test-StrongAuthRemediation'
        $diagnosis.VerifyCommand | Should -BeLike "*-UserPrincipalName 'liam.o''neil@contoso.com'*"
        (ArgumentOf 'UserPrincipalName').Value | Should -BeExactly "liam.o'neil@contoso.com"
        (ArgumentOf 'AppId').Value | Should -Be $diagnosis.AppId
        [DateTimeOffset](ArgumentOf 'FixedAt').Value | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-10))
    }

    It 'runs on the same files once -FixedAt names a time inside them' {
        $fixedAt = ArgumentOf 'FixedAt'
        $fixedAtInData = ([DateTimeOffset]$quoted.createdDateTime).AddHours(1).UtcDateTime.ToString('yyyy-MM-ddTHH:mm:ssZ')
        $line = $diagnosis.VerifyCommand.Remove($fixedAt.Extent.StartOffset, $fixedAt.Extent.EndOffset - $fixedAt.Extent.StartOffset).Insert($fixedAt.Extent.StartOffset, "'$fixedAtInData'")

        $result = @(& ([scriptblock]::Create("$line -Path '$($signIns -replace "'", "''")'")) -WarningAction SilentlyContinue)

        $result.Count | Should -Be 1
        $result[0].Subject | Should -BeLike "*liam.o'neil@contoso.com*"
        $result[0].FixedAt | Should -Be ([DateTimeOffset]$fixedAtInData)
        $result[0].BeforeFailures | Should -BeGreaterThan 0
    }

    It 'quotes every single-quote character PowerShell ends a literal at' {
        $hostile = "o'brien‘x’y‚z‛; Remove-Item -Recurse /`$(whoami)"
        $literal = [EntraStrongAuth.Core.Diagnosis.PowerShellLiteral]::Quote($hostile)
        $errors = $null
        $parsed = [System.Management.Automation.Language.Parser]::ParseInput("Write-Output $literal", [ref]$null, [ref]$errors)
        $errors | Should -BeNullOrEmpty
        $arguments = $parsed.Find({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true).CommandElements
        $arguments.Count | Should -Be 2
        $arguments[1].Value | Should -BeExactly $hostile
    }
}

Describe 'A diagnosis piped on' {
    It 'tests the diagnosed user''s enrollment with Test-MfaEnrollment' {
        $d = Debug-StrongAuthFailure -SignInId $unenrolled.signInId @common

        $result = @($d | Test-MfaEnrollment -Path $auth -WarningAction SilentlyContinue)

        $result.Count | Should -Be 1
        $result[0].UserPrincipalName | Should -Be $unenrolled.userPrincipalName
        "$($result[0].Outcome)" | Should -Be "$($d.Enrollment.Outcome)"
    }

    It 'scores only the diagnosed account with Find-HeadlessUserSignIn -Path' {
        $d = Debug-StrongAuthFailure -SignInId $headless.signInId @common
        (Find-HeadlessUserSignIn -Path $signIns).Count | Should -BeGreaterThan 1

        $findings = @($d | Find-HeadlessUserSignIn -Path $signIns)

        $findings.Count | Should -Be 1
        $findings[0].User | Should -Be $headless.userPrincipalName
        $findings[0].Score | Should -Be $d.Headless.Score
    }

    It 'scores a person''s account too, with -MinimumScore 0, and takes Get-StrongAuthFailure failures' {
        $failure = Get-StrongAuthFailure -Path $signIns | Where-Object SignInId -EQ $unenrolled.signInId
        $d = Debug-StrongAuthFailure -SignInId $quoted.signInId @common

        $findings = @($failure, $d | Find-HeadlessUserSignIn -Path $signIns -MinimumScore 0)

        ($findings.User | Sort-Object) | Should -Be @($unenrolled.userPrincipalName, $quoted.userPrincipalName | Sort-Object)
        $findings.Score | ForEach-Object { $_ | Should -BeLessThan 50 }
    }

    It 'still reads piped sign-ins and files named on the pipeline' {
        (Import-SignInLog -Path $signIns | Find-HeadlessUserSignIn).Count | Should -Be (Find-HeadlessUserSignIn -Path $signIns).Count
        (Get-Item $signIns | Find-HeadlessUserSignIn).Count | Should -Be (Find-HeadlessUserSignIn -Path $signIns).Count
    }

    It 'converts to JSON at depth 4 with its steps, fixes and flow, at a sane size' {
        $d = Debug-StrongAuthFailure -SignInId $headless.signInId @common

        $json = $d | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
        $back = $json | ConvertFrom-Json

        $json.Length | Should -BeLessThan 200KB
        $back.SignInId | Should -Be $headless.signInId
        $back.Steps.Count | Should -Be 7
        $back.Steps[5].Finding | Should -Be $d.Steps[5].Finding
        $back.Steps[1].Evidence.Count | Should -Be $d.Steps[1].Evidence.Count
        $back.Fixes.Count | Should -Be $d.Fixes.Count
        $back.Flow.Count | Should -Be $d.Flow.Count
        $back.VerifyCommand | Should -Be $d.VerifyCommand
    }
}

Describe 'The default view' {
    BeforeAll {
        $script:view = Debug-StrongAuthFailure -SignInId $headless.signInId @common
    }

    It 'reads like the portal''s diagnostic within 120 columns' {
        $text = $view | Out-String -Width 120
        $lines = $text -split '\r?\n'

        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $text | Should -Match "(?m)^Failure\s+: 2026-11-22 18:07:11Z AADSTS50076 UserStrongAuthClientAuthNRequired$"
        $text | Should -Match "(?m)^\s+svc-deploy@contoso\.com in Contoso Deploy Script$"
        $text | Should -Match "(?m)^\s+Sign-in $($headless.signInId), correlation $($headless.correlationId)$"
        foreach ($step in $view.Steps) {
            $text | Should -Match ("(?m)^(Steps\s+:)?\s+{0} {1}\s+{2}\s+\S" -f $step.Number, [regex]::Escape($step.Name), $step.Status)
        }
        $text | Should -Match '(?m)^Cause\s+: HeadlessUserAccount$'
        $text | Should -Match '(?m)^Confidence\s+: High$'
        $text | Should -Match '(?m)^Fixes\s+: AppDeveloper: '
        $text | Should -Match '(?m)^\s+Admin: '
        $text | Should -Match "(?m)^Verify\s+: Test-StrongAuthRemediation -UserPrincipalName 'svc-deploy@contoso\.com'"
        $text | Should -Match '(?m)^Unanswered\s+: Step 4 \(Context moves\): '
    }

    It 'wraps within 80 columns and leaves out Unanswered when every step is answered' {
        $answered = Debug-StrongAuthFailure -SignInId $quoted.signInId @common
        @($answered.Unanswered).Count | Should -Be 0 -Because ($answered.Unanswered -join '; ')

        $text = $answered | Out-String -Width 80

        $text -split '\r?\n' | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $text | Should -Match '(?m)^Steps\s+: 1 Locate\s+'
        $text | Should -Not -Match '(?m)^Unanswered'
    }

    It 'shows steps and fixes as tables, a diagnosis as a table row' {
        $steps = $view.Steps | Out-String -Width 120
        $steps | Should -Match '(?m)^Number Name\s+Status\s+Finding'   # labelled with the property, not '#'
        $steps | Should -Match '(?m)^\s+6 Account kind\s+Problem\s+This account is used by a script'
        ($view.Fixes | Out-String -Width 120) | Should -Match '(?m)^Admin\s+Create a managed identity'
        ($view | Format-Table | Out-String -Width 120) | Should -Match '(?m)^2026-11-22 18:07\s+50076 HeadlessUserAccount\s+High\s+steps 2,3,6,7\s+svc-deploy@contoso\.com'
        ($view.Steps[5] | Format-List | Out-String -Width 120) | Should -Match '(?m)^Evidence\s+: Score 100 of 100'
    }

    It 'shows control characters from the log escaped, never raw' {
        $esc = [char]27
        $records = (Get-Content $signIns -Raw | ConvertFrom-Json) | Where-Object { $_.correlationId -eq $headless.correlationId }
        foreach ($record in $records) { $record.appDisplayName = "Deploy$esc[2J$esc]0;owned$([char]7)`nStep 9 fake" }
        $evil = Join-Path $TestDrive 'evil.graph.json'
        ConvertTo-Json -InputObject @($records) -Depth 10 | Set-Content $evil

        $d = Debug-StrongAuthFailure -SignInId $headless.signInId -Path $evil -WarningAction SilentlyContinue
        $d.AppDisplayName | Should -BeLike "*$esc*"

        foreach ($text in ($d | Out-String -Width 120), ($d | Format-Table | Out-String -Width 120), ($d.Steps | Out-String -Width 120), ($d.Steps | Format-List | Out-String -Width 120)) {
            $text | Should -Not -Match '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]'
            $text | Should -Not -Match '(?m)^\s*Step 9 fake'
        }
        ($d | Out-String -Width 200) | Should -BeLike '*svc-deploy@contoso.com in Deploy\u001B`[2J\u001B]0;owned\u0007\u000AStep 9 fake*'
    }
}
