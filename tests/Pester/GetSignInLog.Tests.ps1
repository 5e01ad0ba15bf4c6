# Get-SignInLog end to end: the built module in a fresh pwsh against the Graph simulator serving the sample tenant
# (seed 42, 60 users, 7 days: the same sign-ins as samples/signins), over real HTTP.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    # A roomier request budget on both sides keeps the suite quick; the limiter itself is tested in xUnit.
    $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '50/10s')
    $script:token = 'pester-token-must-never-be-shown'
    $secure = ConvertTo-SecureString $token -AsPlainText -Force
    Connect-EntraStrongAuth -AccessToken $secure -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50 -ErrorAction Stop
    $script:expected = @(Import-SignInLog -Path (Join-Path $PSScriptRoot '../../samples/signins/signins.graph.json'))
    $script:range = @{
        StartTime = ($expected.CreatedDateTime | Measure-Object -Minimum).Minimum.UtcDateTime
        EndTime   = ($expected.CreatedDateTime | Measure-Object -Maximum).Maximum.UtcDateTime.AddSeconds(1)
    }
}

AfterAll {
    Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'Get-SignInLog paging, as Graph PowerShell users type it' {
    It 'takes -Top for -First, -PageSize for the page size Graph is asked for, and refuses -All with -Top' {
        $before = @((Invoke-RestMethod ($sim.BaseUri + '_sim/stats')).signInsRequests)[0]
        $top = @(Get-SignInLog @range -Top 7)
        $top.Count | Should -Be 7

        $paged = @(Get-SignInLog @range -PageSize 25 -All)
        ($paged.Id | Sort-Object) | Should -Be ($expected.Id | Sort-Object)
        $requests = (Invoke-RestMethod ($sim.BaseUri + '_sim/stats')).signInsRequests - $before
        # 25 per page: at least one request per 25 sign-ins of the range (plus the -Top read's).
        $requests | Should -BeGreaterOrEqual ([math]::Ceiling($expected.Count / 25))

        $err = $null
        try { Get-SignInLog @range -All -Top 3 -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterConflict,*'
    }
}

Describe 'Get-SignInLog -OutFile -WhatIf' {
    It 'writes nothing and reads nothing from Graph' {
        $file = Join-Path $TestDrive 'whatif.ndjson'
        $before = (Invoke-RestMethod ($sim.BaseUri + '_sim/stats')).signInsRequests

        $result = @(Get-SignInLog @range -OutFile $file -WhatIf)

        $result | Should -BeNullOrEmpty
        Test-Path -LiteralPath $file | Should -BeFalse
        Test-Path -LiteralPath "$file.checkpoint.json" | Should -BeFalse
        (Invoke-RestMethod ($sim.BaseUri + '_sim/stats')).signInsRequests | Should -Be $before
        (Get-Command Get-SignInLog).Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe 'Get-SignInLog' {
    It 'returns every interactive and non-interactive sign-in of the range, as the sample file has them' {
        $live = @(Get-SignInLog @range)

        $live[0].PSObject.TypeNames[0] | Should -Be 'EntraStrongAuth.Core.SignIns.SignInEvent'
        ($live.Id | Sort-Object) | Should -Be ($expected.Id | Sort-Object)
        ($live | Where-Object IsInteractive -eq $false).Count | Should -BeGreaterThan 0
    }

    It 'takes user names from the pipeline and returns only theirs' {
        $users = @($expected.UserPrincipalName | Sort-Object -Unique | Select-Object -First 2)

        $live = @($users | Get-SignInLog @range)

        $live.Count | Should -Be @($expected | Where-Object UserPrincipalName -in $users).Count
        $live.UserPrincipalName | Sort-Object -Unique | Should -Be $users
    }

    It 'escapes a quote in a user name instead of breaking the filter' {
        $live = @(Get-SignInLog @range -UserPrincipalName "o'neil@contoso.com" -ErrorVariable errs)

        $errs | Should -BeNullOrEmpty
        $live.Count | Should -Be 0
    }

    It 'stops after -First records' {
        @(Get-SignInLog @range -First 7).Count | Should -Be 7
    }

    It 'shows each request URL with -Verbose and never the token' {
        $verbose = Get-SignInLog @range -ErrorCode 50076 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $text = $verbose.Message -join "`n"

        $text | Should -Match ([regex]::Escape('GET ' + $sim.BaseUri + 'beta/auditLogs/signIns?$filter='))
        $text | Should -Match 'status%2FerrorCode%20eq%2050076'
        $text | Should -Match 'Read \d+ sign-ins in \d+ requests'
        $text | Should -Not -Match $token
    }

    It 'saves a pull as NDJSON that Import-SignInLog reads back' {
        $file = Join-Path $TestDrive 'pull.ndjson'

        $result = Get-SignInLog @range -OutFile $file

        $result.Records | Should -Be $expected.Count
        $result.Path | Should -Be $file
        (Import-SignInLog -Path $file).Id | Sort-Object | Should -Be ($expected.Id | Sort-Object)
        Test-Path "$file.checkpoint.json" | Should -BeFalse
        { Get-SignInLog @range -OutFile $file -ErrorAction Stop } | Should -Throw -ErrorId 'OutFileExists,*'
        { Get-SignInLog -OutFile $file -Resume -ErrorAction Stop } | Should -Throw -ErrorId 'NothingToResume,*'
    }

    It 'completes -AppId with the clients scripts use, by name' {
        $line = 'Get-SignInLog -AppId cli'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length

        $completion.CompletionMatches.CompletionText | Should -Contain '04b07795-8ddb-461a-bbee-02f9e1bf7b46'
    }

    It 'completes -EventType with the sign-in kinds' {
        $line = 'Get-SignInLog -EventType Non'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'NonInteractive'
    }

    It 'refuses a -Filter that would close the group it is put in, before asking Graph anything' {
        $user = $expected[0].UserPrincipalName
        $escape = "userPrincipalName eq 'nobody@x.com') or (userPrincipalName eq '$user'"

        $verbose = & { try { Get-SignInLog @range -Filter $escape -Verbose -ErrorAction Stop } catch { } } 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $err = { Get-SignInLog @range -Filter $escape -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidFilter,*' -PassThru

        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match "position 36"
        @($verbose.Message | Where-Object { $_ -like 'GET *' }) | Should -BeNullOrEmpty
    }

    It 'keeps a balanced -Filter working, with nested groups, a doubled quote and a parenthesis inside a string' {
        $user = $expected[0].UserPrincipalName

        $live = @(Get-SignInLog @range -Filter "(userPrincipalName eq '$user' or (userPrincipalName eq 'o''neil)(@contoso.com'))")

        $live.Count | Should -Be @($expected | Where-Object UserPrincipalName -eq $user).Count
        $live.Count | Should -BeGreaterThan 0
    }

    It 'refuses an end before the start' {
        { Get-SignInLog -StartTime '2026-11-20' -EndTime '2026-11-19' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTimeRange,*'
    }
}

Describe 'Get-SignInLog binding only user names' {
    It 'refuses Resolve-AadstsError output piped in, instead of querying its text as a user name and finding nothing' {
        $err = { Resolve-AadstsError -Code 50076 | Get-SignInLog @range -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidUserPrincipalName,*'
        $err.Exception.Message | Should -BeLike "'AADSTS50076 *' is not a user principal name*"
    }

    It 'still takes a guest''s user principal name' {
        { Get-SignInLog 'partner_fabrikam.com#EXT#@contoso.onmicrosoft.com' @range -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Get-SignInLog without a connection' {
    It 'stops with NotConnected and says how to connect' {
        Disconnect-EntraStrongAuth
        try {
            $err = { Get-SignInLog @range -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
            $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-EntraStrongAuth'
        }
        finally {
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50
        }
    }
}

Describe 'Get-StrongAuthFailure live' {
    It 'gives the same findings from the tenant as from the same sign-ins in a file' {
        $file = Join-Path $PSScriptRoot '../../samples/signins/signins.graph.json'
        $offline = @(Get-StrongAuthFailure -Path $file -IncludeBenign @range | Sort-Object SignInId)

        $live = @(Get-StrongAuthFailure -IncludeBenign @range -Verbose 4>$null | Sort-Object SignInId)

        $offline.Count | Should -BeGreaterThan 20
        $live.SignInId | Should -Be $offline.SignInId
        $live.Cause | Should -Be $offline.Cause
        $live.Resolution | Should -Be $offline.Resolution
        $live.ResolvedBySignInId | Should -Be $offline.ResolvedBySignInId
    }

    It 'asks Graph only for failures, then only for the successes of the users who failed' {
        $verbose = Get-StrongAuthFailure @range -UserPrincipalName $expected[0].UserPrincipalName -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $gets = @($verbose.Message | Where-Object { $_ -like 'GET *' })

        $gets.Count | Should -BeGreaterThan 0
        $gets | ForEach-Object { $_ | Should -Match 'status%2FerrorCode%20eq%20' }
        $gets | ForEach-Object { $_ | Should -Match ([regex]::Escape([uri]::EscapeDataString("userPrincipalName eq '$($expected[0].UserPrincipalName)'"))) }
    }
}
