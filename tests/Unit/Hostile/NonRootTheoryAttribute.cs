using System;
using System.Runtime.InteropServices;
using Xunit;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>A theory that needs a user file permissions stop: chmod 000 means nothing to root, so as root it is skipped, saying why.</summary>
public sealed class NonRootTheoryAttribute : TheoryAttribute
{
    public NonRootTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file permissions (chmod 000) only.";
        }
        else if (geteuid() == 0)
        {
            Skip = "Runs as root, whom chmod 000 does not stop: run the tests as a normal user to cover unreadable files and folders.";
        }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
