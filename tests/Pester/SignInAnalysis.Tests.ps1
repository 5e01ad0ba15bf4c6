# Import-SignInLog and Get-StrongAuthFailure on the bundled synthetic tenant (samples/signins, seed 42) and on bad input.
BeforeAll {
    $script:samples = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/signins')).Path
    $script:graphFile = Join-Path $samples 'signins.graph.json'
    $script:truth = Import-Csv (Join-Path $samples 'truth.csv')
    $script:reference = @(Get-StrongAuthFailure -Path $graphFile -IncludeBenign)
}

Describe 'Import-SignInLog' {
    It 'reads every sign-in of the Graph JSON sample as SignInEvent objects' {
        $events = Import-SignInLog -Path $graphFile -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        $events.Count | Should -BeGreaterThan $truth.Count
        $events[0].PSObject.TypeNames[0] | Should -Be 'EntraStrongAuth.Core.SignIns.SignInEvent'
        ($events | Where-Object ErrorCode -ne 0).Count | Should -Be $truth.Count
    }

    It 'reads <Name> with the same sign-ins as the Graph JSON' -ForEach @(
        @{ Name = 'signins.graph-pages.ndjson' }, @{ Name = 'signins.graph-pages.ndjson.gz' }, @{ Name = 'signins.admin.json' },
        @{ Name = 'signins.admin.csv' }, @{ Name = 'signins.la.json' }, @{ Name = 'signins.la.csv' }, @{ Name = 'signins.diag-archive.ndjson' }) {
        $expected = Import-SignInLog -Path $graphFile | Sort-Object Id
        $actual = Import-SignInLog -Path (Join-Path $samples $Name) -ErrorVariable errs | Sort-Object Id
        $errs | Should -BeNullOrEmpty
        $actual.Id | Should -Be $expected.Id
        $actual.ErrorCode | Should -Be $expected.ErrorCode
        $actual.UserPrincipalName | Should -Be $expected.UserPrincipalName
    }

    It 'shows the MFA detail (mfaDetail.authMethod and authDetail) as read-only properties of its output' {
        $fixture = Join-Path $PSScriptRoot '../Unit/SignIns/Fixtures/graph-beta-pages.json'
        $signIn = Import-SignInLog -Path $fixture | Where-Object Id -eq '66ea54eb-6301-4ee5-be62-ff5a759b0100'
        $signIn.MfaAuthMethod | Should -Be 'Text message'
        $signIn.MfaAuthDetail | Should -Be '+X XXXXXXXX12'
        ($signIn | Format-List * | Out-String -Width 200) | Should -Match 'MfaAuthMethod\s*:\s*Text message'
        ($signIn | Select-Object MfaAuthMethod, ErrorCode | ConvertTo-Json | ConvertFrom-Json).MfaAuthMethod | Should -Be 'Text message'
        $csv = Join-Path $TestDrive 'mfa.csv'
        $signIn | Export-Csv -Path $csv -NoTypeInformation
        (Import-Csv $csv).MfaAuthDetail | Should -Be '+X XXXXXXXX12'
        { $signIn.MfaAuthMethod = 'changed' } | Should -Throw
        $signIn.MfaAuthMethod | Should -Be 'Text message'
    }

    It 'takes files from Get-ChildItem by property name' {
        $events = Get-ChildItem $samples -Filter 'signins.graph*.json' | Import-SignInLog
        $events.Count | Should -Be (Import-SignInLog -Path $graphFile).Count
    }

    It 'reports a file that is not a sign-in log and goes on with the next' {
        $events = Import-SignInLog -Path (Join-Path $samples 'personas.json'), $graphFile -ErrorAction SilentlyContinue -ErrorVariable errs
        $events.Count | Should -Be (Import-SignInLog -Path $graphFile).Count
        # personas.json is JSON but not sign-ins: reported as an unknown format or as invalid records, with the file name.
        $errs[0].FullyQualifiedErrorId | Should -Match '^SignIn(LogFormatUnknown|RecordInvalid),'
        $errs[0].Exception.Message | Should -BeLike '*personas.json*'
    }

    It 'reports a missing path with SignInPathNotFound' {
        Import-SignInLog -Path (Join-Path $TestDrive 'nope*.json'), (Join-Path $TestDrive 'missing.json') -ErrorAction SilentlyContinue -ErrorVariable errs
        $errs.FullyQualifiedErrorId | Should -BeLike 'SignInPathNotFound,*'
    }

    Context 'bad input' {
        BeforeAll {
            $script:firstTwo = (Get-Content $graphFile -Raw | ConvertFrom-Json) | Select-Object -First 2
        }

        It 'reads the records before a truncation and reports it' {
            $json = ConvertTo-Json -InputObject @($firstTwo) -Depth 20
            $file = Join-Path $TestDrive 'truncated.json'
            Set-Content $file $json.Substring(0, $json.Length - 40) -NoNewline
            $events = Import-SignInLog -Path $file -ErrorAction SilentlyContinue -ErrorVariable errs
            $events.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'SignInLogTruncated,*'
            $errs[0].Exception.Message | Should -BeLike '*truncated.json*'
            $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        }

        It 'reports an empty file' {
            $file = Join-Path $TestDrive 'empty.json'
            Set-Content $file '' -NoNewline
            Import-SignInLog -Path $file -ErrorAction SilentlyContinue -ErrorVariable errs
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'SignInLogEmpty,*'
        }

        It 'reports a CSV row with missing columns by line and still reads the others' {
            $lines = Get-Content (Join-Path $samples 'signins.admin.csv')
            $file = Join-Path $TestDrive 'short-row.csv'
            Set-Content $file @($lines[0], $lines[1], '"2026-11-20T10:00:00Z","abc"', $lines[2])
            $events = Import-SignInLog -Path $file -ErrorAction SilentlyContinue -ErrorVariable errs
            $events.Count | Should -Be 2
            $errs.FullyQualifiedErrorId | Should -Contain ($errs | Where-Object { $_.FullyQualifiedErrorId -like 'SignInCsvRowMismatch,*' } | Select-Object -First 1).FullyQualifiedErrorId
            ($errs | Where-Object { $_.FullyQualifiedErrorId -like 'SignInCsvRowMismatch,*' }).Exception.Message | Should -BeLike '*line 3*'
        }

        It 'stops at the first problem with -ErrorAction Stop' {
            $file = Join-Path $TestDrive 'empty2.json'
            Set-Content $file '' -NoNewline
            { Import-SignInLog -Path $file, $graphFile -ErrorAction Stop } | Should -Throw -ErrorId 'SignInLogEmpty,*'
        }
    }
}

