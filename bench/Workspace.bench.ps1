<#
.SYNOPSIS
    Issue 17: the same analysis from a Log Analytics workspace against pulling it from Graph. One simulator serves one
    generated tenant both ways (Graph at 5 requests / 10 s per app with ~1 s page latency; the Log Analytics query API
    at 200 queries / 30 s with the same per-query latency), every duration scaled by -TimeScale. Over the same window:
    (a) Get-StrongAuthFailure from Graph, (b) Get-StrongAuthFailure -WorkspaceId, (c) Find-HeadlessUserSignIn from
    Graph, (d) Find-HeadlessUserSignIn -WorkspaceId. Rows and bytes returned, requests, wall time (and its real-time
    equivalent), and whether the findings are the same. Writes its section of docs/benchmarks.md.
.PARAMETER TimeScale
    Multiplies every simulated duration (throttle windows, Retry-After, latency); the module's -ThrottleWindow is scaled too.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int] $Users = 20000,
    [int] $Days = 30,
    [double] $Activity = 8,
    [double] $TimeScale = 0.1
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
Import-Module (Join-Path $root 'build/FreshPwsh.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchDocs.psm1')
Import-Module (Join-Path $root 'tests/Pester/Support/GraphSimulator.psm1')
$work = Join-Path $root 'out/bench/workspace'
New-Item -ItemType Directory -Force -Path $work | Out-Null
$inv = [cultureinfo]::InvariantCulture

& dotnet build (Join-Path $root 'tests/GraphSimulator') -c Release --nologo -v quiet | Out-Host

# The generator's data ends 2026-11-23 00:00 UTC (exclusive).
$end = [datetimeoffset]::new(2026, 11, 23, 0, 0, 0, [timespan]::Zero)
$start = $end.AddDays(-$Days)
$workspaceId = '7b0c4f1e-9a2d-4e3b-8c5f-6d1a2b3c4d5e'
$throttleWindow = [timespan]::FromSeconds(10 * $TimeScale)

$started = [Diagnostics.Stopwatch]::StartNew()
$sim = Start-GraphSimulator -Arguments @('--users', "$Users", '--days', "$Days", '--activity', $Activity.ToString($inv), '--throttle', '5/10s',
    '--latency-ms', '1000', '--time-scale', $TimeScale.ToString($inv), '--retry-after', 'fractional', '--workspace-id', $workspaceId, '--la-preload')
