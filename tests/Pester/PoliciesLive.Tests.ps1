# Get-AuthenticationStrength and Get-StrongAuthPolicy live: the built module against the Graph simulator, whose tenant
# carries the generator's strengths and Conditional Access policies (CA001-CA006, a custom FIDO2 strength).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '50/10s')
    Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-policies' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50 -ErrorAction Stop
}

AfterAll {
    Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'Strengths and policies from a tenant' {
    It 'reads the built-in and the custom strengths' {
        $strengths = @(Get-AuthenticationStrength -ErrorVariable errs)

        $errs | Should -BeNullOrEmpty
        @($strengths | Where-Object PolicyType -eq 'builtIn').Count | Should -Be 3
        $custom = @($strengths | Where-Object PolicyType -eq 'custom')
        $custom.Count | Should -BeGreaterThan 0
        $custom[0].AllowedCombinations | Should -Contain 'fido2'
    }

    It 'reads the policies that demand MFA or a strength, with report-only ones and their strengths resolved' {
        $policies = @(Get-StrongAuthPolicy -ErrorVariable errs -WarningVariable warnings)

        $errs | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        $policies.Count | Should -BeGreaterThan 0
        $policies.StateKind | Should -Contain 'ReportOnly'
        $policies.StateKind | Should -Not -Contain 'Off'
        ($policies | Where-Object { $_.AuthenticationStrength }) | ForEach-Object { $_.AuthenticationStrength.AllowedCombinations.Count | Should -BeGreaterThan 0 }
        # CA006 blocks legacy authentication (disabled): not a strong-auth policy, so never listed, even with -IncludeDisabled.
        @(Get-StrongAuthPolicy -IncludeDisabled).DisplayName | Should -Not -Contain 'CA006 Block legacy authentication'
        $policies.DisplayName | Should -Contain 'CA001 Require MFA for all users, 8 h sign-in frequency'
    }

    It 'names Policy.Read.All when the tenant refuses' {
        $denied = Start-GraphSimulator -Arguments @('--users', '12', '--days', '2', '--deny', 'ConditionalAccessPolicies')
        try {
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-denied' -AsPlainText -Force) -GraphEndpoint $denied.BaseUri -ErrorAction Stop
            $err = { Get-StrongAuthPolicy -ErrorAction Stop } | Should -Throw -ErrorId 'GraphPermissionDenied,*' -PassThru
            $err.ErrorDetails.RecommendedAction | Should -Match 'Policy.Read.All'
        }
        finally {
            Stop-GraphSimulator $denied
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-policies' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50
        }
    }
}

Describe 'Tab completion of strength and policy names' {
    It 'completes built-in strength names before any read, quoted because they contain spaces' {
        Disconnect-EntraStrongAuth
        try {
            $completions = (TabExpansion2 -inputScript 'Get-AuthenticationStrength -Name phish' -cursorColumn 38).CompletionMatches
            $completions.CompletionText | Should -Contain "'Phishing-resistant MFA'"
        }
        finally {
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-policies' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50
        }
    }

    It 'completes the tenant''s custom strengths and policy names once read, and forgets them on disconnect' {
        $null = Get-AuthenticationStrength
        $null = Get-StrongAuthPolicy
        $line = 'Get-AuthenticationStrength -Name Contoso'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain "'Contoso approved FIDO2 keys'"
        $line = 'Get-StrongAuthPolicy -Name CA00'
        $policies = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $policies | Should -Contain "'CA001 Require MFA for all users, 8 h sign-in frequency'"

        Disconnect-EntraStrongAuth
        try {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
        }
        finally {
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-policies' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50
        }
    }
}