Describe 'Get-StrongAuthFailure' {
    It 'finds every failure of the sample and every cause, each with evidence and remedy' {
        $reference.Count | Should -Be $truth.Count
        $causes = $reference.Cause | Sort-Object -Unique
        foreach ($cause in 'BenignInterrupt', 'CannotSatisfyStrength', 'ExternalOrFederatedMfa', 'HeadlessUserAccount', 'IncompleteEnrollment',
            'MfaAttemptFailed', 'PolicyStepUp', 'SilentAuthInteractionRequired', 'StaleSessionClaims') {
            $causes | Should -Contain $cause
        }
        $reference | ForEach-Object {
            $_.Evidence.Count | Should -BeGreaterThan 0
            $_.Remedy.Count | Should -BeGreaterThan 0
        }
    }

    It 'agrees with the generator''s truth for nearly every failure of the sample' {
        $byId = @{}
        $reference | ForEach-Object { $byId[$_.SignInId] = "$($_.Cause)" }
        $right = @($truth | Where-Object { $byId[$_.signInId] -eq $_.trueCause }).Count
        ($right / $truth.Count) | Should -BeGreaterOrEqual 0.9
    }

    It 'gives the same findings for <Name>' -ForEach @(
        @{ Name = 'signins.graph-pages.ndjson.gz' }, @{ Name = 'signins.admin.json' }, @{ Name = 'signins.la.json' },
        @{ Name = 'signins.la.csv' }, @{ Name = 'signins.diag-archive.ndjson' }) {
        $actual = Get-StrongAuthFailure -Path (Join-Path $samples $Name) -IncludeBenign | Sort-Object SignInId
        $expected = $reference | Sort-Object SignInId
        $actual.SignInId | Should -Be $expected.SignInId
        $actual.Cause | Should -Be $expected.Cause
        $actual.Resolution | Should -Be $expected.Resolution
    }

    It 'gives the same failures for the admin center CSV, which lacks only the strength result' {
        $actual = Get-StrongAuthFailure -Path (Join-Path $samples 'signins.admin.csv') -IncludeBenign | Sort-Object SignInId
        $actual.SignInId | Should -Be ($reference | Sort-Object SignInId).SignInId
    }

    It 'hides benign interrupts unless asked' {
        $default = Get-StrongAuthFailure -Path $graphFile
        $default.Cause | Should -Not -Contain 'BenignInterrupt'
        $default.Count | Should -Be ($reference | Where-Object Cause -ne 'BenignInterrupt').Count
    }

    It 'links a satisfied step-up to its success' {
        $benign = $reference | Where-Object { $_.Cause -eq 'BenignInterrupt' -and $_.ErrorCode -eq 50074 } | Select-Object -First 1
        $benign.Resolution | Should -Be 'Resolved'
        $benign.ResolvedBySignInId | Should -Not -BeNullOrEmpty
        $benign.ResolvedAt | Should -BeGreaterThan $benign.CreatedDateTime
    }

    It 'filters by cause, user (wildcards, apostrophe) and code' {
        (Get-StrongAuthFailure -Path $graphFile -Cause HeadlessUserAccount).Cause | Sort-Object -Unique | Should -Be 'HeadlessUserAccount'
        $oneil = Get-StrongAuthFailure -Path $graphFile -UserPrincipalName "*o'neil*" -IncludeBenign
        $oneil.Count | Should -BeGreaterThan 0
        $oneil.UserPrincipalName | Sort-Object -Unique | Should -BeLike "*o'neil*"
        (Get-StrongAuthFailure -Path $graphFile -ErrorCode 50079).ErrorCode | Sort-Object -Unique | Should -Be 50079
    }

    It 'accepts Import-SignInLog output and Graph-shaped objects from the pipeline' {
        (Import-SignInLog -Path $graphFile | Get-StrongAuthFailure -IncludeBenign).Count | Should -Be $reference.Count
        $graphObjects = Get-Content $graphFile -Raw | ConvertFrom-Json
        (@($graphObjects) | Get-StrongAuthFailure -IncludeBenign).Count | Should -Be $reference.Count
    }

    It 'reads files piped from Get-ChildItem' {
        (Get-ChildItem $graphFile | Get-StrongAuthFailure -IncludeBenign).Count | Should -Be $reference.Count
    }

    It 'rejects a resolution window it cannot use' {
        { Get-StrongAuthFailure -Path $graphFile -ResolutionWindow 0 } | Should -Throw -ErrorId 'InvalidResolutionWindow,*'
    }

    It 'reports a piped object that is not a sign-in' {
        [pscustomobject]@{ Name = 'x' } | Get-StrongAuthFailure -ErrorAction SilentlyContinue -ErrorVariable errs
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSignInObject,*'
    }

    It 'summarises by cause, code, user and app' {
        $summary = Get-StrongAuthFailure -Path $graphFile -IncludeBenign -Summary
        $summary.Total | Should -Be $reference.Count
        ($summary.ByCause | Measure-Object Count -Sum).Sum | Should -Be $reference.Count
        ($summary.ByCause | Where-Object Key -eq 'HeadlessUserAccount').Count | Should -Be ($reference | Where-Object Cause -eq 'HeadlessUserAccount').Count
    }

    It 'fits the table view in 120 columns and shows evidence and remedy in the list view' {
        $table = $reference | Select-Object -First 5 | Out-String -Width 120
        ($table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
        $table | Should -Match 'Cause'
        $list = $reference | Where-Object Cause -eq 'HeadlessUserAccount' | Select-Object -First 1 | Format-List | Out-String -Width 200
        $list | Should -Match 'Evidence\s+:'
        $list | Should -Match 'Remedy\s+: 1\. '
    }

    It 'exports readable CSV' {
        $file = Join-Path $TestDrive 'failures.csv'
        $reference | Select-Object -First 3 | Export-Csv $file
        $row = (Import-Csv $file)[0]
        $row.Cause | Should -Not -BeNullOrEmpty
        $row.Remedy | Should -Not -BeLike 'System.Collections*'
        $row.Evidence | Should -Not -BeLike 'System.Collections*'
    }
}

Describe 'Counting each sign-in once across overlapping exports' {
    # samples/signins holds the same sign-ins in 8 formats: an admin with overlapping exports must not see 8 x the failures.
    BeforeAll {
        $script:signInCount = @(Import-SignInLog -Path $graphFile).Count
        $script:oneExport = Get-StrongAuthFailure -Path $graphFile -Summary
    }

    It 'gives the failures of one export for the whole samples folder and says how many duplicates it skipped' {
        $all = Get-StrongAuthFailure -Path $samples -Summary -ErrorAction SilentlyContinue
        $oneExport.Total | Should -Be 47
        $oneExport.DuplicatesSkipped | Should -Be 0
        $all.Total | Should -Be 47
        $all.DuplicatesSkipped | Should -Be (7 * $signInCount)
        $all.SignInsWithoutId | Should -Be 0
    }

    It 'skips sign-ins piped twice and says so in a -Verbose line' {
        $events = @(Import-SignInLog -Path $graphFile)
        $out = @($events + $events | Get-StrongAuthFailure -Summary -Verbose 4>&1)
        $summary = $out | Where-Object { $_.PSObject.Properties['DuplicatesSkipped'] }
        $summary.Total | Should -Be 47
        $summary.DuplicatesSkipped | Should -Be $signInCount
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain ('{0:N0} duplicate sign-ins skipped (an id already read: overlapping files, formats or input).' -f $signInCount)
    }

    It 'keeps and counts sign-ins without an id: they cannot be de-duplicated, so none is dropped' {
        $rows = @(Get-Content $graphFile -Raw | ConvertFrom-Json -DateKind String)
        foreach ($row in $rows) { $row.PSObject.Properties.Remove('id') }
        $summary = $rows + $rows | Get-StrongAuthFailure -Summary
        $summary.SignInsWithoutId | Should -Be (2 * $rows.Count)
        $summary.DuplicatesSkipped | Should -Be 0
        $summary.Total | Should -Be (2 * $oneExport.Total)
    }

    It 'scores headless accounts on each sign-in once' {
        $expected = @(Find-HeadlessUserSignIn -Path $graphFile -MinimumScore 0)
        $actual = @(Find-HeadlessUserSignIn -Path $samples -MinimumScore 0 -ErrorAction SilentlyContinue)
        $actual.Count | Should -Be $expected.Count
        ($actual | Measure-Object SignIns -Sum).Sum | Should -Be ($expected | Measure-Object SignIns -Sum).Sum
        ($actual | Measure-Object StrongAuthFailures -Sum).Sum | Should -Be ($expected | Measure-Object StrongAuthFailures -Sum).Sum
    }
}
