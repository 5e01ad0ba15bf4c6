<#
.SYNOPSIS
    Issue 19: Export-StrongAuthReport -SignInPath at about 100,000 strong-auth failures, against the two commands whose
    analyses it runs from one read of the file: (a) Get-StrongAuthFailure -IncludeBenign -Summary and
    (b) Find-HeadlessUserSignIn on the same file. Each run is a fresh pwsh; wall seconds (median of -Passes) and peak
    resident memory (VmHWM), the page's size per 1,000 failures and the failures CSV beside it. Writes its section of
    docs/benchmarks.md. Goals: (c) / ((a) + (b)) at most 1.0 (one read instead of two), the page under 1 MB.
.PARAMETER SizeMB
    Size of the generated Graph JSON file. With the defaults (50,000 users, --activity 1) 2100 MB holds 99,862
    failures, benign interrupts included (about 48 per MB), over 31 days.
.PARAMETER Users
    Users in the generated tenant. Many users keep the window near a month: with the 2,000 users of --target-bytes
    mode and --activity 1, 1200 MB held 52,574 failures over 42 days, so 100,000 would span about three months.
.PARAMETER Activity
    The generator's successful-activity factor: 1 (a thinned tenant, where more sign-ins fail) reaches 100,000
    failures in about half the bytes of 8 (the realistic share of successes: 22 failures per MB on a 100 MB file,
    against 46 with 1), which would need 4 to 5 GB.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int] $SizeMB = 2100,
    [int] $Users = 50000,
    [double] $Activity = 1,
    [int] $Passes = 3
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
Import-Module (Join-Path $root 'build/FreshPwsh.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchDocs.psm1')
$folder = Join-Path $root "out/bench/report-$SizeMB"
New-Item -ItemType Directory -Force -Path $folder | Out-Null

$generator = Get-SignInGenerator -Root $root
$file = Join-Path $folder 'signins.graph.json'
$activityText = $Activity.ToString([cultureinfo]::InvariantCulture)
$generated = "tools/SignInGenerator --seed 7 --users $Users --activity $activityText --target-bytes ${SizeMB}M"
Write-Host "Input: $generated. At the defaults (2100 MB, 50,000 users, --activity 1) that is 99,862 failures over 31 days: the issue's 100,000 in a month of a large tenant, in about half the bytes the realistic --activity 8 would need (4 to 5 GB)."
if (-not (Test-Path $file)) {
    & dotnet $generator.FullName --seed 7 --formats graph-json --users $Users --activity $activityText --target-bytes ($SizeMB * 1MB) --out $folder | Out-Host
}
$report = Join-Path $folder 'report.html'

