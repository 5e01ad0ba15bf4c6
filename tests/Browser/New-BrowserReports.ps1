# Writes the reports the browser tests open, with the BUILT module in this fresh pwsh (what ships is what is tested).
# Started by ReportFixture; prints one line per report with its time and the files written.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $OutputFolder,
    [Parameter(Mandatory)] [string] $SamplesSignIns,
    [Parameter(Mandatory)] [string] $HostileSignIns,
    [Parameter(Mandatory)] [string] $HostileTitle,
    [Parameter(Mandatory)] [string] $LargeSignIns
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'  # the fixture shows this output in test results
Import-Module $ModuleManifest

$reports = @(
    @{ Name = 'samples'; SignIns = $SamplesSignIns; Extra = @{} },
    @{ Name = 'hostile'; SignIns = $HostileSignIns; Extra = @{ Title = $HostileTitle } },
    @{ Name = 'large'; SignIns = $LargeSignIns; Extra = @{} })
foreach ($report in $reports) {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $extra = $report.Extra
    $files = @(Export-StrongAuthReport -Path (Join-Path $OutputFolder "$($report.Name).html") -SignInPath $report.SignIns -Force @extra)
    $written = ($files | ForEach-Object { "$($_.Name) ($($_.Length) bytes)" }) -join ', '
    Write-Output ("{0}: {1:N1} s, {2}" -f $report.Name, $clock.Elapsed.TotalSeconds, $written)
}
