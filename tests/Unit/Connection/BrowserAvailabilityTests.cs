using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using EntraStrongAuth.Engine.Application.Connection;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

public class BrowserAvailabilityTests
{
    private static Func<string, string?> Env(params string[] setNames)
    {
        var set = new HashSet<string>(setNames);
        return name => set.Contains(name) ? "value" : null;
    }

    [Fact]
    public void An_ssh_session_or_a_non_interactive_process_has_no_browser()
    {
        Assert.False(BrowserAvailability.CanOpen(Env("DISPLAY", "SSH_CONNECTION"), userInteractive: true));
        Assert.False(BrowserAvailability.CanOpen(Env("DISPLAY", "SSH_TTY"), userInteractive: true));
        Assert.False(BrowserAvailability.CanOpen(Env("DISPLAY"), userInteractive: false));
    }

    [Fact]
    public void On_linux_a_display_is_needed()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return;
        }

        Assert.False(BrowserAvailability.CanOpen(Env(), userInteractive: true));
        Assert.True(BrowserAvailability.CanOpen(Env("DISPLAY"), userInteractive: true));
        Assert.True(BrowserAvailability.CanOpen(Env("WAYLAND_DISPLAY"), userInteractive: true));
    }
}