function Measure-InFreshPwsh([string] $command) {
    # One run in a new process, timed from after the module import; the peak resident memory is the process's own
    # high-water mark (VmHWM), pwsh itself included.
    $script = Join-Path $folder 'run.ps1'
    Set-Content $script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$null = $command
`$watch.Stop()
`$peakKB = [long](((Get-Content /proc/self/status | Select-String VmHWM).Line -split '\s+')[1])
[Console]::Out.WriteLine(('{0} {1}' -f `$watch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture), `$peakKB))
"@
    $pwsh = @(Get-FreshPwshCommand)
    $out = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $script
    if ($LASTEXITCODE -ne 0) { throw "Run failed ($LASTEXITCODE): $command`n$($out -join "`n")" }
    $parts = ($out | Select-Object -Last 1) -split ' '
    [pscustomobject]@{ Seconds = [double]::Parse($parts[0], [cultureinfo]::InvariantCulture); PeakMB = [math]::Round([long]$parts[1] / 1KB) }
}


# The three contenders take turns pass by pass, so a burst of load on the shared machine hits each of them alike.
$contenders = [ordered]@{
    a = "Get-StrongAuthFailure -Path '$file' -IncludeBenign -Summary"
    b = "Find-HeadlessUserSignIn -Path '$file'"
    c = "Export-StrongAuthReport -Path '$report' -SignInPath '$file' -Force"
}
$runs = @{ a = @(); b = @(); c = @() }
foreach ($pass in 1..$Passes) {
    foreach ($key in $contenders.Keys) {
        $run = Measure-InFreshPwsh $contenders[$key]
        $runs[$key] += $run
        Write-Host ('pass {0} ({1}): {2:F2} s, peak {3} MB' -f $pass, $key, $run.Seconds, $run.PeakMB)
    }
}
$result = @{}
foreach ($key in $contenders.Keys) {
    $all = @($runs[$key])
    $result[$key] = [pscustomobject]@{
        Seconds = Get-Median @($all | ForEach-Object Seconds)
        Spread = '{0:F1}-{1:F1}' -f ($all.Seconds | Measure-Object -Minimum).Minimum, ($all.Seconds | Measure-Object -Maximum).Maximum
        PeakMB = ($all.PeakMB | Measure-Object -Maximum).Maximum
    }
}

$html = Get-Content -Raw $report
$failures = if ($html -match '<dd data-metric="total">([\d,]+)') { [long]($Matches[1] -replace ',', '') } else { throw 'The report has no headline total.' }
$htmlKB = (Get-Item $report).Length / 1KB
$csv = Join-Path $folder 'report.failures.csv'
$csvMB = if (Test-Path $csv) { (Get-Item $csv).Length / 1MB } else { 0 }
$perThousand = $htmlKB / ($failures / 1000)
$oneRead = $result.c.Seconds / ($result.a.Seconds + $result.b.Seconds)
$againstFailures = $result.c.Seconds / $result.a.Seconds
$sizeMB = (Get-Item $file).Length / 1MB

function Get-Verdict([bool] $met, [string] $goal, [string] $missed) { if ($met) { "met ($goal)" } else { "**missed** ($goal): $missed" } }
$readVerdict = Get-Verdict ($oneRead -le 1.0) 'at most 1.0' 'the report costs more than running both commands, each with its own read of the file'
$pageVerdict = Get-Verdict ($htmlKB -lt 1024) 'under 1 MB at 100,000 failures' 'the page grows with the failures'
$load = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3
$cpu = Get-BenchProcessor
$row = { param($name, $what, $r) '| {0} | `{1}` | {2:F1} | {3} | {4} |' -f $name, $what, $r.Seconds, $r.Spread, $r.PeakMB }
$lines = @(
    '## Export-StrongAuthReport at 100,000 failures (issue 19)', '',
    "Generated by ``./build.ps1 Bench -Bench Report`` (bench/Report.bench.ps1) on $(Get-Date -Format 'yyyy-MM-dd'): $cpu, $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version); load average at the end $($load -join ', ') (the cores are shared with other work, so single runs vary).",
    "Input: $generated, $([math]::Round($sizeMB)) MB of Graph JSON holding $('{0:N0}' -f $failures) strong-auth failures (benign interrupts included; $('{0:N0}' -f ($failures / $sizeMB)) per MB). ``--activity 1`` (a thinned tenant, more sign-ins fail) reaches 100,000 failures in about half the bytes the realistic share of successes (``--activity 8``, 4 to 5 GB) would need; with more successes per failure the read weighs more in every run, and reading once saves more. Each run is a fresh pwsh, timed from after the module import, the three taking turns; seconds are the median of $Passes passes (min-max beside it); peak MB is the process's VmHWM, pwsh included.", '',
    '| | Command | Seconds | Min-max | Peak MB |', '|---|---|---|---|---|',
    (& $row '(a)' 'Get-StrongAuthFailure -Path f -IncludeBenign -Summary' $result.a),
    (& $row '(b)' 'Find-HeadlessUserSignIn -Path f' $result.b),
    (& $row '(c)' 'Export-StrongAuthReport -Path r.html -SignInPath f -Force' $result.c), '',
    '| Measure | Value | Goal |', '|---|---|---|',
    ('| (c) / ((a) + (b)) | {0:F2} | {1} |' -f $oneRead, $readVerdict),
    ('| (c) / (a) | {0:F2} | none: the failure analysis alone, for scale |' -f $againstFailures),
    ('| Page (report.html) | {0:N0} KB, {1:F1} KB per 1,000 failures | {2} |' -f $htmlKB, $perThousand, $pageVerdict),
    ('| Every failure (report.failures.csv, beside it) | {0:N1} MB | none: the full list the page links |' -f $csvMB))
Set-BenchmarkSection -Path (Join-Path $root 'docs/benchmarks.md') -Name 'report' -Lines $lines
$lines | Out-Host
