using System;
using System.Diagnostics;

namespace EntraStrongAuth.Cmdlets.Report;

/// <summary>
/// -Open: the report in the default browser, through the operating system's shell (ShellExecute on Windows, xdg-open or
/// open elsewhere). A machine without a browser or desktop (a server, a container) gets a warning, not an error: the
/// report is written either way.
/// </summary>
internal static class ReportOpener
{
    /// <summary>Null when the browser was asked to open it; otherwise why not, for a warning.</summary>
    public static string? Open(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(path) { UseShellExecute = true });
            return null;
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return "The report was written, but could not be opened (" + error.Message + "): open '" + path + "' in a browser.";
        }
    }
}
