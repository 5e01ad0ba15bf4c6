using System;
using System.Runtime.InteropServices;

namespace EntraStrongAuth.Engine.Application.Connection;

/// <summary>
/// Whether a system browser can be opened for interactive sign-in. Without one (SSH session, container, a Linux
/// box without a display) Connect-EntraStrongAuth falls back to device code instead of hanging on a browser
/// that never appears.
/// </summary>
public static class BrowserAvailability
{
    public static bool CanOpen(Func<string, string?> environment, bool userInteractive)
    {
        if (!userInteractive || Set(environment, "SSH_CONNECTION") || Set(environment, "SSH_TTY"))
        {
            return false;
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            return true;
        }

        return Set(environment, "DISPLAY") || Set(environment, "WAYLAND_DISPLAY");
    }

    private static bool Set(Func<string, string?> environment, string name) => !string.IsNullOrEmpty(environment(name));
}
