using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Diagnosis;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.Tests.Diagnosis;

/// <summary>
/// Debug-StrongAuthFailure offline on a generated tenant: for every cause the generator produces, its failures
/// (up to 6 each) diagnosed by sign-in id reach the generator's true cause, with the step that carries the evidence.
/// </summary>
[Collection(DiagnosisTenantGroup.Name)]
public class OfflineDiagnosisGroundTruthTests
{
    private readonly DiagnosisTenant _tenant;
    private readonly ITestOutputHelper _output;

    public OfflineDiagnosisGroundTruthTests(DiagnosisTenant tenant, ITestOutputHelper output)
    {
        _tenant = tenant;
        _output = output;
    }

    [Fact]
    public async Task Every_cause_is_diagnosed_as_the_generator_says()
    {
        var sample = _tenant.Truth.GroupBy(t => t.Cause).SelectMany(g => g.Take(6)).ToList();
        var (diagnoses, host) = await _tenant.DiagnoseAsync(sample.Select(t => new DiagnosisRequest { SignInId = t.SignInId }));
        Assert.Empty(host.Errors);
        Assert.Equal(sample.Count, diagnoses.Count);
        var wrong = new List<string>();
        foreach (var truth in sample)
        {
            var diagnosis = diagnoses.Single(d => d.SignInId == truth.SignInId);
            Assert.Equal(7, diagnosis.Steps.Count);
            Assert.Equal(Enumerable.Range(1, 7), diagnosis.Steps.Select(s => s.Number));
            if (diagnosis.Cause.ToString() != truth.Cause)
            {
                wrong.Add(truth.SignInId + ": true " + truth.Cause + ", diagnosed " + diagnosis.Cause + " (" + diagnosis.Confidence + ")");
            }
        }

        foreach (var cause in sample.Select(t => t.Cause).Distinct())
        {
            _output.WriteLine(cause + ": " + sample.Count(t => t.Cause == cause) + " diagnosed");
        }

        Assert.True(sample.Select(t => t.Cause).Distinct().Count() >= 6, "the generator should produce at least six causes");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task The_step_that_carries_each_cause_finds_a_problem()
    {
        async Task<StrongAuthDiagnosis> First(string cause)
        {
            var truth = _tenant.Truth.First(t => t.Cause == cause);
            var (diagnoses, _) = await _tenant.DiagnoseAsync(new[] { new DiagnosisRequest { SignInId = truth.SignInId } });
            return Assert.Single(diagnoses);
        }

        var headless = await First(nameof(FailureCause.HeadlessUserAccount));
        Assert.Equal(DiagnosisStatus.Problem, headless.Steps[5].StatusKind);
        Assert.NotNull(headless.Headless);
        Assert.True(headless.Headless!.Score >= 50);
        Assert.Contains(headless.Fixes, f => f.AudienceKind == FixAudience.AppDeveloper && f.Action.Contains("instead of the user account", StringComparison.Ordinal));
        Assert.DoesNotContain("-AppId", headless.VerifyCommand, StringComparison.Ordinal);

        var silent = await First(nameof(FailureCause.SilentAuthInteractionRequired));
        Assert.Contains("Non-interactive", silent.Steps[2].Finding, StringComparison.Ordinal);
        Assert.NotNull(silent.AppRecovery);
        Assert.Contains(silent.Fixes, f => f.AudienceKind == FixAudience.AppDeveloper && f.Action.Contains("interaction_required", StringComparison.Ordinal));
        Assert.Contains("-AppId '" + silent.AppId + "'", silent.VerifyCommand, StringComparison.Ordinal);

        var enrollment = await First(nameof(FailureCause.IncompleteEnrollment));
        Assert.NotNull(enrollment.Enrollment);

        // The registration report names the user; the saved methods answer (one file per user) gives the methods.
        Assert.Equal(enrollment.UserPrincipalName, enrollment.Enrollment!.UserPrincipalName);
        Assert.Equal(EntraStrongAuth.Core.Enrollment.MethodsSource.File, enrollment.Enrollment.DataSourceKind);
        Assert.Equal(DiagnosisStatus.Problem, enrollment.Steps[4].StatusKind);

        var benign = await First(nameof(FailureCause.BenignInterrupt));
        Assert.Equal(ResolutionState.Resolved, benign.Failure.ResolutionKind);
        Assert.Null(benign.VerifyCommand);
        Assert.Equal(DiagnosisStatus.Ok, benign.Steps[6].StatusKind);
    }
}

/// <summary>Every failure of the tenant diagnosed at once: the steps only move confidence, never to a wrong High.</summary>
[Collection(DiagnosisTenantGroup.Name)]
public class DiagnosisConfidenceTests
{
    private readonly DiagnosisTenant _tenant;
    private readonly ITestOutputHelper _output;

    public DiagnosisConfidenceTests(DiagnosisTenant tenant, ITestOutputHelper output)
    {
        _tenant = tenant;
        _output = output;
    }

    [Fact]
    public Task No_diagnosis_is_High_and_wrong_and_the_steps_move_confidence_only_with_evidence() => CheckAsync(_tenant);

    [Fact]
    public async Task The_same_holds_on_a_larger_tenant()
    {
        using var larger = new DiagnosisTenant(7, 250);
        await CheckAsync(larger);
    }

    private async Task CheckAsync(DiagnosisTenant tenant)
    {
        var (diagnoses, host) = await tenant.DiagnoseAsync(tenant.Truth.Select(t => new DiagnosisRequest { SignInId = t.SignInId }), historyDays: 7);
        Assert.Empty(host.Errors);
        var truth = tenant.Truth.ToDictionary(t => t.SignInId);
        Assert.Equal(truth.Count, diagnoses.Count);
        var right = diagnoses.Count(d => d.Cause.ToString() == truth[d.SignInId!].Cause);
        var high = diagnoses.Where(d => d.ConfidenceKind == Confidence.High).ToList();
        var highRight = high.Count(d => d.Cause.ToString() == truth[d.SignInId!].Cause);
        var raised = diagnoses.Count(d => d.ConfidenceKind > d.Failure.ConfidenceKind);
        var lowered = diagnoses.Count(d => d.ConfidenceKind < d.Failure.ConfidenceKind);
        _output.WriteLine($"{diagnoses.Count} failures: {right} right; High {high.Count} ({highRight} right); raised {raised}, lowered {lowered}");
        foreach (var d in high.Where(d => d.Cause.ToString() != truth[d.SignInId!].Cause).Take(10))
        {
            _output.WriteLine("WRONG HIGH " + d.SignInId + " true " + truth[d.SignInId!].Cause + " got " + d.Cause + ": " + string.Join(" | ", d.Steps[6].Evidence));
        }

        Assert.Equal(high.Count, highRight);
        Assert.True(right >= diagnoses.Count * 0.97, $"{right} of {diagnoses.Count} right");
    }
}
