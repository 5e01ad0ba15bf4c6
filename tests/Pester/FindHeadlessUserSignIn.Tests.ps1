# Find-HeadlessUserSignIn end to end: the built module in a fresh pwsh, files from samples/signins and the Graph
# simulator serving the same tenant (seed 42, 60 users, 7 days), over real HTTP.
#
# Every test runs the real Core HeadlessScorer; -MinimumScore 0 makes every account read a finding, so the
# sources, the live two-phase retrieval and the requests can be checked account by account.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/GraphSimulator.psm1') -Force
    $script:sim = Start-GraphSimulator -Arguments @('--seed', '42', '--users', '60', '--days', '7', '--throttle', '50/10s')
    $script:token = 'pester-token-must-never-be-shown'
    Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50 -ErrorAction Stop
    $script:file = Join-Path $PSScriptRoot '../../samples/signins/signins.graph.json'
    $script:expected = @(Import-SignInLog -Path $file)
    $script:range = @{
        StartTime = ($expected.CreatedDateTime | Measure-Object -Minimum).Minimum.UtcDateTime
        EndTime   = ($expected.CreatedDateTime | Measure-Object -Maximum).Maximum.UtcDateTime.AddSeconds(1)
    }

    # Who phase 1 should find: the sample's sign-ins that match a signal Graph can filter.
    $filter = [EntraStrongAuth.Core.Retrieval.HeadlessCandidateFilter]::Build([EntraStrongAuth.Core.Classification.ClassificationData]::BuiltIn)
    $apps = @($filter.Apps.AppId)
    $codes = @([EntraStrongAuth.Core.Retrieval.HeadlessCandidateFilter]::StrongAuthCodes)
    $script:candidates = @($expected | Where-Object {
            $signIn = $_
            $signIn.AppId -in $apps -or $signIn.ErrorCode -in $codes -or @($filter.PushedUserAgents | Where-Object { $_.Matches($signIn.UserAgent) }).Count -gt 0
        } | ForEach-Object UserPrincipalName | Sort-Object -Unique)

    function script:Invoke-Live([hashtable] $Parameters) {
        $before = Invoke-RestMethod "$($sim.BaseUri)_sim/stats"
        $all = @(Find-HeadlessUserSignIn @range @Parameters -Verbose 4>&1)
        $after = Invoke-RestMethod "$($sim.BaseUri)_sim/stats"
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        [pscustomobject]@{
            Findings  = @($all | Where-Object { $_ -is [EntraStrongAuth.Core.Headless.HeadlessFinding] })
            Verbose   = $verbose
            # Each request URL as -Verbose shows it, $filter decoded.
            Filters   = @($verbose | Where-Object { $_ -like 'GET *' } | ForEach-Object { [uri]::UnescapeDataString(($_ -split '\$filter=', 2)[1]) })
            Requests  = $after.signInsRequests - $before.signInsRequests
            Throttled = $after.throttled - $before.throttled
        }
    }

    function script:Get-FilterUser([string] $Filter) {
        [regex]::Matches($Filter, "userPrincipalName eq '((?:[^']|'')*)'") | ForEach-Object { $_.Groups[1].Value -replace "''", "'" }
    }
}

AfterAll {
    Disconnect-EntraStrongAuth -ErrorAction SilentlyContinue
    if ($sim) { Stop-GraphSimulator $sim }
}

