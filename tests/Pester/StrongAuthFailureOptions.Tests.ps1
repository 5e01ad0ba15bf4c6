# Get-StrongAuthFailure: user classification tables, exclusions, ZIP archives and the Log Analytics query API result.
BeforeAll {
    $script:samples = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/signins')).Path
    $script:graphFile = Join-Path $samples 'signins.graph.json'
    $script:classification = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/classification')).Path

    # A scheduled job signing in silently as a user through an in-house app (samples/classification/automation-apps.json).
    $script:jobFile = Join-Path $TestDrive 'payroll-job.json'
    @'
{"value":[{"id":"7d1c5e2a-0b3f-4a6e-9c8d-1f2e3a4b5c6d","createdDateTime":"2026-11-20T02:00:05Z","userPrincipalName":"payroll-runner@contoso.com",
"userId":"3a9f1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b","userType":"member","appId":"6c1f0a55-2b7e-4d0c-9a43-1e8f5d2c7b90","appDisplayName":"Contoso payroll sync",
"resourceId":"00000003-0000-0000-c000-000000000000","resourceDisplayName":"Microsoft Graph","isInteractive":false,"signInEventTypes":["nonInteractiveUser"],
"clientAppUsed":"Mobile Apps and Desktop clients","incomingTokenType":"refreshToken","authenticationProtocol":"none","tokenIssuerType":"AzureAD",
"correlationId":"5e2f8a1b-3c4d-4e5f-8a6b-7c8d9e0f1a2b","status":{"errorCode":50076,"failureReason":"Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'."},
"authenticationRequirement":"multiFactorAuthentication","conditionalAccessStatus":"failure"}]}
'@ | Set-Content $jobFile -NoNewline
}

Describe 'Get-StrongAuthFailure -ClassificationDataPath' {
    It 'makes a failure through a user automation app a HeadlessUserAccount' {
        $before = Get-StrongAuthFailure -Path $jobFile
        $after = Get-StrongAuthFailure -Path $jobFile -ClassificationDataPath $classification -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        $before.Cause | Should -Be 'SilentAuthInteractionRequired'
        $after.Cause | Should -Be 'HeadlessUserAccount'
        $after.RuleId | Should -Be 'headless-automation-app-deviceless'
        ($after.Evidence | Where-Object Field -eq 'appId' | ForEach-Object ToString) | Should -BeLike '*Contoso payroll sync (InHouseJob)*'
    }

    It 'leaves the sample''s findings alone when the user tables add only unknown apps' {
        $with = Get-StrongAuthFailure -Path $graphFile -ClassificationDataPath (Join-Path $classification 'automation-apps.json')
        $without = Get-StrongAuthFailure -Path $graphFile
        $with.Cause | Should -Be $without.Cause
    }

    It 'stops with ClassificationDataInvalid naming the file, entry and field of a bad entry' {
        $bad = Join-Path $TestDrive 'bad-apps.json'
        Set-Content $bad '{"apps":[{"appId":"payroll-sync","name":"Payroll","kind":"Job","unattended":true}]}'
        { Get-StrongAuthFailure -Path $jobFile -ClassificationDataPath $bad -ErrorAction Stop } | Should -Throw -ErrorId 'ClassificationDataInvalid,EntraStrongAuth.Cmdlets.Commands.GetStrongAuthFailureCommand'
        try { Get-StrongAuthFailure -Path $jobFile -ClassificationDataPath $bad } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.Exception.Message | Should -BeLike "*bad-apps.json: app 'payroll-sync' (app 1), field 'appId': expected a GUID*"
    }

    It 'stops with ClassificationDataInvalid for a file that is not JSON, and ClassificationDataNotFound for a missing path' {
        $notJson = Join-Path $TestDrive 'notes.json'
        Set-Content $notJson 'apps: none'
        { Get-StrongAuthFailure -Path $jobFile -ClassificationDataPath $notJson } | Should -Throw -ErrorId 'ClassificationDataInvalid,*'
        { Get-StrongAuthFailure -Path $jobFile -ClassificationDataPath (Join-Path $TestDrive 'missing.json') } | Should -Throw -ErrorId 'ClassificationDataNotFound,*'
    }
}

