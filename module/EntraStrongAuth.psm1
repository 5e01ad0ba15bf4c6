# EntraStrongAuth root module: chooses the load path for this PowerShell edition, then imports the cmdlets.
#
# PowerShell 7: the Engine and its dependencies (Microsoft.Graph, Azure.Identity, MSAL, Kiota …) live in
# Dependencies/ and are loaded into EntraStrongAuth's own AssemblyLoadContext, so other modules' versions of the
# same assemblies (Az, Microsoft.Graph, ExchangeOnlineManagement) cannot break us, and ours cannot break them.
# Windows PowerShell 5.1: the Cmdlets assembly's module initializer serves Dependencies/ through AssemblyResolve.

if ($PSEdition -eq 'Core') {
    # The loader is built for .NET 8, the runtime of PowerShell 7.4, the oldest supported PowerShell 7.
    if ($PSVersionTable.PSVersion -lt [version]'7.4') {
        throw "EntraStrongAuth needs PowerShell 7.4 or later (or Windows PowerShell 5.1); this is $($PSVersionTable.PSVersion)."
    }
    # Loading the tiny net8.0 loader is the only edition-specific step; registering twice is a no-op.
    Add-Type -Path (Join-Path $PSScriptRoot 'EntraStrongAuth.Loader.dll')
    [EntraStrongAuth.Loader.EngineLoadContext]::Register((Join-Path $PSScriptRoot 'Dependencies'))
}

$binaryModule = Import-Module (Join-Path $PSScriptRoot 'EntraStrongAuth.Cmdlets.dll') -PassThru
Export-ModuleMember -Cmdlet @($binaryModule.ExportedCmdlets.Keys)