Describe 'Find-HeadlessUserSignIn live: two phases' {
    BeforeAll {
        $script:run = Invoke-Live @{ MinimumScore = 0 }
    }

    It 'phase 1 asks only for the pushed-down signals, interactive and non-interactive, in the window' {
        $phase1 = @($run.Filters | Where-Object { $_ -notmatch 'userPrincipalName eq' })

        $phase1.Count | Should -BeGreaterOrEqual 4
        @($phase1 | Where-Object { $_ -match "appId eq '04b07795-8ddb-461a-bbee-02f9e1bf7b46'" -and $_ -match 'status/errorCode eq 50076' }).Count | Should -BeGreaterThan 0
        @($phase1 | Where-Object { $_ -match "startswith\(userAgent, 'python-requests/'\)" }).Count | Should -BeGreaterThan 0
        @($phase1 | Where-Object { $_ -match "t eq 'nonInteractiveUser'" }).Count | Should -BeGreaterThan 0
        @($phase1 | Where-Object { $_ -match "t eq 'interactiveUser'" }).Count | Should -BeGreaterThan 0
        $phase1 | ForEach-Object { $_ | Should -Not -Match 'authenticationProtocol' }
    }

    It 'phase 2 reads only the candidates, in or-lists of at most 15, without the signal filters' {
        $phase2 = @($run.Filters | Where-Object { $_ -match 'userPrincipalName eq' })
        $read = @($phase2 | ForEach-Object { Get-FilterUser $_ } | Sort-Object -Unique)

        $candidates.Count | Should -BeGreaterThan 3
        $candidates.Count | Should -BeLessThan (@($expected.UserPrincipalName | Sort-Object -Unique).Count)
        $read | Should -Be $candidates
        $phase2 | ForEach-Object {
            @(Get-FilterUser $_).Count | Should -BeLessOrEqual 15
            $_ | Should -Not -Match 'status/errorCode|userAgent|appId'
        }
    }

    It 'scores every sign-in of every candidate in the window, and nobody else' {
        $run.Findings.User | Sort-Object | Should -Be $candidates
        foreach ($finding in $run.Findings) {
            $finding.SignIns | Should -Be @($expected | Where-Object UserPrincipalName -eq $finding.User).Count
        }
    }

    It 'stays within the limiter and says how many candidates and requests each phase took' {
        $text = $run.Verbose -join "`n"
        $phase1 = [regex]::Match($text, 'Phase 1: (\d+) candidates from [\d,]+ matching sign-ins in (\d+) requests')
        $phase2 = [regex]::Match($text, 'Phase 2: [\d,]+ sign-ins of (\d+) candidates in (\d+) requests')

        $phase1.Success | Should -BeTrue
        $phase2.Success | Should -BeTrue
        [int]$phase1.Groups[1].Value | Should -Be $candidates.Count
        [int]$phase1.Groups[2].Value + [int]$phase2.Groups[2].Value | Should -Be $run.Requests
        $run.Throttled | Should -Be 0
        $text | Should -Not -Match $token
    }

    It 'gives the same findings as the same sign-ins in a file, for the candidates' {
        $offline = @(Find-HeadlessUserSignIn -Path $file -MinimumScore 0 @range | Where-Object User -in $candidates)

        ($run.Findings | ForEach-Object { "$($_.User) $($_.Score) $($_.SignIns)" }) | Should -Be ($offline | ForEach-Object { "$($_.User) $($_.Score) $($_.SignIns)" })
    }

    It 'skips phase 1 for exact names and reads those accounts whole' {
        $user = $candidates[0]

        $named = Invoke-Live @{ MinimumScore = 0; UserPrincipalName = $user }

        $named.Verbose -join "`n" | Should -Match 'Phase 1 skipped'
        $named.Filters | ForEach-Object { Get-FilterUser $_ | Should -Be $user }
        $named.Findings.User | Should -Be $user
    }

    It 'matches wildcard names and exclusions on the candidates, so an excluded account is never read whole' {
        $excluded = $candidates[0]

        $some = Invoke-Live @{ MinimumScore = 0; UserPrincipalName = 'svc-*'; ExcludeUserPrincipalName = $excluded }

        $read = @($some.Filters | ForEach-Object { Get-FilterUser $_ } | Sort-Object -Unique)
        $read | Should -Not -Contain $excluded
        $read | ForEach-Object { $_ | Should -BeLike 'svc-*' }
        $some.Findings.User | Sort-Object | Should -Be ($candidates | Where-Object { $_ -like 'svc-*' -and $_ -ne $excluded })
    }

    It 'passes -AppId to both phases' {
        $cli = '04b07795-8ddb-461a-bbee-02f9e1bf7b46'

        $apps = Invoke-Live @{ MinimumScore = 0; AppId = $cli }

        $apps.Filters | ForEach-Object { $_ | Should -Match "appId eq '$cli'" }
    }
}

