# The build's guard on what ships: the locked package graph and the dependency gate's account of a move.
BeforeAll {
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repoRoot 'build/DependencyList.psm1') -Force

    function New-Dependency([string] $File, [string] $Package, [string] $Version, [string] $BroughtBy) {
        [pscustomobject]@{ File = $File; Package = $Package; Version = $Version; BroughtBy = $BroughtBy }
    }
}

Describe 'The locked package graph' {
    It 'has a committed lock file beside every project, restored in locked mode by the build' {
        $projects = @(Get-ChildItem $repoRoot -Recurse -Filter *.csproj |
                Where-Object { $_.FullName -notmatch '[\\/](\.cache|out|bin|obj)[\\/]' })
        $projects.Count | Should -BeGreaterThan 8
        $withoutLock = @($projects | Where-Object { -not (Test-Path (Join-Path $_.DirectoryName 'packages.lock.json')) } | ForEach-Object Name)
        $withoutLock | Should -BeNullOrEmpty
        $props = [xml] (Get-Content (Join-Path $repoRoot 'Directory.Build.props') -Raw)
        $props.Project.PropertyGroup.RestorePackagesWithLockFile | Should -Be 'true'
    }

    It 'ships exactly the pinned version of each security-relevant package' {
        $pins = @{}
        ([xml] (Get-Content (Join-Path $repoRoot 'Directory.Packages.props') -Raw)).Project.ItemGroup.PackageVersion |
            ForEach-Object { $pins[$_.Include] = $_.Version }
        $engineLock = Get-Content (Join-Path $repoRoot 'src/Engine/packages.lock.json') -Raw | ConvertFrom-Json -AsHashtable
        $resolved = @($engineLock['dependencies'].Values)[0]
        foreach ($name in 'Azure.Core', 'Microsoft.Identity.Client', 'Microsoft.IdentityModel.Tokens', 'System.Text.Json', 'System.Formats.Asn1') {
            $pins.ContainsKey($name) | Should -BeTrue -Because "$name is pinned centrally"
            $resolved[$name]['resolved'] | Should -Be $pins[$name] -Because "the lock file holds the pinned $name"
        }
    }

    It 'keeps runtime-carried packages on the .NET 10 line, which PowerShell 7.6''s runtime can bind' {
        $pins = ([xml] (Get-Content (Join-Path $repoRoot 'Directory.Packages.props') -Raw)).Project.ItemGroup.PackageVersion
        $runtimeCarried = @($pins | Where-Object { $_.Include -in 'System.Text.Json', 'System.Formats.Asn1', 'System.Diagnostics.DiagnosticSource', 'System.Text.Encodings.Web', 'System.IO.Pipelines' })
        $runtimeCarried.Count | Should -Be 5
        $runtimeCarried | ForEach-Object { ([version] $_.Version).Major | Should -Be 10 -Because "$($_.Include) must not outrun the runtime" }
    }
}

