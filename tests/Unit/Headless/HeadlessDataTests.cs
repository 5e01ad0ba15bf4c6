using System.IO;
using System.Linq;
using System.Text;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Headless;
using Xunit;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>headless-signals.json: the shipped file has every signal with a source; a wrong file is rejected with every problem named.</summary>
public sealed class HeadlessDataTests
{
    [Fact]
    public void The_built_in_file_gives_every_signal_points_and_a_source_and_shares_the_classification_tables()
    {
        var data = HeadlessData.BuiltIn;
        Assert.Equal(HeadlessSignalKeys.All.OrderBy(k => k), data.Signals.Select(s => s.Key).OrderBy(k => k));
        Assert.All(data.Signals, s => Assert.True(s.Source.Length > 40, s.Key));
        Assert.True(data.Signal(HeadlessSignalKeys.InteractiveMfa)!.Points < 0);
        Assert.Same(ClassificationData.BuiltIn, data.Classification);
        Assert.Equal(new[] { "GitHub Actions", "Azure DevOps", "Kubernetes", "Azure" }, data.Environments.Select(e => e.Name));
    }

    [Fact]
    public void A_wrong_file_is_rejected_naming_each_problem()
    {
        const string Json = "{\"schemaVersion\": 1, \"signals\": [{\"key\": \"Sorcery\", \"points\": 5}, {\"key\": \"Ropc\", \"points\": 500, \"minShare\": 2}], "
            + "\"environments\": [{\"name\": \"Azure\", \"kind\": \"Cloud\"}]}";
        var error = Assert.Throws<ClassificationDataException>(() => HeadlessData.Read(new MemoryStream(Encoding.UTF8.GetBytes(Json)), "mine.json", ClassificationData.BuiltIn));
        Assert.Contains("Sorcery", error.Message);
        Assert.Contains("points", error.Message);
        Assert.Contains("minShare", error.Message);
        Assert.Contains("kind", error.Message);
    }

    [Fact]
    public void A_signal_left_out_of_a_users_file_never_fires()
    {
        const string Json = "{\"schemaVersion\": 1, \"signals\": [{\"key\": \"Ropc\", \"points\": 60, \"minShare\": 0.2}], \"environments\": []}";
        var data = HeadlessData.Read(new MemoryStream(Encoding.UTF8.GetBytes(Json)), "mine.json", ClassificationData.BuiltIn);
        var scorer = new HeadlessScorer(new HeadlessScoringOptions { Data = data, MinimumScore = 0 });
        scorer.Add(HeadlessSignIns.Script(HeadlessSignIns.Start));
        var finding = Assert.Single(scorer.Findings());
        Assert.Equal(60, finding.Score);
        Assert.Equal(WorkloadIdentityKind.CertificateServicePrincipal, finding.Recommendation.IdentityKind);
    }
}
