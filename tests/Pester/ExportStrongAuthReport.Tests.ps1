# Export-StrongAuthReport end to end against the built module: the samples analysed by the command itself and as piped
# results, mixed input, overlaps counted once, the CSV beside a cut table, and each documented error. The browser
# tests (tests/Browser) open these reports in Chromium; here the files and the numbers in them are checked.
BeforeAll {
    $script:samples = Join-Path $PSScriptRoot '../../samples/signins/signins.graph.json'
    $script:failures = @(Get-StrongAuthFailure -Path $samples -IncludeBenign)
    $script:headless = @(Find-HeadlessUserSignIn -Path $samples)

    function Get-Metric([string] $Html, [string] $Name) {
        [int](([regex]::Match($Html, "<dd data-metric=""$Name"">([0-9,]+)</dd>")).Groups[1].Value -replace ',', '')
    }
}

Describe 'Export-StrongAuthReport' {
    It 'analyses -SignInPath itself: every failure with benign interrupts, and the headless accounts' {
        $path = Join-Path $TestDrive 'own.html'
        $files = @(Export-StrongAuthReport -Path $path -SignInPath $samples)

        $files[0].FullName | Should -Be $path
        $files[0] | Should -BeOfType ([System.IO.FileInfo])
        $html = Get-Content $path -Raw
        Get-Metric $html 'total' | Should -Be $failures.Count
        Get-Metric $html 'benign' | Should -Be @($failures | Where-Object IsBenign).Count
        Get-Metric $html 'needs-action' | Should -Be @($failures | Where-Object { -not $_.IsBenign -and $_.Resolution -eq 'Unresolved' }).Count
        foreach ($finding in $headless) {
            $html | Should -Match ([regex]::Escape("<th scope=""row"">$($finding.UserPrincipalName)</th>"))
        }
        $html | Should -Match 'Sign-in file signins\.graph\.json \([0-9,]+ bytes\)'
    }

    It 'tests the enrollment of the users whose failures were enrollment gaps against -TenantDataPath, as Test-MfaEnrollment does' {
        Import-Module (Join-Path $PSScriptRoot 'Support/GeneratedTenant.psm1') -Force
        $tenant = Join-Path (New-GeneratedTenant -OutputDirectory (Join-Path $TestDrive 'tenant') -Seed 42 -Users 60 -Days 7 -Formats 'tenant-auth') 'tenant-auth'
        $gaps = @($failures | Where-Object Cause -in 'IncompleteEnrollment', 'CannotSatisfyStrength')
        $expected = @($gaps | Test-MfaEnrollment -Path (Get-ChildItem $tenant -File).FullName | Where-Object Outcome -ne 'Satisfiable')
        $expected.Count | Should -BeGreaterThan 0

        $path = Join-Path $TestDrive 'enrollment.html'
        Export-StrongAuthReport -Path $path -SignInPath $samples -TenantDataPath $tenant -WarningAction SilentlyContinue | Out-Null

        $html = Get-Content $path -Raw
        $rows = [regex]::Matches($html, '<table class="data" id="enrollment">.*?</table>', 'Singleline')[0].Value
        foreach ($result in $expected) {
            $rows | Should -Match ([regex]::Escape("<th scope=""row"">$($result.UserPrincipalName)</th>") + '.*?' + [regex]::Escape(">$($result.Outcome)<"))
        }
        ([regex]::Matches($rows, '<tr><th scope="row">')).Count | Should -Be $expected.Count
    }

    It 'says in the report that enrollment was not assessed without registration data' {
        $path = Join-Path $TestDrive 'no-enrollment.html'
        Export-StrongAuthReport -Path $path -SignInPath $samples | Out-Null
        (Get-Content $path -Raw) | Should -Match 'Enrollment gaps were not assessed: pass -TenantDataPath'
    }

    It 'sets accounts aside with -ExcludeUserPrincipalName as Get-StrongAuthFailure does' {
        $path = Join-Path $TestDrive 'excluded.html'
        Export-StrongAuthReport -Path $path -SignInPath $samples -ExcludeUserPrincipalName 'svc-*' | Out-Null

        $expected = @(Get-StrongAuthFailure -Path $samples -IncludeBenign -ExcludeUserPrincipalName 'svc-*')
        $expected.Count | Should -BeLessThan $failures.Count
        $html = Get-Content $path -Raw
        Get-Metric $html 'total' | Should -Be $expected.Count
        $html | Should -Not -Match 'svc-deploy@contoso\.com'
    }

    It 'takes piped results in any mix, arrays unrolled, and counts an overlap once' {
        $path = Join-Path $TestDrive 'piped.html'
        $failures, $headless, $failures[0..4] | Export-StrongAuthReport -Path $path | Out-Null

        $html = Get-Content $path -Raw
        Get-Metric $html 'total' | Should -Be $failures.Count
        $html | Should -Match '\(5 repeated sign-ins counted once\)'
        $html | Should -Match ([regex]::Escape("$($headless.Count) headless findings"))
    }

    It 'reports what is not a result as InvalidReportInput and still writes the rest' {
        $path = Join-Path $TestDrive 'mixed.html'
        $errors = $null
        $files = @('not a result', $failures[0], (Get-Date)) | Export-StrongAuthReport -Path $path -ErrorVariable errors -ErrorAction SilentlyContinue

        $ids = @($errors | ForEach-Object FullyQualifiedErrorId)
        $ids.Count | Should -Be 2
        $ids | Select-Object -Unique | Should -Be 'InvalidReportInput,EntraStrongAuth.Cmdlets.Commands.ExportStrongAuthReportCommand'
        $errors[0].Exception.Message | Should -Match '\(String\) is not a result'
        Get-Metric (Get-Content $files[0].FullName -Raw) 'total' | Should -Be 1
    }

    It 'warns when nothing was piped instead of silently writing an empty report' {
        $path = Join-Path $TestDrive 'empty.html'
        $warnings = $null
        @() | Export-StrongAuthReport -Path $path -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        "$warnings" | Should -Match 'No result of the module was piped'
        (Get-Content $path -Raw) | Should -Match 'No failures were given'
    }

    It 'cuts tables to -Top and writes every row into CSVs beside the report' {
        $path = Join-Path $TestDrive 'cut.html'
        $files = @(Export-StrongAuthReport -Path $path -SignInPath $samples -Top 3)

        $names = @($files | ForEach-Object Name)
        $names | Should -Contain 'cut.failures.csv'
        $names | Should -Contain 'cut.headless.csv'
        @(Import-Csv (Join-Path $TestDrive 'cut.failures.csv')).Count | Should -Be $failures.Count
        @(Import-Csv (Join-Path $TestDrive 'cut.headless.csv')).Count | Should -Be $headless.Count
        (Get-Content $path -Raw) | Should -Match 'all of them in <a href="\./cut\.failures\.csv">'
    }

    It 'refuses to replace a report without -Force, before reading anything' {
        $path = Join-Path $TestDrive 'exists.html'
        Set-Content $path 'old'
        { Export-StrongAuthReport -Path $path -SignInPath $samples -ErrorAction Stop } | Should -Throw -ErrorId 'OutFileExists,EntraStrongAuth.Cmdlets.Commands.ExportStrongAuthReportCommand'
        Get-Content $path -Raw | Should -Be "old$([Environment]::NewLine)"

        Export-StrongAuthReport -Path $path -SignInPath $samples -Force | Out-Null
        Get-Content $path -Raw | Should -Match '^<!DOCTYPE html>'
    }

    It 'says ReportPathInvalid for a folder, a missing folder and another provider' -TestCases @(
        @{ Target = { $TestDrive } }
        @{ Target = { Join-Path $TestDrive 'no-such-folder/report.html' } }
        @{ Target = { 'Env:report' } }
    ) {
        { Export-StrongAuthReport -Path (& $Target) -SignInPath $samples -ErrorAction Stop } | Should -Throw -ErrorId 'ReportPathInvalid,EntraStrongAuth.Cmdlets.Commands.ExportStrongAuthReportCommand'
    }

    It 'writes and reads nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.html'
        $output = Export-StrongAuthReport -Path $path -SignInPath (Join-Path $TestDrive 'does-not-exist.json') -WhatIf
        $output | Should -BeNullOrEmpty
        Test-Path $path | Should -BeFalse
    }

    It 'writes a folder link it did not follow as a warning and lists it in the report' {
        $folder = Join-Path $TestDrive 'linked'
        New-Item -ItemType Directory -Path (Join-Path $folder 'real') | Out-Null
        Copy-Item $samples (Join-Path $folder 'real')
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $folder 'alias') -Target (Join-Path $folder 'real')
        $path = Join-Path $TestDrive 'linked.html'
        $warnings = $null
        Export-StrongAuthReport -Path $path -SignInPath $folder -Recurse -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        $linkWarning = @($warnings | Where-Object { "$_" -match 'alias' })
        $linkWarning.Count | Should -Be 1
        $html = Get-Content $path -Raw
        "$($linkWarning[0])" | Should -Match 'links to folders are not followed'
        $html | Should -Match '<dd>Skipped &#x27;[^<]*linked/alias&#x27;: it is a link to a folder, and links to folders are not followed'

        Get-Metric $html 'total' | Should -Be $failures.Count
    }

    It 'lists a sign-in path problem in the report as well as in the error stream' {
        $path = Join-Path $TestDrive 'missing-input.html'
        $errors = $null
        Export-StrongAuthReport -Path $path -SignInPath $samples, (Join-Path $TestDrive 'nope.json') -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null

        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SignInPathNotFound,*'
        (Get-Content $path -Raw) | Should -Match 'nope\.json'
    }
}
