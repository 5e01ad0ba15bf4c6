# -WorkspaceId: the built module reading the seed-42 tenant from the simulator's Log Analytics query API, against the
# same tenant read from Graph (the same simulator serves both). Same findings from either source is the contract.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    $script:workspaceId = '3c1e2a7b-5d4f-4e6a-9b8c-0d1e2f3a4b5c'
    $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '500/10s', '--workspace-id', $workspaceId)
    $script:connect = @{
        AccessToken = (ConvertTo-SecureString 'pester-workspace' -AsPlainText -Force)
        GraphEndpoint = $sim.BaseUri
        LogAnalyticsEndpoint = $sim.BaseUri
        LogAnalyticsAccessToken = (ConvertTo-SecureString 'pester-workspace-la' -AsPlainText -Force)
        MaxRequestsPerWindow = 500
        ErrorAction = 'Stop'
    }
    Connect-EntraStrongAuth @connect

    # The generated tenant's 7 days (the generator's data ends 2026-11-23 00:00 UTC).
    $script:window = @{ StartTime = [datetime]::new(2026, 11, 16, 0, 0, 0, [DateTimeKind]::Utc); EndTime = [datetime]::new(2026, 11, 23, 0, 0, 0, [DateTimeKind]::Utc) }
    function script:Key($failure) { '{0}|{1}|{2}|{3}|{4}' -f $failure.SignIn.Id, $failure.ErrorCode, $failure.Cause, $failure.Confidence, $failure.Resolution }
}

