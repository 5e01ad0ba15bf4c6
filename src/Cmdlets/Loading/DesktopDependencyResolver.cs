using System;
using System.IO;
using System.Reflection;

namespace EntraStrongAuth.Cmdlets.Loading;

/// <summary>
/// Windows PowerShell 5.1 load path (kept small on purpose: it cannot be tested on this project's Linux CI).
/// .NET Framework has no AssemblyLoadContext, so the Engine and its dependencies are served from Dependencies/ by
/// an AssemblyResolve handler. It answers only for files that exist in that folder and only when the request comes
/// from our own assemblies (or from no known assembly, as .NET Framework sometimes reports), so it never serves
/// another module's requests.
/// </summary>
internal static class DesktopDependencyResolver
{
    private static readonly object Gate = new();
    private static string? _folder;

    public static void Register(string dependenciesFolder)
    {
        lock (Gate)
        {
            if (_folder is not null)
            {
                return;
            }

            _folder = Path.GetFullPath(dependenciesFolder);
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    public static void Unregister()
    {
        lock (Gate)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            _folder = null;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var folder = _folder;
        if (folder is null || !IsOurs(args.RequestingAssembly, folder))
        {
            return null;
        }

        var candidate = Path.Combine(folder, new AssemblyName(args.Name).Name + ".dll");
        return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
    }

    private static bool IsOurs(Assembly? requester, string folder)
    {
        if (requester is null || requester.IsDynamic)
        {
            return true;
        }

        var location = requester.Location;
        var moduleFolder = Path.GetDirectoryName(folder) ?? folder;
        return location.StartsWith(moduleFolder, StringComparison.OrdinalIgnoreCase);
    }
}