$rows = [System.Collections.Generic.List[object]]::new()
$same = [ordered]@{}
try {
    $tenantSize = ($sim.Process.StandardError.ReadLine() -split ';')[0]
    Write-Host "Simulator at $($sim.BaseUri) in $([math]::Round($started.Elapsed.TotalSeconds)) s: $tenantSize"
    function Get-SimStats { Invoke-RestMethod -Uri ($sim.BaseUri + '_sim/stats') }
    $tokenNumber = 0

    function Measure-Contender([string] $Body, [string] $Out) {
        # A fresh pwsh with its own tokens (its own throttle buckets); the clock starts after Connect.
        $script:tokenNumber++
        $file = Join-Path $work 'run.ps1'
        Set-Content $file @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
Connect-EntraStrongAuth -AccessToken (ConvertTo-SecureString 'bench-$($script:tokenNumber)' -AsPlainText -Force) -GraphEndpoint '$($sim.BaseUri)' -LogAnalyticsEndpoint '$($sim.BaseUri)' -LogAnalyticsAccessToken (ConvertTo-SecureString 'bench-la-$($script:tokenNumber)' -AsPlainText -Force) -MaxRequestsPerWindow 5 -ThrottleWindow '$throttleWindow' | Out-Null
`$start = [datetimeoffset]::Parse('$($start.ToString('o'))', [cultureinfo]::InvariantCulture).UtcDateTime
`$end = [datetimeoffset]::Parse('$($end.ToString('o'))', [cultureinfo]::InvariantCulture).UtcDateTime
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$found = @($Body)
`$watch.Stop()
`$found | ForEach-Object { `$_.BenchKey } | Sort-Object | Set-Content '$Out'
[Console]::Out.WriteLine(('{0} {1} {2}' -f `$watch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture), `$found.Count, (Get-Process -Id `$PID).PeakWorkingSet64))
"@
        $before = Get-SimStats
        $command = @(Get-FreshPwshCommand)
        $output = & $command[0] @($command | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file
        if ($LASTEXITCODE -ne 0) { throw "Contender failed: $output" }
        $after = Get-SimStats
        $parts = ($output | Select-Object -Last 1) -split ' '
        [pscustomobject]@{
            Seconds = [double]::Parse($parts[0], $inv); Findings = [long]$parts[1]; PeakMB = [math]::Round([long]$parts[2] / 1MB)
            GraphRequests = $after.signInsRequests - $before.signInsRequests; GraphRows = $after.records - $before.records; GraphBytes = $after.signInsBytes - $before.signInsBytes
            Throttled = ($after.throttled - $before.throttled) + ($after.laThrottled - $before.laThrottled)
            Queries = $after.laQueries - $before.laQueries; QueryRows = $after.laRows - $before.laRows; QueryBytes = $after.laBytes - $before.laBytes
        }
    }

    function Add-Row([string] $What, $Result, [bool] $Workspace) {
        $rows.Add([pscustomobject]@{
            What = $What
            Requests = if ($Workspace) { $Result.Queries } else { $Result.GraphRequests }
            Rows = if ($Workspace) { $Result.QueryRows } else { $Result.GraphRows }
            Bytes = if ($Workspace) { $Result.QueryBytes } else { $Result.GraphBytes }
            Throttled = $Result.Throttled; Seconds = $Result.Seconds; RealTime = $Result.Seconds / $TimeScale
            Findings = $Result.Findings; PeakMB = $Result.PeakMB
        })
        $rows[-1] | Format-Table -AutoSize | Out-Host
    }

    $failureKey = 'ForEach-Object { $_ | Add-Member -NotePropertyName BenchKey -NotePropertyValue ("{0}|{1}|{2}|{3}|{4}" -f $_.SignIn.Id, $_.ErrorCode, $_.Cause, $_.Confidence, $_.Resolution) -PassThru }'
    $headlessKey = 'ForEach-Object { $_ | Add-Member -NotePropertyName BenchKey -NotePropertyValue ("{0}|{1}|{2}" -f $_.UserPrincipalName, $_.Score, $_.Verdict) -PassThru }'
    $files = @{ A = Join-Path $work 'failures.graph.txt'; B = Join-Path $work 'failures.workspace.txt'; C = Join-Path $work 'headless.graph.txt'; D = Join-Path $work 'headless.workspace.txt' }

    $b = Measure-Contender "Get-StrongAuthFailure -WorkspaceId '$workspaceId' -StartTime `$start -EndTime `$end -WarningAction SilentlyContinue | $failureKey" $files.B
    Add-Row '(b) Get-StrongAuthFailure -WorkspaceId' $b $true
    $a = Measure-Contender "Get-StrongAuthFailure -StartTime `$start -EndTime `$end -WarningAction SilentlyContinue | $failureKey" $files.A
    Add-Row '(a) Get-StrongAuthFailure from Graph' $a $false
    $d = Measure-Contender "Find-HeadlessUserSignIn -WorkspaceId '$workspaceId' -StartTime `$start -EndTime `$end -WarningAction SilentlyContinue | $headlessKey" $files.D
    Add-Row '(d) Find-HeadlessUserSignIn -WorkspaceId' $d $true
    $c = Measure-Contender "Find-HeadlessUserSignIn -StartTime `$start -EndTime `$end -WarningAction SilentlyContinue | $headlessKey" $files.C
    Add-Row '(c) Find-HeadlessUserSignIn from Graph' $c $false

    foreach ($pair in @(@('failures', $files.A, $files.B), @('headless accounts', $files.C, $files.D))) {
        $graph = @(Get-Content $pair[1]); $workspace = @(Get-Content $pair[2])
        $difference = @(Compare-Object $graph $workspace)
        $same[$pair[0]] = "$($graph.Count) from Graph, $($workspace.Count) from the workspace: " + $(if ($difference.Count -eq 0) { 'identical' } else { "$($difference.Count) differ" })
        Write-Host "$($pair[0]): $($same[$pair[0]])"
    }
    $stats = Get-SimStats
}
finally {
    Stop-GraphSimulator $sim
}