Describe 'Find-HeadlessUserSignIn offline' {
    # The sample week is older than the live default of 7 days: offline, no window applies unless asked for.
    It 'gives the same findings from piped Import-SignInLog objects as from -Path' {
        $fromPath = @(Find-HeadlessUserSignIn -Path $file -MinimumScore 0)
        $piped = @(Import-SignInLog -Path $file | Find-HeadlessUserSignIn -MinimumScore 0)
        $items = @(Get-Item $file | Find-HeadlessUserSignIn -MinimumScore 0)

        $fromPath.Count | Should -Be (@($expected.UserPrincipalName | Sort-Object -Unique).Count)
        ($piped | ForEach-Object { "$($_.User) $($_.Score)" }) | Should -Be ($fromPath | ForEach-Object { "$($_.User) $($_.Score)" })
        ($items | ForEach-Object { "$($_.User) $($_.Score)" }) | Should -Be ($fromPath | ForEach-Object { "$($_.User) $($_.Score)" })
    }

    It 'applies -MinimumScore, -PerApp and the window, and writes the findings ranked' {
        $start = $range.StartTime.AddDays(2)
        $everyone = @(Find-HeadlessUserSignIn -Path $file -MinimumScore 0)

        $high = @(Find-HeadlessUserSignIn -Path $file -MinimumScore 5 -PerApp -StartTime $start)

        $high.Count | Should -BeGreaterThan 0
        $high | ForEach-Object { $_.Score | Should -BeGreaterOrEqual 5; $_.FirstSeen | Should -BeGreaterOrEqual ([DateTimeOffset]$start) }
        $high.Score | Should -Be ($high.Score | Sort-Object -Descending)
        @($high | Where-Object AppId).Count | Should -BeGreaterThan 0
        $default = @(Find-HeadlessUserSignIn -Path $file)
        $default | ForEach-Object { $_.Score | Should -BeGreaterOrEqual 50 }
        $default.Count | Should -Be @($everyone | Where-Object Score -ge 50).Count
    }

    It 'filters -UserPrincipalName wildcards, -AppId and -ExcludeUserPrincipalName' {
        $result = @(Find-HeadlessUserSignIn -Path $file -MinimumScore 0 -UserPrincipalName 'SVC-*' -ExcludeUserPrincipalName 'svc-deploy@*')

        $result.Count | Should -BeGreaterThan 0
        $result.User | ForEach-Object { $_ | Should -BeLike 'svc-*' }
        $result.User | Should -Not -Contain 'svc-deploy@contoso.com'
        (Find-HeadlessUserSignIn -Path $file -MinimumScore 0 -AppId '04b07795-8ddb-461a-bbee-02f9e1bf7b46').Recommendation.Apps | Sort-Object -Unique | Should -Be 'Microsoft Azure CLI'
    }

    It 'shows the table and list views' {
        $findings = @(Find-HeadlessUserSignIn -Path $file -MinimumScore 0 | Select-Object -First 2)

        ($findings | Format-Table | Out-String -Width 120) | Should -Match 'Score\s+User\s+SignIns\s+Recommendation\s+AppDisplayName\s+Evidence'   # labels are the property names
        # Each evidence line as "Signal +points: detail", and the recommendation.
        $list = $findings | Format-List | Out-String -Width 120
        $list | Should -Match '(?m)^Evidence\s+: \w+ [+-]\d+: .+'
        $list | Should -Match 'Move to\s+: (ManagedIdentity|WorkloadIdentityFederation|CertificateServicePrincipal): '
    }
}

Describe 'Find-HeadlessUserSignIn errors' {
    It 'reports a path that matches nothing and goes on' {
        $result = @(Find-HeadlessUserSignIn -Path (Join-Path $TestDrive 'missing.json'), $file -MinimumScore 0 -ErrorVariable errs -ErrorAction SilentlyContinue)

        $errs[0].FullyQualifiedErrorId | Should -BeLike 'SignInPathNotFound,*'
        $result.Count | Should -BeGreaterThan 0
    }

    It 'reports a piped object that is not a sign-in' {
        [pscustomobject]@{ Name = 'not a sign-in' } | Find-HeadlessUserSignIn -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSignInObject,*'
    }

    It 'refuses an end before the start and a score above 100' {
        { Find-HeadlessUserSignIn -StartTime '2026-11-20' -EndTime '2026-11-19' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTimeRange,*'
        { Find-HeadlessUserSignIn -Path $file -MinimumScore 101 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'stops with NotConnected live and says how to connect' {
        Disconnect-EntraStrongAuth
        try {
            $err = { Find-HeadlessUserSignIn @range -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
            $err.ErrorDetails.RecommendedAction | Should -Match 'Connect-EntraStrongAuth'
        }
        finally {
            Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $sim.BaseUri -MaxRequestsPerWindow 50
        }
    }
}

Describe 'Find-HeadlessUserSignIn with the real scorer' -Tag 'RealScorer' {
    BeforeAll {
        # The live window, so "no interactive sign-in in the window" means the same thing in both.
        $script:real = @(Find-HeadlessUserSignIn -Path $file -MinimumScore 0 @range)
    }

    It 'ranks the sample scripts above 50 and the people below' {
        $headless = @(Find-HeadlessUserSignIn -Path $file)

        foreach ($script in 'svc-deploy@contoso.com', 'svc-build@contoso.com', 'svc-opsrunbook@contoso.com', 'svc-azps@contoso.com') {
            $headless.User | Should -Contain $script
        }

        $headless[0].User | Should -BeLike 'svc-*'
        $headless[0].Evidence.Count | Should -BeGreaterThan 0
        $headless.Score | Should -Be ($headless.Score | Sort-Object -Descending)
    }

    It 'writes only findings at or above -MinimumScore' {
        $strict = @(Find-HeadlessUserSignIn -Path $file -MinimumScore 80 @range)

        $strict | ForEach-Object { $_.Score | Should -BeGreaterOrEqual 80 }
        $strict.Count | Should -Be @($real | Where-Object Score -ge 80).Count
    }

    It 'gives the same scores piped as from -Path, and live for the candidates' {
        $piped = @(Import-SignInLog -Path $file | Find-HeadlessUserSignIn -MinimumScore 0 @range)
        $live = @(Find-HeadlessUserSignIn @range -MinimumScore 0)

        ($piped | ForEach-Object { "$($_.User) $($_.Score)" }) | Should -Be ($real | ForEach-Object { "$($_.User) $($_.Score)" })
        ($live | ForEach-Object { "$($_.User) $($_.Score)" }) | Should -Be ($real | Where-Object User -in $candidates | ForEach-Object { "$($_.User) $($_.Score)" })
    }
}
