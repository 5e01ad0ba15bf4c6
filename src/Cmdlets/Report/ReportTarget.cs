using System.IO;
using System.Management.Automation;
using EntraStrongAuth.Cmdlets.Paths;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Report;

/// <summary>
/// Export-StrongAuthReport's -Path as a file system path, checked before any sign-in is read, so a long analysis never
/// ends in "cannot write there": a path of another provider, a folder, a missing folder, or (without -Force) an
/// existing file stops the command at once.
/// </summary>
internal static class ReportTarget
{
    /// <summary>The full path of the report; must run on the pipeline thread (session state).</summary>
    public static string Resolve(PSCmdlet cmdlet, string path, bool force)
    {
        var full = OutputPathResolver.Resolve(cmdlet, path, why => Invalid(path, why));

        if (Directory.Exists(full))
        {
            throw Invalid(path, "it is a folder");
        }

        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw Invalid(path, "its folder '" + folder + "' does not exist");
        }

        if (File.Exists(full) && !force)
        {
            throw new EntraStrongAuthException(ErrorIds.OutFileExists, FailureKind.InvalidArgument, "'" + full + "' already exists.", "Pass -Force to replace it, or another -Path.");
        }

        return full;
    }

    private static EntraStrongAuthException Invalid(string path, string why) =>
        new(ErrorIds.ReportPathInvalid, FailureKind.InvalidArgument, "The report cannot be written to '" + path + "': " + why + ".", "Give -Path a file in an existing folder, e.g. -Path ./strong-auth-report.html.");
}
