using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace EntraStrongAuth.Cmdlets.Loading;

/// <summary>
/// Runs when PowerShell imports the Cmdlets assembly. On Windows PowerShell 5.1 (.NET Framework) it hooks
/// <see cref="DesktopDependencyResolver"/>; on PowerShell 7 the module's psm1 has already registered the Engine's
/// AssemblyLoadContext (EntraStrongAuth.Loader), so nothing is done here.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport()
    {
        if (!IsNetFramework)
        {
            return;
        }

        var moduleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;
        DesktopDependencyResolver.Register(Path.Combine(moduleFolder, "Dependencies"));
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsNetFramework)
        {
            DesktopDependencyResolver.Unregister();
        }
    }

    private static bool IsNetFramework =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
}
