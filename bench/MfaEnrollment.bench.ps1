<#
.SYNOPSIS
    Issue 5: "which of N users cannot satisfy the MFA strength?" for N = 10,000, against the Graph simulator throttling
    at 5 requests / 10 s per app, every duration scaled by -TimeScale for every contender. One run compares:
    (a) one GET users/{id}/authentication/methods per user through the Graph SDK, as admins script it today
        (bench/EnrollmentBaseline, sequential; and with -Concurrency K, as ForEach-Object -Parallel would), judged by
        the module's own strength evaluator so that only the retrieval differs;
    (b) Test-MfaEnrollment -All | Where-Object { -not $_.IsCapable } in a fresh pwsh.
    Targets: (b) sends ≥ 50× fewer requests and takes ≥ 20× less wall time than (a), no user missing or wrong.
    Writes its section of docs/benchmarks.md; fails (without writing it) when a contender fails or is missing.
.PARAMETER TimeScale
    Multiplies every simulated duration (throttle window, Retry-After, directory latency); the module's -ThrottleWindow
    and the baseline's retry delays are scaled by the same factor. At 5 requests / 10 s the baseline's 10,000 calls
    take hours in real time; 0.01 makes a 10 s window last 100 ms, 20 ms per request, against the SDK's own cost of
    under 1 ms per call here (9,833 calls unthrottled in 7.5 s), so the baseline stays throttle-bound as on Graph.
.PARAMETER Concurrency
    Also runs the baseline K users at a time (ForEach-Object -Parallel -ThrottleLimit K), as a second row. Off by
    default: at 10,000 users it takes as long as the sequential run, and at 5 requests / 10 s most of its users are
    lost after the SDK's 3 retries anyway (Graph counts throttled requests too).
.PARAMETER LatencyMs
    The simulator's time to answer one directory request (a user's methods, a report page, the policy), before
    scaling. One figure for every answer whatever its size, which favours big pages, that is (b).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int] $Users = 10000,
    [double] $TimeScale = 0.01,
    [int] $LatencyMs = 200,
    [int] $Concurrency = 0
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
Import-Module (Join-Path $root 'build/FreshPwsh.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchDocs.psm1')
Import-Module (Join-Path $root 'tests/Pester/Support/GraphSimulator.psm1')
$work = Join-Path $root 'out/bench/enrollment'
New-Item -ItemType Directory -Force -Path $work | Out-Null
# A contender that fails must not leave an earlier run's verdicts behind to be mistaken for its own.
Get-ChildItem $work -Filter '*.csv' | Remove-Item
$inv = [cultureinfo]::InvariantCulture

& dotnet build (Join-Path $root 'tests/GraphSimulator') -c Release --nologo -v quiet | Out-Host
& dotnet build (Join-Path $PSScriptRoot 'EnrollmentBaseline') -c Release --nologo -v quiet | Out-Host
$baseline = Get-ChildItem (Join-Path $PSScriptRoot 'EnrollmentBaseline/bin/Release') -Recurse -Filter 'EnrollmentBaseline.dll' | Select-Object -First 1
$throttleWindow = [timespan]::FromSeconds(10 * $TimeScale)
function Format-Duration([double] $Seconds) {
    $span = [timespan]::FromSeconds($Seconds)
    if ($span.TotalHours -ge 1) { '{0:0.0} h' -f $span.TotalHours } elseif ($span.TotalMinutes -ge 1) { '{0:0.0} min' -f $span.TotalMinutes } else { '{0:0.0} s' -f $Seconds }
}

# The benchmark is about users' methods, not sign-ins: one day at the lowest activity keeps startup short (the
# methods each persona gets do not depend on how often it signs in).
$simArguments = @('--users', "$Users", '--days', '1', '--activity', '1', '--throttle', '5/10s', '--directory-latency-ms', "$LatencyMs",
    '--time-scale', $TimeScale.ToString($inv), '--retry-after', 'fractional')
