<#
.SYNOPSIS
    Live retrieval from Graph, against the Graph simulator throttling at 5 requests / 10 s per app with ~1 s page
    latency, all durations scaled by -TimeScale for every contender. One run compares, over the same window:
    (a) what Get-MgBetaAuditLogSignIn -All does (bench/GraphSdkBaseline: Microsoft Graph SDK, sequential $top=100
        pages, Kiota models, all held in a list), and (a)-then-filter to the strong-auth codes;
    (b) Get-SignInLog piped to a counter (at half and full window, for peak memory), and with -OutFile;
    (c) Get-StrongAuthFailure live, checked against Get-StrongAuthFailure -Path on (a)'s own records.
    Writes its section of docs/benchmarks.md.
.PARAMETER TimeScale
    Multiplies every simulated duration (throttle window, Retry-After, page latency, skip-token lifetime); the module's
    -ThrottleWindow is scaled by the same factor, and the baseline's retry delays too. 0.1: a 10 s window lasts 1 s.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int] $Users = 1200,
    [double] $Activity = 110,
    [double] $TimeScale = 0.1,
    [int] $Repeat = 3,
    [switch] $SkipBaseline
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
Import-Module (Join-Path $root 'build/FreshPwsh.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchDocs.psm1')
Import-Module (Join-Path $root 'tests/Pester/Support/GraphSimulator.psm1')
$work = Join-Path $root 'out/bench/live'
New-Item -ItemType Directory -Force -Path $work | Out-Null
$inv = [cultureinfo]::InvariantCulture

& dotnet build (Join-Path $root 'tests/GraphSimulator') -c Release --nologo -v quiet | Out-Host
& dotnet build (Join-Path $PSScriptRoot 'GraphSdkBaseline') -c Release --nologo -v quiet | Out-Host
$baseline = Get-ChildItem (Join-Path $PSScriptRoot 'GraphSdkBaseline/bin/Release') -Recurse -Filter 'GraphSdkBaseline.dll' | Select-Object -First 1

# The generator's default window ends 2026-11-23 (exclusive); 7 days of it.
$end = [datetimeoffset]::new(2026, 11, 23, 0, 0, 0, [timespan]::Zero)
$start = $end.AddDays(-7)
$half = $end.AddDays(-3.5)
$throttleWindow = [timespan]::FromSeconds(10 * $TimeScale)
# The ceiling: every request allowed by the throttle returns a full page of 1000.
$ceiling = 5 * 1000 / $throttleWindow.TotalSeconds

$sim = Start-GraphSimulator -Arguments @('--users', "$Users", '--days', '7', '--activity', $Activity.ToString($inv), '--throttle', '5/10s',
    '--latency-ms', '1000', '--time-scale', $TimeScale.ToString($inv), '--retry-after', 'fractional')
