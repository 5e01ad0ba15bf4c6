# The tasks behind build.ps1, one function each. Kept in a module so build.ps1 stays a readable list of tasks.
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'FreshPwsh.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'DependencyList.psm1') -Force

function New-BuildContext {
    param([string] $Root, [string] $Configuration)
    $out = Join-Path $Root 'out'
    [pscustomobject]@{
        Root          = $Root
        Configuration = $Configuration
        Out           = $out
        ModuleOut     = Join-Path $out 'EntraStrongAuth'
        Staging       = Join-Path $out 'staging'
        TestResults   = Join-Path $out 'TestResults'
        Packages      = Join-Path $out 'packages'
        Cache         = Join-Path $Root '.cache/nuget'
        Built         = $false
    }
}

function Invoke-Dotnet {
    # Runs dotnet and fails the task with the command line when it fails. A simple function using $args, so that
    # dotnet's short switches (-v, -o, -c) are not taken for PowerShell's common parameters.
    & dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Restore-PackageDownloads {
    # Pester and the coexistence fixtures come from NuGet (the PowerShell Gallery is not reachable).
    param($Context)
    if (-not (Test-Path (Join-Path $Context.Cache 'pester/5.7.1/tools/Pester.psd1'))) {
        Write-Host 'Downloading Pester and test fixtures from NuGet...'
        Invoke-Dotnet restore (Join-Path $Context.Root 'build/PackageDownloads.csproj') --packages $Context.Cache --nologo -v quiet
    }
}

function Restore-KqlCheck {
    # The Kusto language service the KQL tests run (tests/KqlCheck, test-time only): npm ci from the committed lock
    # file, again only when the lock file changed since the last install (its hash is kept in node_modules).
    param($Context)
    $folder = Join-Path $Context.Root 'tests/KqlCheck'
    $stamp = Join-Path $folder 'node_modules/.installed-lock-hash'
    $hash = (Get-FileHash (Join-Path $folder 'package-lock.json') -Algorithm SHA256).Hash
    if ((Test-Path $stamp) -and (Get-Content $stamp -Raw).Trim() -eq $hash) { return }
    if (-not (Get-Command npm -ErrorAction SilentlyContinue)) {
        Write-Warning 'npm was not found: the KQL tests need Node.js and npm (tests/KqlCheck) and will fail.'
        return
    }
    Write-Host 'Installing the Kusto language service for the KQL tests (npm ci in tests/KqlCheck)...'
    Push-Location $folder
    try { & npm ci --no-audit --no-fund --loglevel=error | Out-Host } finally { Pop-Location }
    if ($LASTEXITCODE -ne 0) { throw "npm ci in tests/KqlCheck failed with exit code $LASTEXITCODE." }
    Set-Content -Path $stamp -Value $hash
}

function Get-PesterModulePath {
    param($Context)
    $installed = Get-Module Pester -ListAvailable | Where-Object { $_.Version -eq [version]'5.7.1' } | Select-Object -First 1
    if ($installed) { return $installed.Path }
    Restore-PackageDownloads -Context $Context
    return Join-Path $Context.Cache 'pester/5.7.1/tools/Pester.psd1'
}

function Invoke-CleanTask {
    param($Context, [switch] $IncludeCache)
    foreach ($path in @($Context.Out) + @(if ($IncludeCache) { Join-Path $Context.Root '.cache' })) {
        if (Test-Path $path) { Remove-Item $path -Recurse -Force }
    }
    Get-ChildItem (Join-Path $Context.Root 'src'), (Join-Path $Context.Root 'tests'), (Join-Path $Context.Root 'tools') -Directory -Recurse -Include bin, obj |
        Remove-Item -Recurse -Force
}

function Invoke-BuildTask {
    param($Context, [switch] $UpdateDependencyList, [switch] $UpdatePublicApi)
    if ($Context.Built) { return }
    $root = $Context.Root
    $config = $Context.Configuration
    $module = $Context.ModuleOut
    if (Test-Path $module) { Remove-Item $module -Recurse -Force }
    $dependencies = Join-Path $module 'Dependencies'
    New-Item -ItemType Directory -Force -Path $dependencies, (Join-Path $module 'en-US') | Out-Null

    Restore-LockedGraph -Context $Context -Reresolve:$UpdateDependencyList
    if ($UpdatePublicApi) { Update-PublicApi -Context $Context }
    Write-Host "Building ($config)..."
    Invoke-Dotnet build (Join-Path $root 'EntraStrongAuth.sln') -c $config --no-restore --nologo -v quiet
    $engineStage = Join-Path $Context.Staging 'engine'
    Invoke-Dotnet publish (Join-Path $root 'src/Engine/EntraStrongAuth.Engine.csproj') -c $config -o $engineStage --no-build --nologo -v quiet

    # Root: only what the default load context must see. Building Cmdlets also copies the Engine beside it,
    # which would defeat the isolation, so files are picked by name.
    $cmdletsBin = Join-Path $root "src/Cmdlets/bin/$config/netstandard2.0"
    Copy-Item (Join-Path $cmdletsBin 'EntraStrongAuth.Cmdlets.dll'), (Join-Path $cmdletsBin 'EntraStrongAuth.Core.dll') $module
    Copy-Item (Join-Path $root "src/Loader/bin/$config/net8.0/EntraStrongAuth.Loader.dll") $module
    Copy-Item (Join-Path $root 'EntraStrongAuth.psd1') $module
    Set-ReleaseNotes -Manifest (Join-Path $module 'EntraStrongAuth.psd1') -Changelog (Join-Path $root 'CHANGELOG.md')
    Copy-Item (Join-Path $root 'module/*') $module -Recurse

    # Dependencies/: the Engine and everything it needs, except Core, which must stay shared with the cmdlets.
    Get-ChildItem $engineStage -Filter *.dll |
        Where-Object Name -ne 'EntraStrongAuth.Core.dll' |
        Copy-Item -Destination $dependencies
    Assert-DependencyList -Context $Context -Update:$UpdateDependencyList

    Write-Host 'Generating help...'
    $helpArgs = @(
        '-ModulePath', (Join-Path $module 'EntraStrongAuth.psd1'),
        '-MarkdownFolder', (Join-Path $root 'docs/en-US'),
        '-OutputFile', (Join-Path $module 'en-US/EntraStrongAuth.Cmdlets.dll-Help.xml'),
        '-AboutFolder', (Join-Path $root 'docs/en-US'),
        '-AboutOutputFolder', (Join-Path $module 'en-US'))
    # A fresh process: the help generator imports the module, and a loaded assembly cannot be unloaded.
    if ((Invoke-FreshPwsh -File (Join-Path $root 'build/New-MamlHelp.ps1') -Arguments $helpArgs) -ne 0) {
        throw 'Help generation failed (see the errors above).'
    }
    $Context.Built = $true
    Write-Host "Built $module"
}

function Get-LatestChangelogEntry {
    # The text under the first '## ' heading of CHANGELOG.md, up to the next one.
    param([Parameter(Mandatory)] [string] $Changelog)
    $entry = [System.Collections.Generic.List[string]]::new()
    $inEntry = $false
    foreach ($line in Get-Content $Changelog) {
        if ($line.StartsWith('## ')) {
            if ($inEntry) { break }
            $inEntry = $true
            $entry.Add($line.Substring(3))
            continue
        }
        if ($inEntry) { $entry.Add($line) }
    }
    if (-not $inEntry) { throw "$Changelog has no '## ' entry." }
    ($entry -join "`n").Trim()
}

function Set-ReleaseNotes {
    # One source for what changed: the shipped manifest's ReleaseNotes is the CHANGELOG's latest entry.
    param([Parameter(Mandatory)] [string] $Manifest, [Parameter(Mandatory)] [string] $Changelog)
    $notes = (Get-LatestChangelogEntry -Changelog $Changelog) -replace "'", "''"
    $text = Get-Content $Manifest -Raw
    $pattern = "ReleaseNotes = '(?:[^']|'')*'"
    if ($text -notmatch $pattern) { throw "$Manifest has no ReleaseNotes = '...' line to fill." }
    $text = [regex]::Replace($text, $pattern, { param($m) "ReleaseNotes = '$notes'" })
    Set-Content -Path $Manifest -Value $text -NoNewline
}

function Update-PublicApi {
    # ./build.ps1 Build -UpdatePublicApi: declares a deliberate change of the shipped assemblies' public surface.
    # Additions (RS0016) are written by the analyzer's own code fix; removals (RS0017) are the lines the build names,
    # deleted from PublicAPI.Unshipped.txt or, for an API already shipped, marked *REMOVED* there.
    param($Context)
    foreach ($name in 'Core', 'Engine', 'Cmdlets', 'Loader') {
        $project = Join-Path $Context.Root "src/$name/EntraStrongAuth.$name.csproj"
        Write-Host "Declaring the public API of $name..."
        Invoke-Dotnet format analyzers $project --diagnostics RS0016 --severity warn -v q
        $removed = @(& dotnet build $project -c $Context.Configuration --no-restore --nologo -v q 2>&1 |
                ForEach-Object { if ("$_" -match "RS0017: Symbol '(.+?)' is part of the declared API") { $Matches[1] } } | Sort-Object -Unique)
        if ($removed.Count -eq 0) { continue }
        $unshippedFile = Join-Path $Context.Root "src/$name/PublicAPI.Unshipped.txt"
        $shipped = @(Get-Content (Join-Path $Context.Root "src/$name/PublicAPI.Shipped.txt"))
        $unshipped = @(Get-Content $unshippedFile | Where-Object { $_ -notin $removed })
        $unshipped += @($removed | Where-Object { $_ -in $shipped } | ForEach-Object { "*REMOVED*$_" })
        Set-Content -Path $unshippedFile -Value $unshipped
        Write-Host "  removed from the declared API: $($removed -join '; ')"
    }
}

function Restore-LockedGraph {
    # Restores from the lock files and fails when a project no longer matches its lock file (NU1004), so the same
    # commit always resolves the same packages. With -Reresolve (./build.ps1 Build -UpdateDependencyList) the graph
    # is resolved again from Directory.Packages.props and every lock file is rewritten: the deliberate way to move.
    # Child processes (benchmarks, tests that build a helper project) inherit the locked mode through the variable.
    param($Context, [switch] $Reresolve)
    $solution = Join-Path $Context.Root 'EntraStrongAuth.sln'
    if ($Reresolve) {
        # The projects outside the solution (benchmark baselines, the build's download project) have lock files too.
        $outside = @(Get-ChildItem (Join-Path $Context.Root 'bench') -Filter *.csproj -Recurse) +
            @(Get-Item (Join-Path $Context.Root 'build/PackageDownloads.csproj'))
        $projects = @($solution) + @($outside | ForEach-Object FullName)
        $env:EntraStrongAuthLockedRestore = $null
        Write-Host 'Resolving the package graph again and rewriting the lock files...'
        foreach ($project in $projects) { Invoke-Dotnet restore $project --force-evaluate --nologo -v quiet }
        return
    }
    $env:EntraStrongAuthLockedRestore = 'true'
    Write-Host 'Restoring packages from the lock files...'
    try {
        Invoke-Dotnet restore $solution --locked-mode --nologo -v quiet
    }
    catch {
        Write-Host "The restore from the lock files failed (NuGet's message is above). If a package version or reference was changed on purpose, run ./build.ps1 Build -UpdateDependencyList to rewrite the lock files, then review their diff."
        throw
    }
}

function Assert-DependencyList {
    # The shipped Dependencies/ must match build/expected-dependencies.txt (file, package and version, and what
    # brings it), so a package move that drags in a new assembly, drops one or changes a version is seen in review
    # instead of in a user's session. The message names each package that moved and the packages that bring it.
    param($Context, [switch] $Update)
    $expectedFile = Join-Path $Context.Root 'build/expected-dependencies.txt'
    $actual = @(Get-ShippedDependency -DependencyFolder (Join-Path $Context.ModuleOut 'Dependencies') `
            -AssetsFile (Join-Path $Context.Root 'src/Engine/obj/project.assets.json'))
    if ($Update -or -not (Test-Path $expectedFile)) {
        $header = @(
            '# What the build ships in Dependencies/: file, package and version, and the packages that bring it (tab-separated).',
            '# A difference fails the build. Versions move in Directory.Packages.props; then run ./build.ps1 Build -UpdateDependencyList',
            '# and review this file''s diff with the lock files''.')
        Set-Content -Path $expectedFile -Value (@($header) + @($actual | ConvertTo-DependencyLine))
        return
    }
    $expected = @(Get-Content $expectedFile | ConvertFrom-DependencyLine)
    $moves = @(Compare-DependencyList -Expected $expected -Actual $actual)
    if ($moves) {
        # Printed line by line: an exception message loses its line breaks in PowerShell's error view.
        Write-Host 'Dependencies/ differs from build/expected-dependencies.txt:'
        $moves | ForEach-Object { Write-Host "  $_" }
        Write-Host 'If the move was meant (a version changed in Directory.Packages.props), run ./build.ps1 Build -UpdateDependencyList and review the diff.'
        throw "Dependencies/ differs from build/expected-dependencies.txt: $($moves.Count) package(s) moved (listed above)."
    }
}

function Read-TrxCounts {
    param([string] $Path)
    if (-not (Test-Path $Path)) { return $null }
    [xml] $trx = Get-Content $Path -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int] $counters.passed
        Failed  = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        # The trx logger counts a skipped xUnit test in total but not in executed (notExecuted stays 0).
        Skipped = [Math]::Max([int] $counters.notExecuted, [int] $counters.total - [int] $counters.executed)
    }
}

function Restore-Chromium {
    # The browser tests (tests/Browser) open the reports in the machine's Chromium; Playwright's own browser download
    # is never used (it needs the internet and would test a browser nobody installed). Debian's package is installed
    # here when we run as root with apt-get, as CI and fresh sessions do (about 20 s); otherwise a warning, and the
    # tests skip (or fail when CI is set).
    $chromium = if ($env:ENTRASTRONGAUTH_CHROMIUM) { $env:ENTRASTRONGAUTH_CHROMIUM } else { '/usr/bin/chromium' }
    if (Test-Path $chromium) { return }
    $isRoot = $IsLinux -and "$(& id -u)" -eq '0'
    if ($env:ENTRASTRONGAUTH_CHROMIUM -or -not $isRoot -or -not (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        Write-Warning "Chromium was not found at $chromium, so the browser tests are skipped (and fail when CI is set). Install it (Debian: apt-get install chromium) or set ENTRASTRONGAUTH_CHROMIUM to its path."
        return
    }
    $install = 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium'
    Write-Host "Installing Chromium for the browser tests: $install"
    & sh -c $install | Out-Host
    if ($LASTEXITCODE -ne 0) { Write-Warning "Installing Chromium failed (exit code $LASTEXITCODE): the browser tests will be skipped, or fail when CI is set." }
}

function Invoke-DotnetTestProject {
    # Runs one test project's built tests with a trx of its own and returns its counts. A runner that leaves no
    # results at all counts as one failure rather than as zero tests.
    param($Context, [string] $Project, [string] $Trx, [string] $Label)
    $trxPath = Join-Path $Context.TestResults $Trx
    if (Test-Path $trxPath) { Remove-Item $trxPath }
    & dotnet test (Join-Path $Context.Root $Project) -c $Context.Configuration --no-build --nologo `
        --logger "trx;LogFileName=$trxPath" --logger 'console;verbosity=minimal' | Out-Host
    $exitCode = $LASTEXITCODE
    $counts = Read-TrxCounts -Path $trxPath
    if (-not $counts) {
        $counts = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
        Write-Host "$Label produced no results (exit code $exitCode)."
    }
    return $counts
}

function Invoke-TestTask {
    param($Context)
    $root = $Context.Root
    New-Item -ItemType Directory -Force -Path $Context.TestResults | Out-Null

    Restore-KqlCheck -Context $Context
    Write-Host 'Running xUnit tests...'
    $unit = Invoke-DotnetTestProject -Context $Context -Project 'tests/Unit/EntraStrongAuth.Tests.csproj' -Trx 'unit.trx' -Label 'xUnit'

    Restore-Chromium
    Write-Host 'Running browser tests (the built module''s reports in headless Chromium)...'
    $browserOutput = Join-Path $Context.TestResults 'browser'
    $saved = $env:ENTRASTRONGAUTH_TEST_MODULE, $env:ENTRASTRONGAUTH_BROWSER_OUTPUT
    $env:ENTRASTRONGAUTH_TEST_MODULE = Join-Path $Context.ModuleOut 'EntraStrongAuth.psd1'
    $env:ENTRASTRONGAUTH_BROWSER_OUTPUT = $browserOutput
    try {
        $browser = Invoke-DotnetTestProject -Context $Context -Project 'tests/Browser/EntraStrongAuth.BrowserTests.csproj' -Trx 'browser.trx' -Label 'The browser tests'
    }
    finally {
        $env:ENTRASTRONGAUTH_TEST_MODULE, $env:ENTRASTRONGAUTH_BROWSER_OUTPUT = $saved
    }
    Write-Host "Browser reports and screenshots: $browserOutput"

    Write-Host 'Running Pester tests in a fresh pwsh...'
    Restore-PackageDownloads -Context $Context
    $summaryFile = Join-Path $Context.TestResults 'pester-summary.json'
    if (Test-Path $summaryFile) { Remove-Item $summaryFile }
    $pesterArgs = @(
        '-ModuleManifest', (Join-Path $Context.ModuleOut 'EntraStrongAuth.psd1'),
        '-PesterModule', (Get-PesterModulePath -Context $Context),
        '-TestPath', (Join-Path $root 'tests/Pester'),
        '-ResultFolder', $Context.TestResults,
        '-PackageCache', $Context.Cache)
    $pesterExit = Invoke-FreshPwsh -File (Join-Path $root 'build/Invoke-PesterTests.ps1') -Arguments $pesterArgs
    $pester = if (Test-Path $summaryFile) { Get-Content $summaryFile -Raw | ConvertFrom-Json } else { $null }
    if (-not $pester) {
        $pester = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
        Write-Host "Pester produced no results (exit code $pesterExit)."
    }

    $runs = [ordered]@{ xUnit = $unit; Browser = $browser; Pester = $pester }
    $passed = ($runs.Values | Measure-Object Passed -Sum).Sum
    $failed = ($runs.Values | Measure-Object Failed -Sum).Sum
    $skipped = ($runs.Values | Measure-Object Skipped -Sum).Sum
    Write-Host (($runs.GetEnumerator() | ForEach-Object { "$($_.Key): $($_.Value.Passed) passed, $($_.Value.Failed) failed, $($_.Value.Skipped) skipped" }) -join '; ')
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { return 1 }
    return 0
}

function Invoke-PackageTask {
    param($Context)
    $manifest = Join-Path $Context.ModuleOut 'EntraStrongAuth.psd1'
    $info = Test-ModuleManifest -Path $manifest
    Write-Host "Manifest OK: $($info.Name) $($info.Version), $(@($info.ExportedCmdlets.Keys).Count) cmdlets"
    New-Item -ItemType Directory -Force -Path $Context.Packages | Out-Null
    Get-ChildItem $Context.Packages -Filter 'EntraStrongAuth.*.nupkg' | Remove-Item
    $repository = "EntraStrongAuthLocal$PID"
    Register-PSResourceRepository -Name $repository -Uri $Context.Packages -Trusted
    try {
        Publish-PSResource -Path $Context.ModuleOut -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    $package = Get-ChildItem $Context.Packages -Filter 'EntraStrongAuth.*.nupkg' | Select-Object -First 1
    if (-not $package) { throw 'Publish-PSResource produced no package.' }
    Write-Host "Package: $($package.FullName)"
}

function Invoke-BenchTask {
    param($Context, [string[]] $Name = @('*'))
    $benches = @(Get-ChildItem (Join-Path $Context.Root 'bench') -Filter '*.bench.ps1' -ErrorAction SilentlyContinue |
        Where-Object { $bench = $_.Name -replace '\.bench\.ps1$', ''; @($Name | Where-Object { $bench -like $_ }).Count -gt 0 })
    if ($benches.Count -eq 0) {
        Write-Host "No benchmark in bench/ matches $($Name -join ', ')."
        return
    }
    foreach ($bench in $benches) {
        Write-Host "Benchmark $($bench.Name)"
        $code = Invoke-FreshPwsh -File $bench.FullName -Arguments @('-ModuleManifest', (Join-Path $Context.ModuleOut 'EntraStrongAuth.psd1'))
        if ($code -ne 0) { throw "Benchmark $($bench.Name) failed with exit code $code." }
    }
}

Export-ModuleMember -Function Get-LatestChangelogEntry, New-BuildContext, Invoke-CleanTask, Invoke-BuildTask, Invoke-TestTask, Invoke-PackageTask, Invoke-BenchTask
