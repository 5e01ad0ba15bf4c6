using Xunit;

namespace EntraStrongAuth.BrowserTests.Harness;

/// <summary>
/// A fact that needs Chromium: skipped with the reason when the browser is missing on a developer machine, but run
/// (and so failed by the fixture) on CI, where a missing browser means the install step broke.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.MustRun)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}
