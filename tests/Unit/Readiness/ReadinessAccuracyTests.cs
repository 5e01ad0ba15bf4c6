using System;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Readiness;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.Tests.Readiness;

/// <summary>
/// Test-StrongAuthReadiness against the generator's truth (docs/accuracy.md, "who breaks"): every policy of a
/// generated tenant that demands MFA or a strength, and a planned "require MFA for all users", on two seeds. WillBreak
/// must be found by reason with precision and recall of at least 0.95, and every reason must occur in the truth.
/// </summary>
public class ReadinessAccuracyTests
{
    private readonly ITestOutputHelper _output;

    public ReadinessAccuracyTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(42, 60)]
    [InlineData(7, 250)]
    public async Task WillBreak_is_found_by_reason_against_the_truth(int seed, int users)
    {
        using var tenant = await ReadinessTenant.CheckAsync(seed, users);
        var accuracy = new ReadinessAccuracy(tenant.Truth, tenant.Found);
        _output.WriteLine(accuracy.ReasonTable());
        _output.WriteLine(accuracy.Verdicts.ToMarkdown());
        accuracy.Misses.ForEach(_output.WriteLine);

        Assert.All(Enum.GetValues<BreakReason>(), reason => Assert.True(accuracy.TrueCount(reason) >= 1, reason + " never occurs in the truth"));
        Assert.All(Enum.GetValues<BreakReason>(), reason => Assert.True(accuracy.Precision(reason) >= 0.95, reason + " precision " + accuracy.Precision(reason)));
        Assert.All(Enum.GetValues<BreakReason>(), reason => Assert.True(accuracy.Recall(reason) >= 0.95, reason + " recall " + accuracy.Recall(reason)));
        Assert.True(accuracy.Verdicts.Precision("WillBreak") >= 0.95, "WillBreak precision " + accuracy.Verdicts.Precision("WillBreak"));
        Assert.True(accuracy.Verdicts.Recall("WillBreak") >= 0.95, "WillBreak recall " + accuracy.Verdicts.Recall("WillBreak"));
        Assert.True(accuracy.Agreement >= 0.97, "verdicts agree on " + accuracy.Agreement);
        Assert.True(accuracy.Verdicts.Recall("Ready") >= 0.98, "Ready recall " + accuracy.Verdicts.Recall("Ready"));
    }
}
