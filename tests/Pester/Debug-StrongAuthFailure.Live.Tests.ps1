# Debug-StrongAuthFailure live: the built module connected to the Graph simulator serving the seed-42 tenant (the one
# samples/signins holds, with its answer key truth.csv). For one failure of each true cause, the error message a user
# would paste is rebuilt from the answer key and diagnosed; the cause must be the true one and the steps must carry
# the evidence that cause leaves.
BeforeDiscovery {
    $truth = Import-Csv (Join-Path $PSScriptRoot '../../samples/signins/truth.csv')
    # The first failure of each cause in the answer key (the first script failure is the help's example, 83253231…).
    $script:cases = @($truth | Group-Object trueCause | ForEach-Object { $_.Group[0] } |
        ForEach-Object { @{ Row = $_; Cause = $_.trueCause } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '500/10s')
    Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'pester-diagnosis' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 500 -ErrorAction Stop

    # The message as MSAL, az or the browser shows it: code, Trace ID (the request id), Correlation ID, Timestamp.
    function script:Get-PastedMessage($Row) {
        $at = ([datetimeoffset]::Parse($Row.createdDateTime, [cultureinfo]::InvariantCulture)).UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss', [cultureinfo]::InvariantCulture)
        "AADSTS$($Row.errorCode): Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.`r`nTrace ID: $($Row.signInId)`r`nCorrelation ID: $($Row.correlationId)`r`nTimestamp: $($at)Z"
    }

    function script:Get-Step($Diagnosis, [int] $Number) { $Diagnosis.Steps | Where-Object Number -eq $Number }
}

AfterAll {
    Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'A pasted error diagnosed against the tenant' {
    It 'gives <Cause> for its failure, with the steps that cause leaves' -ForEach $cases {
        $diagnosis = @(Debug-StrongAuthFailure -Message (Get-PastedMessage $Row) -ErrorVariable errs)

        $errs | Should -BeNullOrEmpty
        $diagnosis.Count | Should -Be 1
        $diagnosis[0].SignInId | Should -Be $Row.signInId
        $diagnosis[0].Cause.ToString() | Should -Be $Cause
        @($diagnosis[0].Steps.Number) | Should -Be @(1, 2, 3, 4, 5, 6, 7)
        (Get-Step $diagnosis[0] 1).Status.ToString() | Should -Be 'Ok'
        $verdict = (Get-Step $diagnosis[0] 7).Status.ToString()
        if ($Cause -eq 'BenignInterrupt') { $verdict | Should -Be 'Ok' } else { $verdict | Should -Be 'Problem' }
        switch ($Cause) {
            'HeadlessUserAccount' { (Get-Step $diagnosis[0] 6).Status.ToString() | Should -Be 'Problem' }
            'SilentAuthInteractionRequired' {
                (Get-Step $diagnosis[0] 3).Finding | Should -BeLike 'Non-interactive*'
                (Get-Step $diagnosis[0] 3).Status.ToString() | Should -Not -Be 'Ok'
            }
            'IncompleteEnrollment' { (Get-Step $diagnosis[0] 5).Status.ToString() | Should -Be 'Problem' }
            'CannotSatisfyStrength' { (Get-Step $diagnosis[0] 5).Status.ToString() | Should -Be 'Problem' }
            'StaleSessionClaims' { (Get-Step $diagnosis[0] 4).Status.ToString() | Should -Be 'Problem' }
            'PolicyStepUp' { (Get-Step $diagnosis[0] 2).Status.ToString() | Should -Be 'Problem' }
        }
    }

    It 'says in -Verbose how many sign-in requests the diagnosis took' {
        $row = $cases[0].Row
        $verbose = Debug-StrongAuthFailure -Message (Get-PastedMessage $row) -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $summary = @($verbose.Message | Where-Object { $_ -match '^1 failure\(s\) diagnosed with (\d+) sign-in log request\(s\)' })
        $summary.Count | Should -Be 1
        [int]($summary[0] -replace '^1 failure\(s\) diagnosed with (\d+) .*$', '$1') | Should -BeLessOrEqual 6
    }
}
