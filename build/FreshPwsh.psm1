# Starts a new pwsh of the same version as the current one. Used by the build (help generation, Pester) and by
# tests that need a process where nothing is loaded yet (a loaded assembly cannot be unloaded).
Set-StrictMode -Version Latest

function Get-FreshPwshCommand {
    # Under `dotnet pwsh` the process is the dotnet host running pwsh.dll, so the child is started the same way.
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($process)
}

function Invoke-FreshPwsh {
    # Runs a script file in a new pwsh; its output streams pass through, and the exit code is returned.
    param([Parameter(Mandatory)] [string] $File, [string[]] $Arguments = @())
    $command = @(Get-FreshPwshCommand)
    $exe = $command[0]
    $prefix = @($command | Select-Object -Skip 1)
    & $exe @prefix -NoProfile -NonInteractive -File $File @Arguments | Out-Host
    return $LASTEXITCODE
}

Export-ModuleMember -Function Get-FreshPwshCommand, Invoke-FreshPwsh
