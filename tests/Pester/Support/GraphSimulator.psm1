# Starts the Graph simulator (tests/GraphSimulator, built by the xUnit step) as a child process on a free loopback
# port, for end-to-end runs of the module's live commands. Stop it with Stop-GraphSimulator.

function Start-GraphSimulator {
    [CmdletBinding()]
    param([string[]] $Arguments = @())

    $root = Resolve-Path (Join-Path $PSScriptRoot '../../..')
    $dll = Get-ChildItem (Join-Path $root 'tests/GraphSimulator/bin') -Recurse -Filter 'GraphSimulator.dll' -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $dll) { throw 'GraphSimulator.dll is not built: run ./build.ps1 Test (the xUnit step builds it).' }

    # The dotnet CLI tells child processes where its host is; fall back to PATH.
    $dotnet = if ($env:DOTNET_HOST_PATH) { $env:DOTNET_HOST_PATH } else { 'dotnet' }
    $start = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
    $start.ArgumentList.Add($dll.FullName)
    foreach ($argument in @('--port', '0') + $Arguments) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLine()
    if ($line -notmatch '^Listening on (?<uri>\S+)$') {
        $process.Kill()
        throw "The Graph simulator did not start: $line $($process.StandardError.ReadToEnd())"
    }

    [pscustomobject]@{ Process = $process; BaseUri = $Matches.uri.TrimEnd('/') + '/' }
}

function Stop-GraphSimulator {
    param([Parameter(Mandatory)] $Simulator)
    # Closing stdin is the simulator's signal to stop.
    $Simulator.Process.StandardInput.Close()
    if (-not $Simulator.Process.WaitForExit(5000)) { $Simulator.Process.Kill() }
}

Export-ModuleMember -Function Start-GraphSimulator, Stop-GraphSimulator