Describe 'The dependency gate' {
    It 'says nothing when the build ships what was reviewed' {
        $list = @(New-Dependency 'Azure.Core.dll' 'Azure.Core' '1.65.0' 'Azure.Identity 1.21.0')
        @(Compare-DependencyList -Expected $list -Actual $list) | Should -BeNullOrEmpty
    }

    It 'names each package that moved, its versions and what brings it' {
        $expected = @(
            New-Dependency 'Azure.Core.dll' 'Azure.Core' '1.53.0' 'Azure.Identity 1.21.0'
            New-Dependency 'Microsoft.Bcl.Cryptography.dll' 'Microsoft.Bcl.Cryptography' '9.0.0' 'Microsoft.Identity.Client 4.73.1'
            New-Dependency 'Std.UriTemplate.dll' 'Std.UriTemplate' '2.0.13' 'Microsoft.Kiota.Abstractions 2.1.6')
        $actual = @(
            New-Dependency 'Azure.Core.dll' 'Azure.Core' '1.65.0' 'Azure.Identity 1.21.0, Microsoft.Kiota.Authentication.Azure 2.1.6'
            New-Dependency 'Std.UriTemplate.dll' 'Std.UriTemplate' '2.0.13' 'Microsoft.Kiota.Abstractions 2.1.6'
            New-Dependency 'System.Net.ServerSentEvents.dll' 'System.Net.ServerSentEvents' '10.0.15' 'System.ClientModel 1.17.0')
        $moves = @(Compare-DependencyList -Expected $expected -Actual $actual)
        $moves.Count | Should -Be 3
        $moves | Should -Contain 'moved:   Azure.Core 1.53.0 -> Azure.Core 1.65.0 (Azure.Core.dll), brought by Azure.Identity 1.21.0, Microsoft.Kiota.Authentication.Azure 2.1.6'
        $moves | Should -Contain 'gone:    Microsoft.Bcl.Cryptography 9.0.0 (Microsoft.Bcl.Cryptography.dll), was brought by Microsoft.Identity.Client 4.73.1'
        $moves | Should -Contain 'new:     System.Net.ServerSentEvents 10.0.15 (System.Net.ServerSentEvents.dll), brought by System.ClientModel 1.17.0'
    }

    It 'reads its own lines back, and the older file-name-only form as an unknown version' {
        $line = New-Dependency 'Azure.Core.dll' 'Azure.Core' '1.65.0' 'Azure.Identity 1.21.0' | ConvertTo-DependencyLine
        $read = $line | ConvertFrom-DependencyLine
        $read.Package | Should -Be 'Azure.Core'
        $read.Version | Should -Be '1.65.0'
        $read.BroughtBy | Should -Be 'Azure.Identity 1.21.0'
        $old = 'Azure.Core.dll' | ConvertFrom-DependencyLine
        $old.Package | Should -Be 'Azure.Core'
        $old.Version | Should -Be 'unknown'
        @('# a comment', '' | ConvertFrom-DependencyLine).Count | Should -Be 0
    }

    It 'finds the package and the parents of every file the build shipped' {
        $shipped = @(Get-ShippedDependency -DependencyFolder (Join-Path (Split-Path $env:ENTRASTRONGAUTH_TEST_MODULE) 'Dependencies') `
                -AssetsFile (Join-Path $repoRoot 'src/Engine/obj/project.assets.json'))
        $azureCore = $shipped | Where-Object File -eq 'Azure.Core.dll'
        $azureCore.Package | Should -Be 'Azure.Core'
        $azureCore.BroughtBy | Should -Match 'Azure\.Identity \d'
        ($shipped | Where-Object File -eq 'Microsoft.Graph.dll').BroughtBy | Should -Be 'direct'
        ($shipped | Where-Object File -eq 'EntraStrongAuth.Engine.dll').Version | Should -Be 'source'
        @($shipped | Where-Object BroughtBy -eq 'unknown') | Should -BeNullOrEmpty
        $reviewed = @(Get-Content (Join-Path $repoRoot 'build/expected-dependencies.txt') | ConvertFrom-DependencyLine)
        @(Compare-DependencyList -Expected $reviewed -Actual $shipped) | Should -BeNullOrEmpty
    }
}

Describe 'Known vulnerabilities' {
    # NuGet's audit needs the registry's vulnerability data; the registry copy this project builds against serves none
    # (its service index has no VulnerabilityInfo resource), so the advisories that concern this graph are also kept
    # in build/known-advisories.csv and checked against every lock file here.
    It 'resolves no package below the fixed version of a known advisory, in any project' {
        $advisories = @(Import-Csv (Join-Path $repoRoot 'build/known-advisories.csv'))
        $advisories.Count | Should -BeGreaterThan 5
        $found = foreach ($lockFile in Get-ChildItem $repoRoot -Recurse -Filter packages.lock.json | Where-Object { $_.FullName -notmatch '[\\/](\.cache|out|bin|obj)[\\/]' }) {
            $lock = Get-Content $lockFile.FullName -Raw | ConvertFrom-Json -AsHashtable
            foreach ($framework in $lock['dependencies'].Values) {
                foreach ($advisory in $advisories) {
                    $package = $framework[$advisory.Package]
                    if ($package -and $package['resolved'] -and [version] ($package['resolved'] -replace '-.*$', '') -lt [version] $advisory.FixedIn) {
                        "$($lockFile.Directory.Name): $($advisory.Package) $($package['resolved']) ($($advisory.Advisory))"
                    }
                }
            }
        }
        @($found) | Should -BeNullOrEmpty
    }
}