Describe 'Get-StrongAuthFailure -ExcludeUserPrincipalName and -ExcludeGuest' {
    BeforeAll {
        $script:signIns = Import-SignInLog -Path $graphFile
    }

    It 'excludes named accounts by wildcard, ignoring case, and says how many with -Verbose' {
        $deployFailures = @($signIns | Where-Object { $_.UserPrincipalName -eq 'svc-deploy@contoso.com' -and $_.ErrorCode -ne 0 }).Count
        $deploySignIns = @($signIns | Where-Object UserPrincipalName -eq 'svc-deploy@contoso.com').Count
        $deployFailures | Should -BeGreaterThan 0

        $verbose = Get-StrongAuthFailure -Path $graphFile -ExcludeUserPrincipalName 'SVC-DEPLOY@*' -Verbose 4>&1
        $failures = $verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $failures.UserPrincipalName | Should -Not -Contain 'svc-deploy@contoso.com'
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message |
            Should -Contain "$deploySignIns sign-ins excluded by -ExcludeUserPrincipalName/-ExcludeGuest ($deployFailures of them failed); they are not analysed."
    }

    It 'reports the excluded sign-ins in the summary instead of dropping them silently' {
        $all = Get-StrongAuthFailure -Path $graphFile -Summary
        $summary = Get-StrongAuthFailure -Path $graphFile -ExcludeGuest -Summary
        $guests = @($signIns | Where-Object { $_.UserType -eq 'guest' -or $_.HomeTenantId -ne $_.ResourceTenantId })
        $guests.Count | Should -Be 6
        $summary.ExcludedSignIns | Should -Be 6
        $summary.ExcludedFailures | Should -Be @($guests | Where-Object ErrorCode -ne 0).Count
        $summary.Total | Should -Be ($all.Total - 4)
        $summary.ByUser.Key | Should -Not -Contain 'jodie.marsh_fabrikam.com#ext#@contoso.onmicrosoft.com'
        $all.ExcludedSignIns | Should -Be 0
    }

    It 'excludes guests of the admin center CSV the same way (User type and tenant columns)' {
        $summary = Get-StrongAuthFailure -Path (Join-Path $samples 'signins.admin.csv') -ExcludeGuest -Summary
        $summary.ExcludedSignIns, $summary.ExcludedFailures, $summary.Total | Should -Be 6, 5, 43
    }
}

Describe 'Get-StrongAuthFailure reading ZIP archives' {
    It 'gives the same findings for a ZIP of two formats as for the files themselves' {
        $zip = Join-Path $TestDrive 'export.zip'
        Compress-Archive -Path $graphFile, (Join-Path $samples 'signins.la.csv') -DestinationPath $zip
        $expected = Get-StrongAuthFailure -Path $graphFile, (Join-Path $samples 'signins.la.csv')
        $actual = Get-StrongAuthFailure -Path $zip -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        $actual.Count | Should -Be $expected.Count
        $actual.SignInId | Should -Be $expected.SignInId
        $actual.Cause | Should -Be $expected.Cause
    }

    It 'reports an unsupported entry as archive!entry and reads the others' {
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive 'mixed')
        Copy-Item $graphFile $folder
        Set-Content (Join-Path $folder 'notes.txt') 'exported by the admin center'
        $zip = Join-Path $TestDrive 'mixed.zip'
        Compress-Archive -Path (Join-Path $folder '*') -DestinationPath $zip
        $failures = Get-StrongAuthFailure -Path $zip -ErrorAction SilentlyContinue -ErrorVariable errs
        $failures.Count | Should -Be (Get-StrongAuthFailure -Path $graphFile).Count
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'SignInLogFormatUnknown,*'
        $errs[0].Exception.Message | Should -BeLike '*mixed.zip!notes.txt*'
    }
}

Describe 'Get-StrongAuthFailure reading a Log Analytics query API result' {
    It 'gives the same findings as the Log Analytics JSON export it was built from' {
        # The generator's Log Analytics rows, reshaped as the query API returns them: columns once, rows as arrays, dynamic columns as JSON text.
        $rows = Get-Content (Join-Path $samples 'signins.la.json') -Raw | ConvertFrom-Json -DateKind String
        $names = $rows[0].PSObject.Properties.Name
        $columns = foreach ($name in $names) { [ordered]@{ name = $name; type = if ($rows[0].$name -is [pscustomobject] -or $rows[0].$name -is [array]) { 'dynamic' } else { 'string' } } }
        $tableRows = foreach ($row in $rows) {
            , @(foreach ($name in $names) { $v = $row.$name; if ($v -is [pscustomobject] -or $v -is [array]) { ConvertTo-Json $v -Depth 20 -Compress } else { $v } })
        }
        $file = Join-Path $TestDrive 'la-api.json'
        # [ordered]: the API writes name, columns, then rows, and rows are read as they stream past, so the columns must come first.
        ConvertTo-Json @{ tables = @([ordered]@{ name = 'PrimaryResult'; columns = @($columns); rows = @($tableRows) }) } -Depth 5 -Compress | Set-Content $file

        $expected = Get-StrongAuthFailure -Path (Join-Path $samples 'signins.la.json')
        $actual = Get-StrongAuthFailure -Path $file -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        (Import-SignInLog -Path $file | Select-Object -First 1).Source | Should -BeLike '*la-api.json*'
        $actual.Count | Should -Be $expected.Count
        $actual.SignInId | Should -Be $expected.SignInId
        $actual.Cause | Should -Be $expected.Cause
    }
}
