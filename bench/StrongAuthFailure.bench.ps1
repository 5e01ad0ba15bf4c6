<#
.SYNOPSIS
    Get-StrongAuthFailure -Path throughput and peak memory on large generated sign-in logs, against two baselines run
    in the same session: (a) the PowerShell pipelines admins write today (ConvertFrom-Json / Import-Csv + Where-Object),
    (b) a bare Utf8JsonReader pass over the same file (the ceiling). Writes docs/benchmarks.md.
.PARAMETER SizesMB
    Sizes of the Graph JSON files to measure ours on (the CSV of the same sign-ins is measured too).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [int[]] $SizesMB = @(1024, 4096),
    [int] $BaselineSizeMB = 64,
    [int] $Repeat = 3
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
Import-Module (Join-Path $root 'build/FreshPwsh.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchDocs.psm1')
$work = Join-Path $root 'out/bench'
New-Item -ItemType Directory -Force -Path $work | Out-Null

& dotnet build (Join-Path $PSScriptRoot 'JsonCeiling') -c Release --nologo -v quiet | Out-Host
$generator = Get-SignInGenerator -Root $root
$ceiling = Get-ChildItem (Join-Path $PSScriptRoot 'JsonCeiling/bin/Release') -Recurse -Filter 'JsonCeiling.dll' | Select-Object -First 1

function New-Input([int] $megabytes) {
    $folder = Join-Path $work "$megabytes"
    if (-not (Test-Path (Join-Path $folder 'signins.graph.json'))) {
        & dotnet $generator.FullName --seed 7 --formats graph-json,admin-csv --target-bytes ($megabytes * 1MB) --out $folder | Out-Host
    }
    [pscustomobject]@{ Json = Join-Path $folder 'signins.graph.json'; Csv = Join-Path $folder 'signins.admin.csv' }
}

function Measure-InFreshPwsh([string] $script) {
    # One single-threaded run in a new process; reports seconds and the process's peak resident memory.
    $file = Join-Path $work 'run.ps1'
    Set-Content $file @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
`$watch = [Diagnostics.Stopwatch]::StartNew()
$script
`$watch.Stop()
[Console]::Out.WriteLine(('{0} {1}' -f `$watch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture), (Get-Process -Id `$PID).PeakWorkingSet64))
"@
    $command = @(Get-FreshPwshCommand)
    $out = & $command[0] @($command | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file
    $parts = ($out | Select-Object -Last 1) -split ' '
    [pscustomobject]@{ Seconds = [double]::Parse($parts[0], [cultureinfo]::InvariantCulture); PeakMB = [math]::Round([long]$parts[1] / 1MB) }
}


function Measure-Median([string] $script, [int] $times) {
    $runs = @(1..$times | ForEach-Object { Measure-InFreshPwsh $script })
    [pscustomobject]@{ Seconds = Get-Median ($runs.Seconds); PeakMB = ($runs.PeakMB | Measure-Object -Maximum).Maximum }
}

$codes = '50074, 50076, 50079, 50072, 50078, 70043, 70044, 500121, 50158'
$rows = [System.Collections.Generic.List[object]]::new()
function Add-Row($what, $file, $result, $note) {
    $mb = (Get-Item $file).Length / 1MB
    $rows.Add([pscustomobject]@{ What = $what; SizeMB = [math]::Round($mb); Seconds = [math]::Round($result.Seconds, 2); MBps = [math]::Round($mb / $result.Seconds, 1); PeakMB = $result.PeakMB; Note = $note })
    $rows[-1] | Format-Table -AutoSize | Out-Host
}

# Baselines at a size the PowerShell pipelines can hold in memory.
$small = New-Input $BaselineSizeMB
Add-Row 'ConvertFrom-Json | Where-Object' $small.Json (Measure-Median "`$null = Get-Content -Raw '$($small.Json)' | ConvertFrom-Json | Where-Object { `$_.status.errorCode -in $codes }" 1) 'baseline (a), JSON'
# The admin center CSV repeats a column name, which Import-Csv refuses; name the columns by position instead.
$codeColumn = 1 + [array]::IndexOf(@((Get-Content $small.Csv -TotalCount 1) -split '","' | ForEach-Object { $_.Trim('"', ' ') }), 'Sign-in error code')
Add-Row 'Import-Csv | Where-Object' $small.Csv (Measure-Median "`$null = Import-Csv '$($small.Csv)' -Header (1..80 | ForEach-Object { ""c`$_"" }) | Select-Object -Skip 1 | Where-Object { `$_.c$codeColumn -in $codes }" 1) 'baseline (a), CSV (columns by position)'
Add-Row 'Get-StrongAuthFailure -Path (JSON)' $small.Json (Measure-Median "`$null = Get-StrongAuthFailure -Path '$($small.Json)'" $Repeat) 'ours, same file as (a)'
Add-Row 'Get-StrongAuthFailure -Path (CSV)' $small.Csv (Measure-Median "`$null = Get-StrongAuthFailure -Path '$($small.Csv)'" $Repeat) 'ours, same file as (a)'

foreach ($size in $SizesMB) {
    $data = New-Input $size
    $ceilingRuns = @(1..$Repeat | ForEach-Object { $parts = (& dotnet $ceiling.FullName $data.Json) -split ' '; [double]::Parse($parts[1], [cultureinfo]::InvariantCulture) })
    Add-Row 'Utf8JsonReader bare pass' $data.Json ([pscustomobject]@{ Seconds = Get-Median $ceilingRuns; PeakMB = 'n/a' }) 'ceiling (b)'
    Add-Row 'Get-StrongAuthFailure -Path (JSON)' $data.Json (Measure-Median "`$null = Get-StrongAuthFailure -Path '$($data.Json)'" $Repeat) 'ours'
    # `$null = …` collects every output object before discarding them, so its peak includes all the failures found;
    # piped to Out-Null they are dropped as they come, which shows the memory of the analysis itself.
    Add-Row 'Get-StrongAuthFailure -Path (JSON) | Out-Null' $data.Json (Measure-Median "Get-StrongAuthFailure -Path '$($data.Json)' | Out-Null" $Repeat) 'ours, output streamed'
    Add-Row 'Get-StrongAuthFailure -Path (CSV)' $data.Csv (Measure-Median "`$null = Get-StrongAuthFailure -Path '$($data.Csv)'" $Repeat) 'ours'
}

$cpu = Get-BenchProcessor
$table = $rows | ForEach-Object { "| $($_.What -replace "\|", "\|") | $($_.SizeMB) | $($_.Seconds) | $($_.MBps) | $($_.PeakMB) | $($_.Note) |" }
$lines = @(
    "Generated by ``./build.ps1 Bench`` (bench/StrongAuthFailure.bench.ps1) on $(Get-Date -Format 'yyyy-MM-dd'): $cpu, $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version).",
    "Inputs: tools/SignInGenerator --seed 7 --target-bytes N (Graph beta JSON array, and the same sign-ins as the admin center CSV). Each run is a fresh single-threaded pwsh; seconds are the median of $Repeat runs (baselines: 1 run); PeakMB is the process's peak resident memory, pwsh itself included.", '',
    '| What | Size (MB) | Seconds | MB/s | Peak MB | Note |', '|---|---|---|---|---|---|') + $table
# Only this bench's section: the live-retrieval section and the hand-written analysis stay.
Set-BenchmarkSection -Path (Join-Path $root 'docs/benchmarks.md') -Name 'offline-parsing' -Lines $lines
$lines | Out-Host
