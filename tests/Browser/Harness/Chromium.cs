using System;
using System.IO;

namespace EntraStrongAuth.BrowserTests.Harness;

/// <summary>
/// The machine's Chromium (Debian's <c>chromium</c> package; build.ps1 Test installs it when it runs as root). The
/// tests never let Playwright download a browser: that fails on machines without internet access and would test a
/// browser nobody installed.
/// </summary>
internal static class Chromium
{
    /// <summary>ENTRASTRONGAUTH_CHROMIUM, else /usr/bin/chromium.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("ENTRASTRONGAUTH_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>On CI (env CI set) a missing browser is a failure, not a skip: CI installs it, so absence is a fault.</summary>
    public static bool MustRun => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string MissingMessage =>
        "Chromium was not found at " + ExecutablePath + " (set ENTRASTRONGAUTH_CHROMIUM, or as root run "
        + "apt-get install chromium; ./build.ps1 Test does that itself).";

    /// <summary>
    /// --no-sandbox: sessions and CI run as root, where Chromium refuses its sandbox. The rest keep a headless run on
    /// a machine without internet from retrying background connections (updates, sync, field trials) all the time.
    /// </summary>
    public static readonly string[] LaunchArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];
}