AfterAll {
    Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'Get-StrongAuthFailure -WorkspaceId' {
    It 'finds the same failures, causes, confidence and outcomes as from Graph' {
        $fromGraph = @(Get-StrongAuthFailure @window -WarningAction SilentlyContinue | ForEach-Object { Key $_ } | Sort-Object)
        $fromWorkspace = @(Get-StrongAuthFailure @window -WorkspaceId $workspaceId -WarningAction SilentlyContinue -ErrorVariable errs | ForEach-Object { Key $_ } | Sort-Object)

        $errs | Should -BeNullOrEmpty
        $fromGraph.Count | Should -BeGreaterThan 20
        $fromWorkspace | Should -Be $fromGraph
    }

    It 'finds the same failures as -Path on the same tenant''s saved sign-ins (the bundled sample)' {
        $sample = Join-Path $PSScriptRoot '../../samples/signins/signins.graph.json'
        $fromFile = @(Get-StrongAuthFailure -Path $sample @window -WarningAction SilentlyContinue | ForEach-Object { Key $_ } | Sort-Object)
        $fromWorkspace = @(Get-StrongAuthFailure @window -WorkspaceId $workspaceId -WarningAction SilentlyContinue | ForEach-Object { Key $_ } | Sort-Object)

        $fromFile.Count | Should -BeGreaterThan 20
        $fromWorkspace | Should -Be $fromFile
    }

    It 'says in verbose how many queries and bytes it took' {
        $verbose = Get-StrongAuthFailure @window -WorkspaceId $workspaceId -Summary -Verbose -WarningAction SilentlyContinue 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        @($verbose | Where-Object { $_ -match '^Read [\d,]+ sign-ins in [\d,]+ queries \([\d,]+ bytes' }).Count | Should -BeGreaterOrEqual 2
    }

    It 'needs a token for Log Analytics with an -AccessToken connection: WorkspaceTokenUnavailable' {
        try {
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'graph-only' -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -LogAnalyticsEndpoint $sim.BaseUri -ErrorAction Stop
            $err = $null
            try { Get-StrongAuthFailure @window -WorkspaceId $workspaceId -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'WorkspaceTokenUnavailable,*'
            $err.ErrorDetails.RecommendedAction | Should -Match 'LogAnalyticsAccessToken'
        }
        finally {
            Connect-EntraStrongAuth @connect
        }
    }

    It 'stops with WorkspaceNotFound for a workspace the API does not know' {
        $err = $null
        try { Get-StrongAuthFailure @window -WorkspaceId ([guid]::NewGuid()) -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'WorkspaceNotFound,*'
    }
}

Describe 'A workspace without the non-interactive table' {
    BeforeAll {
        $script:thin = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '500/10s', '--workspace-id', $workspaceId, '--la-missing-tables', 'AADNonInteractiveUserSignInLogs')
        Connect-EntraStrongAuth @connect -GraphEndpoint $thin.BaseUri -LogAnalyticsEndpoint $thin.BaseUri
    }

    AfterAll {
        Connect-EntraStrongAuth @connect
        if ($thin) { Stop-GraphSimulator $thin }
    }

    It 'warns once which diagnostic-settings category to send, and still analyses the interactive sign-ins' {
        $failures = @(Get-StrongAuthFailure @window -WorkspaceId $workspaceId -WarningVariable warnings -WarningAction SilentlyContinue)

        $missing = @($warnings | Where-Object { "$_" -match 'no table AADNonInteractiveUserSignInLogs' })
        $missing.Count | Should -Be 1
        "$($missing[0])" | Should -Match 'NonInteractiveUserSignInLogs'
        "$($missing[0])" | Should -Match 'Non-interactive sign-ins .* are not read'
        $failures.Count | Should -BeGreaterThan 0
        @($failures | Where-Object { $_.SignIn.IsInteractive -eq $false }).Count | Should -Be 0
    }
}

Describe 'The other commands read a workspace too' {
    It 'Export-StrongAuthReport makes the same report from the workspace as from Graph, each naming its source' {
        $metrics = {
            param($path)
            $html = Get-Content $path -Raw
            foreach ($name in 'total', 'needs-action', 'benign', 'resolved', 'pending') { '{0}={1}' -f $name, [regex]::Match($html, "<dd data-metric=""$name"">([0-9,]+)</dd>").Groups[1].Value }
            [regex]::Matches($html, '<rect class="bar[^>]*data-day="([^"]+)" data-cause="([^"]+)" data-count="(\d+)"') | ForEach-Object { $_.Groups[1].Value + '|' + $_.Groups[2].Value + '|' + $_.Groups[3].Value }
            [regex]::Matches($html, '<table class="data" id="headless">.*?</table>', 'Singleline').Value -replace '<td class="num" data-value="\d+">[0-9,]+</td>', ''
        }
        $graphReport = Join-Path $TestDrive 'graph.html'
        $workspaceReport = Join-Path $TestDrive 'workspace.html'
        Export-StrongAuthReport -Path $graphReport @window -WarningAction SilentlyContinue | Out-Null
        Export-StrongAuthReport -Path $workspaceReport @window -WorkspaceId $workspaceId -WarningAction SilentlyContinue -ErrorVariable errs | Out-Null

        $errs | Should -BeNullOrEmpty
        $fromGraph = @(& $metrics $graphReport)
        [int]($fromGraph[0] -replace '\D', '') | Should -BeGreaterThan 20
        @(& $metrics $workspaceReport) | Should -Be $fromGraph
        (Get-Content $workspaceReport -Raw) | Should -Match "Log Analytics workspace $workspaceId"
        (Get-Content $graphReport -Raw) | Should -Match 'Microsoft Graph, tenant'
    }

    It 'Find-HeadlessUserSignIn scores the same accounts as from Graph' {
        $fromGraph = @(Find-HeadlessUserSignIn @window -WarningAction SilentlyContinue | ForEach-Object { '{0}|{1}' -f $_.UserPrincipalName, $_.Score } | Sort-Object)
        $fromWorkspace = @(Find-HeadlessUserSignIn @window -WorkspaceId $workspaceId -WarningAction SilentlyContinue | ForEach-Object { '{0}|{1}' -f $_.UserPrincipalName, $_.Score } | Sort-Object)

        $fromGraph.Count | Should -BeGreaterThan 3
        $fromWorkspace | Should -Be $fromGraph
    }

    It 'Test-StrongAuthReadiness gives the same verdicts as from Graph' {
        $fromGraph = @(Test-StrongAuthReadiness -RequireMfa @window -WarningAction SilentlyContinue | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.UserPrincipalName, $_.AppId, $_.Verdict, "$($_.Reasons)" } | Sort-Object)
        $fromWorkspace = @(Test-StrongAuthReadiness -RequireMfa @window -WorkspaceId $workspaceId -WarningAction SilentlyContinue -ErrorVariable errs | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.UserPrincipalName, $_.AppId, $_.Verdict, "$($_.Reasons)" } | Sort-Object)

        $errs | Should -BeNullOrEmpty
        $fromGraph.Count | Should -BeGreaterThan 60
        $fromWorkspace | Should -Be $fromGraph
    }

    It 'Debug-StrongAuthFailure diagnoses a pasted failure the same way' {
        $failure = Get-StrongAuthFailure @window -WorkspaceId $workspaceId -WarningAction SilentlyContinue | Where-Object Cause -ne 'BenignInterrupt' | Select-Object -First 1
        $fromGraph = Debug-StrongAuthFailure -SignInId $failure.SignIn.Id -WarningAction SilentlyContinue
        $fromWorkspace = Debug-StrongAuthFailure -SignInId $failure.SignIn.Id -WorkspaceId $workspaceId -WarningAction SilentlyContinue -ErrorVariable errs

        $errs | Should -BeNullOrEmpty
        $fromWorkspace.Failure.SignIn.Id | Should -Be $failure.SignIn.Id
        "$($fromWorkspace.Cause)|$($fromWorkspace.Confidence)" | Should -Be "$($fromGraph.Cause)|$($fromGraph.Confidence)"
        @($fromWorkspace.Steps | ForEach-Object { "$($_.Name)=$($_.Status)" }) | Should -Be @($fromGraph.Steps | ForEach-Object { "$($_.Name)=$($_.Status)" })
    }

    It 'Debug-StrongAuthFailure and Test-StrongAuthReadiness refuse -Path with -WorkspaceId: ParameterConflict' {
        $err = $null
        try { Debug-StrongAuthFailure -SignInId ([guid]::NewGuid()) -Path $PSCommandPath -WorkspaceId $workspaceId -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterConflict,*'
        $err = $null
        try { Test-StrongAuthReadiness -RequireMfa -Path $PSCommandPath -WorkspaceId $workspaceId -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterConflict,*'
    }

    It 'Test-StrongAuthRemediation judges the failing users the same way' {
        $subjects = @(Get-StrongAuthFailure @window -WorkspaceId $workspaceId -WarningAction SilentlyContinue | Select-Object -First 5)
        $fixedAt = [datetime]::new(2026, 11, 19, 12, 0, 0, [DateTimeKind]::Utc)
        $fromGraph = @($subjects | Test-StrongAuthRemediation -FixedAt $fixedAt -Window 3.00:00 -WarningAction SilentlyContinue | ForEach-Object { '{0}|{1}|{2}' -f $_.Subject, $_.Outcome, $_.Confidence } | Sort-Object)
        $fromWorkspace = @($subjects | Test-StrongAuthRemediation -FixedAt $fixedAt -Window 3.00:00 -WorkspaceId $workspaceId -WarningAction SilentlyContinue -ErrorVariable errs | ForEach-Object { '{0}|{1}|{2}' -f $_.Subject, $_.Outcome, $_.Confidence } | Sort-Object)

        $errs | Should -BeNullOrEmpty
        $fromGraph.Count | Should -BeGreaterThan 0
        $fromWorkspace | Should -Be $fromGraph
    }
}
