using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.Tests.Diagnosis;

/// <summary>
/// Every failure of the seed-7 tenant diagnosed from each thin variant of its log, with the tenant data: the
/// diagnosis never says High and wrong, and is right at least as often as the classification it starts from.
/// </summary>
public class ThinInputDiagnosisTests
{
    private readonly ITestOutputHelper _output;

    public ThinInputDiagnosisTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("graph-v1", "signins.graph-v1.json")]
    [InlineData("graph-no-ca", "signins.graph-no-ca.json")]
    [InlineData("graph-no-auth-details", "signins.graph-no-auth-details.json")]
    [InlineData("la-json-no-dynamic", "signins.la-no-dynamic.json")]
    public async Task Thin_input_lowers_what_the_diagnosis_can_say_never_its_honesty(string format, string file)
    {
        using var tenant = new DiagnosisTenant(7, 250);
        GeneratorRun.Run(new GeneratorOptions { Seed = 7, Users = 250, OutputDirectory = tenant.Folder, Formats = new[] { OutputFormat.Named(format) } });
        var (diagnoses, _) = await tenant.DiagnoseAsync(tenant.Truth.Select(t => new DiagnosisRequest { SignInId = t.SignInId }), signIns: Path.Combine(tenant.Folder, file));
        var truth = tenant.Truth.ToDictionary(t => t.SignInId);
        Assert.Equal(truth.Count, diagnoses.Count);
        bool Right(FailureCause cause, StrongAuthDiagnosis d) => cause.ToString() == truth[d.SignInId!].Cause;
        var diagnosisRight = diagnoses.Count(d => Right(d.CauseKind, d));
        var classifierRight = diagnoses.Count(d => Right(d.Failure.CauseKind, d));
        var wrongHigh = diagnoses.Where(d => d.ConfidenceKind == Confidence.High && !Right(d.CauseKind, d)).ToList();
        _output.WriteLine($"| {format} | {diagnoses.Count} | {classifierRight} | {diagnosisRight} | {diagnoses.Count(d => d.ConfidenceKind == Confidence.High)} | {wrongHigh.Count} | {diagnoses.Count(d => d.ConfidenceKind > d.Failure.ConfidenceKind)} | {diagnoses.Count(d => d.ConfidenceKind < d.Failure.ConfidenceKind)} |");
        foreach (var group in diagnoses.Where(d => !Right(d.CauseKind, d) || d.ConfidenceKind < d.Failure.ConfidenceKind).GroupBy(d => truth[d.SignInId!].Cause + " -> " + d.CauseKind + " " + d.Failure.ConfidenceKind + "->" + d.ConfidenceKind))
        {
            _output.WriteLine("  " + group.Key + " x" + group.Count() + ": " + string.Join(" | ", group.First().Steps[6].Evidence.Where(e => e.StartsWith("Contra", StringComparison.Ordinal) || e.StartsWith("Conf", StringComparison.Ordinal))) + " / step5 " + group.First().Steps[4].Status + " " + group.First().Steps[4].Finding);
        }

        Assert.Empty(wrongHigh.Select(d => d.SignInId + " " + d.Cause + " truly " + truth[d.SignInId!].Cause));
        Assert.True(diagnosisRight >= classifierRight, diagnosisRight + " < " + classifierRight);
    }
}
