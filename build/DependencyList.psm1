# What Dependencies/ ships, as packages: each file with the package and version it comes from and the packages that
# bring that package into the graph. build/expected-dependencies.txt holds the reviewed list; the build compares the
# list of the current build with it and, on a difference, names every package that moved and why.
Set-StrictMode -Version Latest

function Get-ShippedDependency {
    # One entry per file in $DependencyFolder: File, Package, Version, BroughtBy (sorted 'Name Version' of the
    # packages that depend on it, or 'direct' / 'project'). $AssetsFile is the Engine's obj/project.assets.json,
    # which knows the package behind every runtime file and every package's dependencies.
    param(
        [Parameter(Mandatory)] [string] $DependencyFolder,
        [Parameter(Mandatory)] [string] $AssetsFile
    )
    $assets = Get-Content $AssetsFile -Raw | ConvertFrom-Json -AsHashtable
    $target = @($assets['targets'].Values)[0]
    $directNames = @($assets['project']['frameworks'].Values | ForEach-Object { @($_['dependencies'].Keys) })

    $ownerOfFile = @{}
    $parents = @{}
    foreach ($key in $target.Keys) {
        $name, $version = $key -split '/', 2
        $entry = $target[$key]
        if ($entry.ContainsKey('runtime')) {
            foreach ($path in $entry['runtime'].Keys) {
                $file = Split-Path $path -Leaf
                if ($file -ne '_._') { $ownerOfFile[$file] = [pscustomobject]@{ Package = $name; Version = $version; Type = $entry['type'] } }
            }
        }
        if ($entry.ContainsKey('dependencies')) {
            foreach ($child in $entry['dependencies'].Keys) {
                if (-not $parents.ContainsKey($child)) { $parents[$child] = [System.Collections.Generic.List[string]]::new() }
                $parents[$child].Add("$name $version")
            }
        }
    }

    foreach ($file in Get-ChildItem $DependencyFolder -Filter *.dll | Sort-Object Name) {
        $owner = $ownerOfFile[$file.Name]
        if (-not $owner) {
            # The Engine itself: built from source, not a package.
            [pscustomobject]@{ File = $file.Name; Package = $file.BaseName; Version = 'source'; BroughtBy = 'project' }
            continue
        }
        $by = @()
        if ($directNames -contains $owner.Package) { $by += 'direct' }
        if ($parents.ContainsKey($owner.Package)) { $by += @($parents[$owner.Package] | Sort-Object -Unique) }
        [pscustomobject]@{
            File      = $file.Name
            Package   = $owner.Package
            Version   = $owner.Version
            BroughtBy = if ($by) { $by -join ', ' } else { 'unknown' }
        }
    }
}

function ConvertTo-DependencyLine {
    # One line of expected-dependencies.txt: file, package and version, and what brings it (tab-separated).
    param([Parameter(Mandatory, ValueFromPipeline)] $Dependency)
    process { "$($Dependency.File)`t$($Dependency.Package) $($Dependency.Version)`t$($Dependency.BroughtBy)" }
}

function ConvertFrom-DependencyLine {
    # Reads a line written by ConvertTo-DependencyLine; a bare file name (the list's older form) reads as an
    # unknown version, so an old list still produces a useful difference.
    param([Parameter(Mandatory, ValueFromPipeline)] [AllowEmptyString()] [string] $Line)
    process {
        if (-not $Line.Trim() -or $Line.StartsWith('#')) { return }
        $parts = $Line -split "`t"
        $package, $version = if ($parts.Count -ge 2) { $parts[1] -split ' ', 2 } else { ($parts[0] -replace '\.dll$', ''), 'unknown' }
        [pscustomobject]@{
            File      = $parts[0]
            Package   = $package
            Version   = $version
            BroughtBy = if ($parts.Count -ge 3) { $parts[2] } else { 'unknown' }
        }
    }
}

function Compare-DependencyList {
    # The moves between the reviewed list and this build, one sentence each: a new package, a package no longer
    # shipped, or a version change, each with the packages that bring it. Nothing when they agree.
    param(
        [Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $Expected,
        [Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $Actual
    )
    $before = @{}
    foreach ($entry in $Expected) { $before[$entry.File] = $entry }
    $after = @{}
    foreach ($entry in $Actual) { $after[$entry.File] = $entry }

    foreach ($file in @($before.Keys) + @($after.Keys) | Sort-Object -Unique) {
        $old = $before[$file]
        $new = $after[$file]
        if (-not $old) {
            "new:     $($new.Package) $($new.Version) ($file), brought by $($new.BroughtBy)"
        }
        elseif (-not $new) {
            "gone:    $($old.Package) $($old.Version) ($file), was brought by $($old.BroughtBy)"
        }
        elseif ($old.Version -ne $new.Version -or $old.Package -ne $new.Package) {
            "moved:   $($old.Package) $($old.Version) -> $($new.Package) $($new.Version) ($file), brought by $($new.BroughtBy)"
        }
    }
}

Export-ModuleMember -Function Get-ShippedDependency, ConvertTo-DependencyLine, ConvertFrom-DependencyLine, Compare-DependencyList