# Pulling the whole window from Graph: every sign-in of the window at the bytes per record Graph served above.
$perRecord = $a.GraphBytes / [math]::Max(1, $a.GraphRows)
$windowRows = [long](($tenantSize -replace '[^\d]', ' ').Trim() -split '\s+' | Select-Object -First 1)
$cpu = Get-BenchProcessor
$table = $rows | ForEach-Object {
    "| $($_.What) | $($_.Requests) | $($_.Rows.ToString('N0', $inv)) | $(($_.Bytes / 1MB).ToString('0.00', $inv)) | $($_.Throttled) | $($_.Seconds.ToString('0.0', $inv)) | $($_.RealTime.ToString('0', $inv)) | $($_.Findings) | $($_.PeakMB) |"
}
function Ratio($x, $y) { if ($y -le 0) { 'n/a' } else { ($x / $y).ToString('0', $inv) + '×' } }
$lines = @(
    '## Workspace against Graph (issue 17)', '',
    "Generated by ``./build.ps1 Bench -Bench Workspace`` (bench/Workspace.bench.ps1) on $(Get-Date -Format 'yyyy-MM-dd'): $cpu, $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version).",
    "One simulator (tests/GraphSimulator --users $Users --days $Days --activity ${Activity}: $tenantSize) serves the tenant both ways: Graph at 5 requests / 10 s per app, the Log Analytics query API at 200 queries / 30 s per user, both with 1 s latency per request, **time scale $TimeScale** (Real s = Seconds / $TimeScale, the wall time at the services' own pace). " +
    "Window: $($start.ToString('yyyy-MM-dd')) to $($end.ToString('yyyy-MM-dd')) ($Days days), interactive and non-interactive user sign-ins. Rows and bytes: what the service sent (Graph: sign-in records in its JSON pages; workspace: result rows in the query API's JSON, uncompressed on both sides), from the simulator's request log.", '',
    '| What | Requests | Rows | MB | 429s | Seconds | Real s | Findings | Peak MB |', '|---|---|---|---|---|---|---|---|---|') + $table + @('',
    "Same answer: failures (sign-in id, code, cause, confidence, resolution) $($same['failures']); headless accounts (account, score, verdict) $($same['headless accounts']).", '',
    '| Goal: ≥ 100× fewer bytes, same answer | Graph | Workspace | Ratio |', '|---|---|---|---|',
    "| Failure analysis, against the module's own Graph path (failures, then the affected users' successes) | $(($a.GraphBytes / 1MB).ToString('0.0', $inv)) MB | $(($b.QueryBytes / 1MB).ToString('0.00', $inv)) MB | $(Ratio $a.GraphBytes $b.QueryBytes) |",
    "| Failure analysis, against pulling the window's $($windowRows.ToString('N0', $inv)) sign-ins from Graph ($([math]::Round($perRecord)) bytes each, as served above) | $(($windowRows * $perRecord / 1MB).ToString('0', $inv)) MB | $(($b.QueryBytes / 1MB).ToString('0.00', $inv)) MB | $(Ratio ($windowRows * $perRecord) $b.QueryBytes) |",
    "| Headless scoring, against the module's own Graph path (candidates, then their whole history) | $(($c.GraphBytes / 1MB).ToString('0.0', $inv)) MB | $(($d.QueryBytes / 1MB).ToString('0.00', $inv)) MB | $(Ratio $c.GraphBytes $d.QueryBytes) |",
    "| Headless scoring, against pulling the window from Graph | $(($windowRows * $perRecord / 1MB).ToString('0', $inv)) MB | $(($d.QueryBytes / 1MB).ToString('0.00', $inv)) MB | $(Ratio ($windowRows * $perRecord) $d.QueryBytes) |")
Set-BenchmarkSection -Path (Join-Path $root 'docs/benchmarks.md') -Name 'workspace' -Lines $lines
$lines | Out-Host
