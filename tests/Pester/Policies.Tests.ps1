# Get-AuthenticationStrength and Get-StrongAuthPolicy against the built module: -Path on saved Graph JSON, filters,
# views, completion, bad files and the NotConnected error.
BeforeAll {
    $script:fixtures = Join-Path $PSScriptRoot '../Unit/Policies/Fixtures'
    $script:strengthsFile = Join-Path $fixtures 'strengths.page.json'
    $script:policiesFile = Join-Path $fixtures 'ca-policies.beta.json'
    $script:badFile = Join-Path $fixtures 'ca-policies.bad.json'
    $script:notJson = Join-Path $fixtures 'not-json.json'
    # Other test files may leave a connection behind; these tests are about files and the disconnected state.
    Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
}

Describe 'Get-AuthenticationStrength' {
    It 'returns the built-in strengths without a connection, and says so with -Verbose' {
        $out = Get-AuthenticationStrength -Verbose 4>&1
        $strengths = @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $strengths.Id | Should -Be @('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000004')
        $strengths[0].PSObject.TypeNames[0] | Should -Be 'EntraStrongAuth.Core.Strength.AuthenticationStrength'
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'built-in'
    }

    It 'reads built-in and custom strengths from a saved Graph page' {
        $all = Get-AuthenticationStrength -Path $strengthsFile -WarningVariable warnings -WarningAction SilentlyContinue
        $all.Count | Should -Be 6
        $keys = $all | Where-Object DisplayName -eq 'Contoso YubiKeys'
        $keys.PolicyType | Should -Be 'custom'
        $keys.CombinationConfigurations[0].AllowedAaguids | Should -Contain 'dcf6eadd-31fd-49e5-b84e-44035a5e6295'
        ($warnings -join ' ') | Should -Match 'futureCombinationConfiguration'
    }

    It 'filters by -Name with wildcards, a hyphen matching a space, by -Id and -BuiltIn' {
        (Get-AuthenticationStrength -Path $strengthsFile -Name 'Contoso*' -WarningAction SilentlyContinue).DisplayName | Should -Be @('Contoso YubiKeys', 'Contoso smart cards')
        (Get-AuthenticationStrength -Path $strengthsFile -Name 'Phishing-resistant MFA' -WarningAction SilentlyContinue).Id | Should -Be '00000000-0000-0000-0000-000000000004'
        (Get-AuthenticationStrength -Path $strengthsFile -Id '0E371351-6419-4C8A-8047-61EEF0212FFB' -WarningAction SilentlyContinue).DisplayName | Should -Be 'Contoso YubiKeys'
        @(Get-AuthenticationStrength -Path $strengthsFile -BuiltIn -WarningAction SilentlyContinue).Count | Should -Be 3
        (Get-AuthenticationStrength -Name *passwordless*).DisplayName | Should -Be 'Passwordless MFA'
    }

    It 'reports a name that matches nothing with AuthenticationStrengthNotFound' {
        $out = Get-AuthenticationStrength -Name 'No such strength' -ErrorAction SilentlyContinue -ErrorVariable errs
        $out | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationStrengthNotFound,*'
    }

    It 'renders the table within 120 columns and the list with every combination' {
        $table = Get-AuthenticationStrength -Path $strengthsFile -WarningAction SilentlyContinue | Format-Table | Out-String -Width 120
        $table | Should -Match 'DisplayName\s+PolicyType\s+AllowedCombinations'   # labels are the property names
        $table | Should -Match 'Multifactor authentication\s+builtIn\s+19: '
        $table | Should -Match '\[restricted\] fido2'
        ($table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
        $list = Get-AuthenticationStrength -Path $strengthsFile -Name 'Contoso smart cards' -WarningAction SilentlyContinue | Format-List | Out-String -Width 200
        $list | Should -Match 'password,x509CertificateSingleFactor'
        $list | Should -Match 'Restrictions\s*:\s*x509CertificateMultiFactor: allowed certificate issuers 9A4248C6'
    }

    It 'completes built-in names for -Name' {
        $line = 'Get-AuthenticationStrength -Name Pass'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain "'Passwordless MFA'"
        $all = TabExpansion2 -inputScript 'Get-AuthenticationStrength -Name ' -cursorColumn 'Get-AuthenticationStrength -Name '.Length
        $all.CompletionMatches.Count | Should -Be 3
    }

    It 'reports a file that is not JSON as a non-terminating PolicyFileUnreadable error and reads the others' {
        $out = Get-AuthenticationStrength -Path $notJson, $strengthsFile -ErrorAction SilentlyContinue -ErrorVariable errs -WarningAction SilentlyContinue
        @($out).Count | Should -Be 6
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PolicyFileUnreadable,*'
        $errs[0].Exception.Message | Should -BeLike '*not-json.json*'
    }
}

Describe 'Get-StrongAuthPolicy' {
    It 'stops with NotConnected when neither connected nor given -Path' {
        $err = { Get-StrongAuthPolicy -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-EntraStrongAuth'
    }

    It 'returns the policies that demand MFA or a strength, report-only included, disabled left out' {
        $out = Get-StrongAuthPolicy -Path $policiesFile, $strengthsFile -Verbose -WarningAction SilentlyContinue 4>&1
        $policies = @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $policies.DisplayName | ForEach-Object { $_.Substring(0, 5) } | Should -Be @('CA001', 'CA002', 'CA004', 'CA006')
        $policies[0].PSObject.TypeNames[0] | Should -Be 'EntraStrongAuth.Core.Policies.StrongAuthPolicy'
        ($policies | Where-Object IsReportOnly).StateKind | Should -Be 'ReportOnly'
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join ' ' | Should -Match '2 that demand neither MFA nor a strength, 1 disabled'
    }

    It 'resolves built-in strengths always and custom ones from strengths in the same files' {
        $policies = Get-StrongAuthPolicy -Path $policiesFile, $strengthsFile -WarningAction SilentlyContinue
        ($policies | Where-Object Id -eq '3c1d6b9f-2a7e-4bac-9d4f-8e2a1f3b5c02').AuthenticationStrength.AllowedCombinations.Count | Should -Be 3
        $custom = ($policies | Where-Object Id -eq '5e3f8d1b-4c9a-4dce-9f6b-0a4c3b5d7e04').AuthenticationStrength
        $custom.DisplayName | Should -Be 'Contoso YubiKeys'
        $custom.CombinationConfigurations.Count | Should -Be 1
    }

    It 'warns when a custom strength cannot be resolved' {
        $null = Get-StrongAuthPolicy -Path $policiesFile -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join ' ') | Should -Match '0e371351-6419-4c8a-8047-61eef0212ffb'
    }

    It 'filters by -State, -IncludeDisabled and -Name' {
        (Get-StrongAuthPolicy -Path $policiesFile -State ReportOnly -WarningAction SilentlyContinue).Id | Should -Be '3c1d6b9f-2a7e-4bac-9d4f-8e2a1f3b5c02'
        (Get-StrongAuthPolicy -Path $policiesFile -State Off -WarningAction SilentlyContinue).DisplayName | Should -Be 'CA005: MFA to register security info'
        @(Get-StrongAuthPolicy -Path $policiesFile -IncludeDisabled -WarningAction SilentlyContinue).Count | Should -Be 5
        (Get-StrongAuthPolicy -Path $policiesFile -Name 'ca00[12]*' -WarningAction SilentlyContinue).Count | Should -Be 2
        $out = Get-StrongAuthPolicy -Path $policiesFile -Name 'CA003: Compliant device for Office 365' -ErrorAction SilentlyContinue -ErrorVariable errs -WarningAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'StrongAuthPolicyNotFound,*'
    }

    It 'renders the table within 120 columns and the list view' {
        $table = Get-StrongAuthPolicy -Path $policiesFile, $strengthsFile -WarningAction SilentlyContinue | Format-Table | Out-String -Width 120
        $table | Should -Match 'DisplayName\s+StateKind\s+Requires\s+UsersSummary\s+AppsSummary\s+SignInFrequency'   # labels are the property names
        $table | Should -Match 'ReportOnly\s+Phishing.resistant MFA'
        $table | Should -Match 'CA006: Guests from partners\s+Unknown\s+MFA and compliantApp'
        $table | Should -Match '4 hours'
        ($table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
        $list = Get-StrongAuthPolicy -Path $policiesFile -Name CA002* | Format-List | Out-String -Width 200
        $list | Should -Match 'State\s*:\s*ReportOnly \(enabledForReportingButNotEnforced\)'
        $list | Should -Match 'Strength\s*:\s*Phishing-resistant MFA \(builtIn, 3 combinations\)'
        $list | Should -Match 'IncludeRoles'
    }

    It 'reports a bad record with its file and record number, and returns the good one' {
        $out = Get-StrongAuthPolicy -Path $badFile -ErrorAction SilentlyContinue -ErrorVariable errs
        $out.DisplayName | Should -Be 'CA100: Require MFA for contractors'
        $errs.Count | Should -Be 2
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PolicyRecordInvalid,*'
        $errs[0].Exception.Message | Should -BeLike '*ca-policies.bad.json, record 2*conditions*'
        $errs[1].FullyQualifiedErrorId | Should -BeLike 'PolicyRecordUnrecognized,*'
    }

    It 'reports a missing path as PolicyPathNotFound' {
        $null = Get-StrongAuthPolicy -Path (Join-Path $fixtures 'nope.json') -ErrorAction SilentlyContinue -ErrorVariable errs
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'PolicyPathNotFound,*'
    }
}
