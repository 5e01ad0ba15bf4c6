using System;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace EntraStrongAuth.Cmdlets.Paths;

/// <summary>
/// Where a command writes (Export-StrongAuthReport -Path, Get-StrongAuthKql -OutputPath): the value as a file-system
/// path that may not exist yet. A path PowerShell cannot resolve, or one of another provider (Env:, HKLM:), is refused
/// through <c>invalid</c>, which makes the command's own documented error from the reason. Runs on the pipeline
/// thread (session state).
/// </summary>
internal static class OutputPathResolver
{
    public static string Resolve(PSCmdlet cmdlet, string path, Func<string, Exception> invalid)
    {
        string full;
        ProviderInfo provider;
        try
        {
            full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception error) when (error is SessionStateException or PSArgumentException)
        {
            throw invalid("it cannot be resolved: " + error.Message);
        }

        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            throw invalid("it is a path of the " + provider.Name + " provider, not of the file system");
        }

        return full;
    }
}