$startWatch = [Diagnostics.Stopwatch]::StartNew()
$sim = Start-GraphSimulator -Arguments $simArguments
$simStartup = $startWatch.Elapsed.TotalSeconds
$rows = [System.Collections.Generic.List[object]]::new()
try {
    $tenantSize = ($sim.Process.StandardError.ReadLine() -split ';')[0]
    function Get-SimStats { Invoke-RestMethod -Uri ($sim.BaseUri + '_sim/stats') }
    function Get-SimPeakMB { [math]::Round([long]((Get-Content "/proc/$($sim.Process.Id)/status" | Where-Object { $_ -like 'VmHWM:*' }) -replace '\D', '') / 1KB) }
    Write-Host "Simulator at $($sim.BaseUri): $Users users ($tenantSize), ready in $($simStartup.ToString('0.0', $inv)) s, $(Get-SimPeakMB) MB"

    # The user list, given to the baseline for free (a real script first pays for Get-MgUser -All): read here from the
    # registration report with a token of its own, outside every contender's counts.
    $ids = [System.Collections.Generic.List[string]]::new()
    $next = $sim.BaseUri + 'v1.0/reports/authenticationMethods/userRegistrationDetails?$top=1000'
    while ($next) {
        try { $page = Invoke-RestMethod -Uri $next -Headers @{ Authorization = 'Bearer bench-harness' } }
        catch { if ($_.Exception.Response.StatusCode -eq 429) { Start-Sleep -Milliseconds ([math]::Max(1, 10000 * $TimeScale)); continue } else { throw } }
        foreach ($user in $page.value) { $ids.Add("$($user.id),$($user.userType)") }
        $next = if ($page.PSObject.Properties['@odata.nextLink']) { $page.'@odata.nextLink' } else { $null }
    }
    $usersFile = Join-Path $work 'users.csv'
    Set-Content -Path $usersFile -Value (@('userId,userType') + $ids)
    $guests = @($ids | Where-Object { $_ -like '*,guest' }).Count
    Write-Host "$($ids.Count) users in the directory ($guests guests)"

    function Read-Verdicts([string] $Path) {
        $map = @{}
        foreach ($row in Import-Csv $Path) { $map[$row.userId] = $row.capable -eq 'true' }
        $map
    }

    function Add-Row($What, $Result, [string] $Note) {
        $rows.Add([pscustomobject]@{
            What = $What; Answered = $Result.Answered; NotCapable = $Result.NotCapable; Requests = $Result.Requests; RoundTrips = $Result.RoundTrips
            Throttled = $Result.Throttled; Seconds = $Result.Seconds; RealSeconds = $Result.Seconds / $TimeScale
            FloorSeconds = [math]::Max(0, $Result.Requests - $Result.Throttled - 5) * 2; PeakMB = $Result.PeakMB; Note = $Note
        })
        $r = $rows[-1]
        Write-Host ("{0}: {1} answered, {2} not capable, {3} requests ({4} round trips, {5} 429s), {6:0.00} s (real time {7}), {8} MB. {9}" -f
            $r.What, $r.Answered, $r.NotCapable, $r.Requests, $r.RoundTrips, $r.Throttled, $r.Seconds, (Format-Duration $r.RealSeconds), $r.PeakMB, $r.Note)
    }

    function Measure-Baseline([int] $K) {
        # Its own process and token (a fresh throttle bucket, as a new app would have); its peak is the console's alone.
        $out = Join-Path $work "baseline.k$K.csv"
        $before = Get-SimStats
        $line = & dotnet $baseline.FullName --graph $sim.BaseUri --users $usersFile --out $out --time-scale $TimeScale.ToString($inv) `
            --concurrency $K --token "bench-baseline-k$K"
        if ($LASTEXITCODE -ne 0) { throw "Baseline (concurrency $K) failed: $line" }
        $after = Get-SimStats
        $a = @{}
        foreach ($pair in (($line | Select-Object -Last 1) -split ' ')) { $key, $value = $pair -split '=', 2; $a[$key] = $value }
        $verdicts = Read-Verdicts $out
        [pscustomobject]@{
            Verdicts = $verdicts; Answered = $verdicts.Count; NotCapable = @($verdicts.Values | Where-Object { -not $_ }).Count
            Requests = $after.graphRequests - $before.graphRequests; RoundTrips = $after.httpRequests - $before.httpRequests
            Throttled = $after.graphThrottled - $before.graphThrottled; Seconds = [double]::Parse($a.seconds, $inv)
            PeakMB = [math]::Round([long]$a.peakBytes / 1MB); Errors = [int]$a.errors; Retries = [int]$a.retries
        }
    }

    $a = Measure-Baseline 1
    Add-Row '(a) Graph SDK: users/{id}/authentication/methods per user, sequential' $a "baseline; $($a.Retries) retries after 429, $($a.Errors) users lost after 3 retries; console process (no pwsh)"
    if ($Concurrency -gt 1) {
        $ap = Measure-Baseline $Concurrency
        Add-Row "(a) the same, $Concurrency at a time (ForEach-Object -Parallel)" $ap "baseline; $($ap.Retries) retries after 429, $($ap.Errors) users lost after 3 retries"
    }

    # (b) in a fresh pwsh with its own token; the clock starts after Connect. Written against the surface
    # Test-MfaEnrollment -All [-AuthenticationStrength] → UserId, UserPrincipalName, IsCapable, Outcome, Excluded.
    $bOut = Join-Path $work 'test-mfaenrollment.csv'
    $file = Join-Path $work 'run.ps1'
    Set-Content $file @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
if (-not (Get-Command Test-MfaEnrollment -Module EntraStrongAuth -ErrorAction SilentlyContinue)) {
    [Console]::Error.WriteLine('Test-MfaEnrollment is missing from the module at $ModuleManifest.')
    exit 3
}
Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'bench-test-mfaenrollment' -AsPlainText -Force) -GraphEndpoint '$($sim.BaseUri)' -MaxRequestsPerWindow 5 -ThrottleWindow '$throttleWindow' | Out-Null
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$all = [System.Collections.Generic.List[object]]::new()
`$notCapable = @(Test-MfaEnrollment -All | ForEach-Object { `$all.Add(`$_); `$_ } | Where-Object { -not `$_.IsCapable })
`$watch.Stop()
`$all | ForEach-Object { '{0},{1},{2}' -f `$_.UserId, "`$(`$_.IsCapable)".ToLowerInvariant(), (`$null -ne `$_.Excluded).ToString().ToLowerInvariant() } |
    ForEach-Object -Begin { 'userId,capable,excluded' } -Process { `$_ } | Set-Content '$bOut'
[Console]::Out.WriteLine(('{0} {1} {2}' -f `$watch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture), `$notCapable.Count, (Get-Process -Id `$PID).PeakWorkingSet64))
"@
    $before = Get-SimStats
    $command = @(Get-FreshPwshCommand)
    $out = & $command[0] @($command | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file 2>&1
    if ($LASTEXITCODE -eq 3) {
        throw "(b) cannot be measured: Test-MfaEnrollment is missing from the module ($ModuleManifest). The baseline's rows are above; docs/benchmarks.md is left as it was."
    }
    if ($LASTEXITCODE -ne 0) { throw "(b) Test-MfaEnrollment failed: $out" }
    $after = Get-SimStats
    $parts = ($out | Select-Object -Last 1) -split ' '
    $bRows = Import-Csv $bOut
    $bVerdicts = @{}
    foreach ($row in $bRows) { $bVerdicts[$row.userId] = $row.capable -eq 'true' }
    $excluded = @($bRows | Where-Object excluded -eq 'true').Count
    $b = [pscustomobject]@{
        Verdicts = $bVerdicts; Answered = $bVerdicts.Count; NotCapable = [int]$parts[1]
        Requests = $after.graphRequests - $before.graphRequests; RoundTrips = $after.httpRequests - $before.httpRequests
        Throttled = $after.graphThrottled - $before.graphThrottled; Seconds = [double]::Parse($parts[0], $inv)
        PeakMB = [math]::Round([long]$parts[2] / 1MB)
    }
    $endpoints = ($after.byEndpoint.PSObject.Properties | ForEach-Object {
            $was = $before.byEndpoint.PSObject.Properties[$_.Name]
            $n = $_.Value - $(if ($was) { $was.Value } else { 0 })
            if ($n -gt 0) { "$($_.Name) $n" } }) -join ', '
    Add-Row '(b) Test-MfaEnrollment -All \| Where-Object { -not $_.IsCapable }' $b "ours; $excluded excluded; requests: $endpoints (Connect's /organization included); fresh pwsh, pwsh itself included"

    # Same answer? Every user on both sides, with the same verdict.
    $onlyA = @($a.Verdicts.Keys | Where-Object { -not $bVerdicts.ContainsKey($_) } | Sort-Object)
    $onlyB = @($bVerdicts.Keys | Where-Object { -not $a.Verdicts.ContainsKey($_) } | Sort-Object)
    $differ = @($a.Verdicts.Keys | Where-Object { $bVerdicts.ContainsKey($_) -and $bVerdicts[$_] -ne $a.Verdicts[$_] } | Sort-Object)
    $missingFromA = @($ids | ForEach-Object { ($_ -split ',')[0] } | Where-Object { -not $a.Verdicts.ContainsKey($_) })
    $missingFromB = @($ids | ForEach-Object { ($_ -split ',')[0] } | Where-Object { -not $bVerdicts.ContainsKey($_) })
    function Format-First($list) { $list = @($list | Where-Object { $null -ne $_ }); if ($list.Count -eq 0) { '' } else { ': ' + (($list | Select-Object -First 10) -join ', ') + $(if ($list.Count -gt 10) { ', …' } else { '' }) } }
    $same = @(
        "| Users of the directory (N) missing from (a) | $($missingFromA.Count)$(Format-First $missingFromA) |",
        "| Users of the directory (N) missing from (b) | $($missingFromB.Count)$(Format-First $missingFromB) |",
        "| Users only (a) answered for | $($onlyA.Count)$(Format-First $onlyA) |",
        "| Users only (b) answered for | $($onlyB.Count)$(Format-First $onlyB) |",
        "| Users whose verdict differs | $($differ.Count)$(Format-First ($differ | ForEach-Object { "$_ (a: $($a.Verdicts[$_]), b: $($bVerdicts[$_]))" })) |")
    $same | Out-Host
}
finally {
    $simPeak = try { Get-SimPeakMB } catch { $null }
    Stop-GraphSimulator $sim
}

# docs/benchmarks.md: this bench's section only.
$cpu = Get-BenchProcessor
$table = $rows | ForEach-Object {
    "| $($_.What) | $($_.Answered) | $($_.NotCapable) | $($_.Requests) | $($_.RoundTrips) | $($_.Throttled) | $($_.Seconds.ToString('0.00', $inv)) | $(Format-Duration $_.RealSeconds) | $(Format-Duration $_.FloorSeconds) | $($_.PeakMB) | $($_.Note) |"
}
$requestRatio = $a.Requests / [math]::Max(1, $b.Requests)
$wallRatio = $a.Seconds / $b.Seconds
$correct = $missingFromB.Count -eq 0 -and $onlyA.Count -eq 0 -and $differ.Count -eq 0
$lines = @(
    '## Which users cannot satisfy the MFA strength (issue 5)', '',
    "Generated by ``./build.ps1 Bench`` (bench/MfaEnrollment.bench.ps1) on $(Get-Date -Format 'yyyy-MM-dd'): $cpu, $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version).",
    "Simulator: tests/GraphSimulator --users $Users --days 1 --activity 1 ($($ids.Count) users in the directory, $guests of them guests; ready in $($simStartup.ToString('0.0', $inv)) s, peak $simPeak MB), " +
    "throttling 5 requests / 10 s per app (a 429 costs a token too), $LatencyMs ms per directory answer (a `$batch once), **time scale $TimeScale** for every contender " +
    "(window $($throttleWindow.TotalSeconds.ToString($inv)) s, latency $(($LatencyMs * $TimeScale).ToString($inv)) ms, fractional Retry-After; the module runs with -ThrottleWindow $throttleWindow, the baseline's retry delays are scaled the same way). " +
    "Real time = seconds ÷ time scale: what the same requests would take against Graph's real limit (an upper bound where CPU time, which does not scale, is a visible part). Throttle floor: the least real time its answered requests need at 5 / 10 s whatever the machine, (requests − 429s − 5) × 2 s. " +
    "Requests: Graph requests as the throttle counts them (inner `$batch requests one by one); round trips: HTTP requests (a `$batch once); both from the simulator's request log (GET /_sim/stats, deltas around each contender), each contender with its own token. " +
    "Seconds: from the first request to the last verdict (ours: after Connect). Peak MB: the process doing the work ((a): the console alone; (b): a fresh pwsh, pwsh itself included, about 120 MB).", '',
    "Baseline (a), bench/EnrollmentBaseline: ``foreach (`$u in `$users) { Get-MgUserAuthenticationMethod -UserId `$u }`` through the Microsoft Graph SDK (v1.0, ``Users[id].Authentication.Methods.GetAsync``; the SDK's retry policy, 3 retries honouring Retry-After, on the scaled clock). " +
    "It is **given the user ids for free** (a real script first pays for ``Get-MgUser -All``), which favours it. Its verdicts use the module's own evaluator (src/Core StrengthEvaluator, the built-in MFA strength) " +
    "with the methods policy read once and its group targets resolved through transitiveMembers, so (a) and (b) are judged by the same rules and differ only in how they retrieve.", '',
    '| What | Users answered | Not capable | Requests | Round trips | 429s | Seconds (scaled) | Real time | Throttle floor | Peak MB | Note |', '|---|---|---|---|---|---|---|---|---|---|---|') + $table + @(
    '', '| Same answer ((a) sequential against (b)) | |', '|---|---|') + $same + @(
    '', '| Target | Measured | Met? |', '|---|---|---|',
    "| ≥ 50× fewer requests | $($a.Requests) / $($b.Requests) = $($requestRatio.ToString('0.0', $inv))× | $(if ($requestRatio -ge 50) { 'yes' } else { 'no' }) |",
    "| ≥ 20× less wall time | $($a.Seconds.ToString('0.00', $inv)) s / $($b.Seconds.ToString('0.00', $inv)) s = $($wallRatio.ToString('0.0', $inv))× | $(if ($wallRatio -ge 20) { 'yes' } else { 'no' }) |",
    "| no user missing or wrong | $(if ($correct) { 'every user (a) answered for is in (b) with the same verdict' } else { 'see the table above' }) | $(if ($correct) { 'yes' } else { 'no' }) |")
Set-BenchmarkSection -Path (Join-Path $root 'docs/benchmarks.md') -Name 'mfa-enrollment' -Lines $lines
$lines | Out-Host
