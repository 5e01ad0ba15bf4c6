using System;
using System.IO;

namespace EntraStrongAuth.Tests;

/// <summary>The checkout the tests run from, for tests that read the repository's own files.</summary>
internal static class RepositoryFolder
{
    /// <summary>The folder holding EntraStrongAuth.sln, found by walking up from the test binaries.</summary>
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EntraStrongAuth.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("EntraStrongAuth.sln not found above " + AppContext.BaseDirectory);
    }
}
