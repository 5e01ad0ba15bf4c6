using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;

namespace EntraStrongAuth.Tests.Diagnosis;

/// <summary>
/// What the input lacks makes a step Unknown with what would answer it, never a guess: no tenant data, records
/// without Conditional Access details, data that ends before the failure's flow could be resolved, a request that
/// locates nothing.
/// </summary>
[Collection(DiagnosisTenantGroup.Name)]
public class DiagnosisUnknownPathTests
{
    private readonly DiagnosisTenant _tenant;

    public DiagnosisUnknownPathTests(DiagnosisTenant tenant) => _tenant = tenant;

    [Fact]
    public async Task Without_tenant_data_enrollment_is_Unknown_and_names_the_files()
    {
        var truth = _tenant.Truth.First(t => t.Cause == nameof(FailureCause.IncompleteEnrollment));
        var (diagnoses, _) = await _tenant.DiagnoseAsync(new[] { new DiagnosisRequest { SignInId = truth.SignInId } }, withTenantData: false);
        var diagnosis = Assert.Single(diagnoses);
        Assert.Equal(DiagnosisStatus.Unknown, diagnosis.Steps[4].StatusKind);
        Assert.Contains("-TenantDataPath", diagnosis.Steps[4].NextAction, StringComparison.Ordinal);
        Assert.Contains(diagnosis.Unanswered, u => u.StartsWith("Step 5", StringComparison.Ordinal));
        Assert.Null(diagnosis.Enrollment);

        // Without the registration data nothing confirms the enrollment cause: the classifier's confidence stands.
        Assert.Equal(diagnosis.Failure.Confidence, diagnosis.Confidence);
    }

    [Fact]
    public async Task Records_without_conditional_access_make_step_2_Unknown_and_no_answer_High_and_wrong()
    {
        var folder = GeneratedTenantFolder("graph-no-ca");
        try
        {
            var sample = _tenant.Truth.GroupBy(t => t.Cause).SelectMany(g => g.Take(4)).ToList();
            var (diagnoses, host) = await _tenant.DiagnoseAsync(sample.Select(t => new DiagnosisRequest { SignInId = t.SignInId }), signIns: Path.Combine(folder, "signins.graph-no-ca.json"));
            Assert.Empty(host.Errors);
            Assert.Equal(sample.Count, diagnoses.Count);
            var hidden = 0;
            foreach (var diagnosis in diagnoses)
            {
                // A status that says a policy applied, with no policy listed, is hidden detail; "notApplied" is genuine.
                if (diagnosis.Failure.SignIn.ConditionalAccessStatus is "success" or "failure")
                {
                    Assert.Equal(DiagnosisStatus.Unknown, diagnosis.Steps[1].StatusKind);
                    Assert.Contains("export", diagnosis.Steps[1].NextAction, StringComparison.OrdinalIgnoreCase);
                    hidden++;
                }
                else
                {
                    Assert.NotEqual(DiagnosisStatus.Unknown, diagnosis.Steps[1].StatusKind);
                }

                var truth = sample.Single(t => t.SignInId == diagnosis.SignInId);
                Assert.False(diagnosis.ConfidenceKind == Confidence.High && diagnosis.CauseKind.ToString() != truth.Cause, diagnosis.SignInId + ": High " + diagnosis.CauseKind + ", truly " + truth.Cause);
            }

            Assert.True(hidden >= sample.Count / 2, hidden + " of " + sample.Count + " had their policies hidden");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Data_that_ends_at_an_unresolved_failure_leaves_its_flow_Unknown()
    {
        var truth = _tenant.Truth.First(t => t.Cause == nameof(FailureCause.HeadlessUserAccount));
        var cut = Path.Combine(_tenant.Folder, "cut-" + Guid.NewGuid().ToString("N") + ".json");
        using (var document = JsonDocument.Parse(File.ReadAllBytes(_tenant.SignIns)))
        {
            var at = document.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == truth.SignInId).GetProperty("createdDateTime").GetDateTimeOffset();
            File.WriteAllText(cut, "[" + string.Join(",", document.RootElement.EnumerateArray().Where(e => e.GetProperty("createdDateTime").GetDateTimeOffset() <= at).Select(e => e.GetRawText())) + "]");
        }

        try
        {
            var (diagnoses, _) = await _tenant.DiagnoseAsync(new[] { new DiagnosisRequest { SignInId = truth.SignInId } }, signIns: cut);
            var diagnosis = Assert.Single(diagnoses);
            Assert.Equal(DiagnosisStatus.Unknown, diagnosis.Steps[0].StatusKind);
            Assert.Contains("ends at", diagnosis.Steps[0].Finding, StringComparison.Ordinal);
            Assert.Contains("-Path", diagnosis.Steps[0].NextAction, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(cut);
        }
    }

    [Fact]
    public async Task A_request_that_locates_nothing_is_one_located_error_and_the_others_are_diagnosed()
    {
        var truth = _tenant.Truth.First(t => t.Cause == nameof(FailureCause.PolicyStepUp));
        var missing = new DiagnosisRequest { RequestId = Guid.NewGuid().ToString(), ErrorCodes = new[] { 50076 } };
        var (diagnoses, host) = await _tenant.DiagnoseAsync(new[] { new DiagnosisRequest { SignInId = truth.SignInId }, missing });
        Assert.Equal(truth.SignInId, Assert.Single(diagnoses).SignInId);
        var error = Assert.Single(host.Errors);
        Assert.Equal(ErrorIds.DiagnosisFailureNotFound, error.Failure.ErrorId);
        Assert.Contains(missing.RequestId!, error.Failure.Message, StringComparison.Ordinal);
        Assert.Same(missing, error.Target);
    }

    private static string GeneratedTenantFolder(string format)
    {
        var folder = Generator.GeneratedTenant.NewFolder();
        GeneratorRun.Run(new GeneratorOptions { Seed = 42, OutputDirectory = folder, Formats = new[] { OutputFormat.Named(format) } });
        return folder;
    }
}
