# Writes a synthetic tenant with the SignInGenerator CLI (built by ./build.ps1 Build) for end-to-end runs of the
# module's offline commands: sign-ins, truth.csv, readiness-truth.csv and the tenant-auth files.

function New-GeneratedTenant {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $OutputDirectory,
        [int] $Seed = 42,
        [int] $Users = 60,
        [int] $Days = 7,
        [string] $Formats = 'graph-json,tenant-auth'
    )

    $root = Resolve-Path (Join-Path $PSScriptRoot '../../..')
    $generator = Get-ChildItem (Join-Path $root 'tools/SignInGenerator/bin') -Recurse -Filter 'SignInGenerator.dll' -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $generator) { throw 'SignInGenerator.dll is not built: run ./build.ps1 Build.' }

    # The dotnet CLI tells child processes where its host is; fall back to PATH.
    $dotnet = if ($env:DOTNET_HOST_PATH) { $env:DOTNET_HOST_PATH } else { 'dotnet' }
    $log = & $dotnet $generator.FullName --seed $Seed --users $Users --days $Days --formats $Formats --out $OutputDirectory 2>&1
    if ($LASTEXITCODE -ne 0) { throw "The generator failed: $log" }
    $OutputDirectory
}

Export-ModuleMember -Function New-GeneratedTenant