$rows = [System.Collections.Generic.List[object]]::new()
try {
    $tenantSize = ($sim.Process.StandardError.ReadLine() -split ';')[0]
    Write-Host "Simulator at $($sim.BaseUri): $tenantSize"
    function Get-SimStats { Invoke-RestMethod -Uri ($sim.BaseUri + '_sim/stats') }

    $codes = & (Get-FreshPwshCommand)[0] @((Get-FreshPwshCommand) | Select-Object -Skip 1) -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; [EntraStrongAuth.Core.Classification.StrongAuthAnalyzerOptions]::DefaultErrorCodes([EntraStrongAuth.Core.Aadsts.AadstsCatalog]::BuiltIn) -join ','"
    $tokenNumber = 0

    function Measure-Live([datetimeoffset] $From, [string] $Body) {
        # One contender in a fresh pwsh, with its own token (its own throttle bucket, as a fresh app would have);
        # the clock starts after Connect. $Body sets $records (and may stop $watch itself before saving output).
        $script:tokenNumber++
        $file = Join-Path $work 'run.ps1'
        Set-Content $file @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'bench-$($script:tokenNumber)' -AsPlainText -Force) -GraphEndpoint '$($sim.BaseUri)' -MaxRequestsPerWindow 5 -ThrottleWindow '$throttleWindow' | Out-Null
`$start = [datetimeoffset]::Parse('$($From.ToString('o'))', [cultureinfo]::InvariantCulture).UtcDateTime
`$end = [datetimeoffset]::Parse('$($end.ToString('o'))', [cultureinfo]::InvariantCulture).UtcDateTime
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$records = 0
$Body
`$watch.Stop()
[Console]::Out.WriteLine(('{0} {1} {2}' -f `$watch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture), `$records, (Get-Process -Id `$PID).PeakWorkingSet64))
"@
        $before = Get-SimStats
        $command = @(Get-FreshPwshCommand)
        $out = & $command[0] @($command | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file
        if ($LASTEXITCODE -ne 0) { throw "Contender failed: $out" }
        $after = Get-SimStats
        $parts = ($out | Select-Object -Last 1) -split ' '
        [pscustomobject]@{
            Seconds = [double]::Parse($parts[0], $inv); Records = [long]$parts[1]; PeakMB = [math]::Round([long]$parts[2] / 1MB)
            Requests = $after.signInsRequests - $before.signInsRequests; Throttled = $after.throttled - $before.throttled; Served = $after.records - $before.records
        }
    }

    function Add-Row($what, [double] $days, $result, [string] $note) {
        $rate = $result.Records / $result.Seconds
        $rows.Add([pscustomobject]@{
            What = $what; Days = $days; Records = $result.Records; Requests = $result.Requests; Throttled = $result.Throttled
            Seconds = [math]::Round($result.Seconds, 2); PerSecond = [math]::Round($rate); Share = 100 * $rate / $ceiling
            PeakMB = $result.PeakMB; Note = $note
        })
        $rows[-1] | Format-Table -AutoSize | Out-Host
    }

    # (b) Get-SignInLog: half and full window (is peak memory flat?), the full one repeated for a median; then -OutFile.
    $count = '$records = (Get-SignInLog -StartTime $start -EndTime $end | Measure-Object).Count'
    $b35 = Measure-Live $half $count
    Add-Row '(b) Get-SignInLog \| Measure-Object' 3.5 $b35 'ours'
    $b7runs = @(1..$Repeat | ForEach-Object { Measure-Live $start $count })
    $b7 = @($b7runs | Sort-Object Seconds)[[int][math]::Floor(($Repeat - 1) / 2)]
    Add-Row '(b) Get-SignInLog \| Measure-Object' 7 $b7 "ours; median of $Repeat ($(($b7runs | ForEach-Object { $_.Seconds.ToString('0.00', $inv) }) -join ', ') s; peaks $(($b7runs.PeakMB) -join ', ') MB)"
    $ndjson = Join-Path $work 'signins.ndjson'
    $bFile = Measure-Live $start "`$records = (Get-SignInLog -StartTime `$start -EndTime `$end -OutFile '$ndjson' -Force).Records"
    Add-Row '(b) Get-SignInLog -OutFile (NDJSON)' 7 $bFile 'ours, streamed to disk'

    # (c) Get-StrongAuthFailure live; its findings are saved (after the clock stops) to compare with the offline path.
    $findingKey = '{ "{0}|{1}|{2}|{3}" -f $_.SignInId, $_.Error, $_.Cause, $_.Resolution }'
    $liveFindings = Join-Path $work 'findings.live.txt'
    $c = Measure-Live $start ("`$found = @(Get-StrongAuthFailure -StartTime `$start -EndTime `$end); `$records = `$found.Count; `$watch.Stop(); " +
        "`$found | ForEach-Object $findingKey | Sort-Object | Set-Content '$liveFindings'")
    $cFindings = $c.Records
    # Its records are the sign-ins it downloaded (failures with the codes, then the affected users' successes).
    $c.Records = $c.Served
    Add-Row '(c) Get-StrongAuthFailure (live)' 7 $c "ours: $cFindings findings from the $($c.Served) sign-ins it read (failures with the codes pushed down, then the affected users' successes)"

    $a = $null
    if (-not $SkipBaseline) {
        # (a) the Graph SDK baseline, in its own process (its peak is its own: no pwsh in it).
        $aJson = Join-Path $work 'baseline.graph.json'
        $before = Get-SimStats
        $line = & dotnet $baseline.FullName --graph $sim.BaseUri --start $start.ToString('o') --end $end.ToString('o') --codes $codes `
            --time-scale $TimeScale.ToString($inv) --token 'bench-baseline' --out $aJson
        if ($LASTEXITCODE -ne 0) { throw "Baseline failed: $line" }
        $after = Get-SimStats
        $a = @{}
        foreach ($pair in (($line | Select-Object -Last 1) -split ' ')) { $k, $v = $pair -split '=', 2; $a[$k] = $v }
        $aBase = @{ Records = [long]$a.records; Requests = $after.signInsRequests - $before.signInsRequests; Throttled = $after.throttled - $before.throttled; PeakMB = [math]::Round([long]$a.peakBytes / 1MB) }
        Add-Row '(a) Graph SDK $top=100 pages, all into a List' 7 ([pscustomobject]($aBase + @{ Seconds = [double]::Parse($a.seconds, $inv) })) "baseline; Kiota models (console process, no pwsh); $($a.retries) retries after 429"
        $aFiltered = [pscustomobject]($aBase + @{ Seconds = [double]::Parse($a.filteredSeconds, $inv) })
        Add-Row '(a)-then-filter to the strong-auth codes' 7 $aFiltered "baseline: $($a.failures) failures with the codes (records/s: of all records read)"

        # Same answer? (a)'s own records, classified offline, against (c)'s findings.
        $offlineFindings = Join-Path $work 'findings.offline.txt'
        $command = @(Get-FreshPwshCommand)
        & $command[0] @($command | Select-Object -Skip 1) -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; Get-StrongAuthFailure -Path '$aJson' | ForEach-Object $findingKey | Sort-Object | Set-Content '$offlineFindings'"
        $difference = @(Compare-Object (Get-Content $liveFindings) (Get-Content $offlineFindings))
        $same = "(c) found $cFindings findings; Get-StrongAuthFailure -Path on (a)'s records found $(@(Get-Content $offlineFindings).Count); " +
            $(if ($difference.Count -eq 0) { 'identical (sign-in id, error, cause, resolution).' } else { "$($difference.Count) differ." })
        Write-Host $same
    }
}
finally {
    Stop-GraphSimulator $sim
}

# docs/benchmarks.md: this bench's section only.
$cpu = Get-BenchProcessor
$table = $rows | ForEach-Object {
    "| $($_.What) | $($_.Days) | $($_.Records) | $($_.Requests) | $($_.Throttled) | $($_.Seconds.ToString('0.00', $inv)) | $($_.PerSecond) | $($_.Share.ToString('0.0', $inv)) % | $($_.PeakMB) | $($_.Note) |"
}
$lines = @(
    '## Live retrieval (issue 4)', '',
    "Generated by ``./build.ps1 Bench`` (bench/LiveRetrieval.bench.ps1) on $(Get-Date -Format 'yyyy-MM-dd'): $cpu, $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version).",
    "Simulator: tests/GraphSimulator --users $Users --days 7 --activity $Activity ($tenantSize), throttling 5 requests / 10 s per app, 1 s page latency, " +
    "**time scale $TimeScale** for every contender (window $($throttleWindow.TotalSeconds.ToString($inv)) s, latency $((1000 * $TimeScale).ToString($inv)) ms, fractional Retry-After; the module runs with -ThrottleWindow $throttleWindow, the baseline's retry delays are scaled the same way). " +
    "Window: $($start.ToString('yyyy-MM-dd')) to $($end.ToString('yyyy-MM-dd')) (7 days; 3.5 days = the newer half), interactive and non-interactive user sign-ins. " +
    "Ceiling = 5 requests per window × 1000 records = $ceiling records/s. Seconds: from after Connect to the last record (the baseline: first request to last record). " +
    "Peak MB: the peak resident memory of the process doing the work (ours: a fresh pwsh, pwsh itself included, about 120 MB; (a): the console alone). Requests and 429s: the simulator's request log (GET /_sim/stats).", '',
    '| What | Days | Records | Requests | 429s | Seconds | Records/s | Share of ceiling | Peak MB | Note |', '|---|---|---|---|---|---|---|---|---|---|') + $table
if ($a) {
    $speedup = $aFiltered.Seconds / $c.Seconds
    $share = $b7.Records / $b7.Seconds / $ceiling
    $b7Peak = ($b7runs.PeakMB | Measure-Object -Maximum).Maximum
    $lines += @('', "Same answer: $same", '',
        '| Target | Measured | Met? |', '|---|---|---|',
        "| (b) ≥ 90 % of the throttle ceiling | $((100 * $share).ToString('0.0', $inv)) % (median of $Repeat, 7 days) | $(if ($share -ge 0.9) { 'yes' } else { 'no' }) |",
        "| (b) peak memory flat in window size (within 15 %) | $($b35.PeakMB) MB at 3.5 days ($($b35.Records) records), at most $($b7Peak) MB at 7 days ($($b7.Records) records, highest of $Repeat runs) | $(if ($b7Peak -le 1.15 * $b35.PeakMB) { 'yes' } else { 'no' }) |",
        "| (c) ≥ 10× faster than (a)-then-filter, same answer | $($aFiltered.Seconds.ToString('0.0', $inv)) s / $($c.Seconds.ToString('0.0', $inv)) s = $($speedup.ToString('0.0', $inv))×; $(if ($difference.Count -eq 0) { 'same findings' } else { 'findings differ' }) | $(if ($speedup -ge 10 -and $difference.Count -eq 0) { 'yes' } else { 'no' }) |")
}
Set-BenchmarkSection -Path (Join-Path $root 'docs/benchmarks.md') -Name 'live-retrieval' -Lines $lines
$lines | Out-Host
