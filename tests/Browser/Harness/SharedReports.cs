using Xunit;

namespace EntraStrongAuth.BrowserTests.Harness;

/// <summary>Every browser test shares one Chromium and one set of generated reports.</summary>
[CollectionDefinition(Name)]
public sealed class SharedReports : ICollectionFixture<ReportFixture>
{
    public const string Name = "Reports in Chromium";
}
