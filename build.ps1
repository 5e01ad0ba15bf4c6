#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, packages and benchmarks EntraStrongAuth.
.DESCRIPTION
    Tasks (run in the order given):
      Build    publish into out/EntraStrongAuth/ laid out as the Gallery module: manifest, psm1, format file,
               Cmdlets + Core + Loader at the root, the Engine and all its dependencies in Dependencies/, en-US help.
      Test     Build, then xUnit (tests/Unit), the browser tests (tests/Browser; installs Chromium via apt when root),
               then Pester (tests/Pester) in a fresh pwsh against out/.
               Ends with one line "N passed, N failed, N skipped"; exits non-zero on any failure.
      Package  Build, Test-ModuleManifest, then a Gallery .nupkg in out/packages (Publish-PSResource to a file repository).
      Bench    Runs every bench/*.bench.ps1 against the built module (-Bench MfaEnrollment: only that one).
      Clean    Removes out/ (and .cache/ with -IncludeCache).
    Build -UpdateDependencyList  re-resolves the locked package graph after a version move (Directory.Packages.props).
    Build -UpdatePublicApi       declares a deliberate public API change in src/*/PublicAPI.*.txt.
    From a fresh machine with only the .NET SDK:  dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Package', 'Bench', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Rewrite build/expected-dependencies.txt from this build instead of failing on a difference.
    [switch] $UpdateDependencyList,

    # Declare a deliberate change of the public API in src/*/PublicAPI.*.txt instead of failing on it.
    [switch] $UpdatePublicApi,

    [switch] $IncludeCache,

    # Bench: only the benchmarks whose name (without .bench.ps1) matches, e.g. MfaEnrollment or Live*.
    [string[]] $Bench = @('*')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'build/BuildTasks.psm1') -Force

$context = New-BuildContext -Root $PSScriptRoot -Configuration $Configuration
$exitCode = 0
foreach ($name in $Task) {
    switch ($name) {
        'Clean'   { Invoke-CleanTask -Context $context -IncludeCache:$IncludeCache }
        'Build'   { Invoke-BuildTask -Context $context -UpdateDependencyList:$UpdateDependencyList -UpdatePublicApi:$UpdatePublicApi }
        'Test'    { Invoke-BuildTask -Context $context; $exitCode = Invoke-TestTask -Context $context }
        'Package' { Invoke-BuildTask -Context $context; Invoke-PackageTask -Context $context }
        'Bench'   { Invoke-BuildTask -Context $context; Invoke-BenchTask -Context $context -Name $Bench }
    }
    if ($exitCode -ne 0) { break }
}
exit $exitCode
