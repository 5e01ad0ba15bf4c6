<#
.SYNOPSIS
    Runs the Pester suite against the built module. build.ps1 starts it in a fresh pwsh, so the module under test
    is loaded from out/ and nothing from the build session leaks in.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ResultFolder,
    [Parameter(Mandatory)] [string] $PackageCache
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterModule -Force

# Test files read these to find what they test and the NuGet fixtures they need.
$env:ENTRASTRONGAUTH_TEST_MODULE = $ModuleManifest
$env:ENTRASTRONGAUTH_TEST_PACKAGES = $PackageCache
Import-Module $ModuleManifest -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultFolder 'pester.xml'
$result = Invoke-Pester -Configuration $configuration

# Containers that failed to run (a syntax error, a failing BeforeAll) count as failures, never as zero tests.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
    ConvertTo-Json | Set-Content (Join-Path $ResultFolder 'pester-summary.json')
exit ([int]($failed -gt 0))
