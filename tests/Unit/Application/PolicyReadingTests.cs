using System;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Tests.Policies;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class PolicyReadingTests
{
    [Fact]
    public async Task A_warning_problem_is_a_warning_and_any_other_an_error_with_its_id()
    {
        var host = new RecordingRunHost();
        var warning = new PolicyReadProblem("StrengthConfigurationUnknown", "s.json", "left out", record: 1, isWarning: true);
        var invalid = new PolicyReadProblem("PolicyRecordInvalid", "p.json", "no conditions", record: 2, id: "p2");
        var unreadable = new PolicyReadProblem("PolicyFileUnreadable", "x.json", "not JSON");

        await PolicyReading.ReportAsync(host, new[] { warning, invalid, unreadable });

        Assert.Equal(warning.ToString(), Assert.Single(host.Warnings));
        Assert.Equal(new[] { "PolicyRecordInvalid", "PolicyFileUnreadable" }, host.ErrorIds);
        Assert.Equal(FailureKind.InvalidData, host.Errors[0].Failure.Kind);
        Assert.Same(invalid, host.Errors[0].Target);
        Assert.Equal(FailureKind.ReadError, host.Errors[1].Failure.Kind);
        Assert.StartsWith("Save the Graph response as JSON", host.Errors[1].Failure.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_are_read_whole_with_a_line_each_and_their_bad_records_as_errors()
    {
        var host = new RecordingRunHost();
        var bad = PolicyParserTests.Fixture("ca-policies.bad.json");
        var strengths = PolicyParserTests.Fixture("strengths.v1-list.json");

        var (policies, read) = await PolicyReading.ReadFilesAsync(host, new[] { bad, strengths });

        Assert.Equal("CA100: Require MFA for contractors", Assert.Single(policies).DisplayName);
        Assert.NotEmpty(read);
        Assert.Equal(2, host.Verbose.Count);
        Assert.Equal("Read " + bad + ": 1 Conditional Access policies, 0 authentication strengths, 2 problems.", host.Verbose[0]);
        Assert.StartsWith("Read " + strengths + ": 0 Conditional Access policies, " + read.Count + " authentication strengths", host.Verbose[1], StringComparison.Ordinal);
        Assert.Equal(new[] { "PolicyRecordInvalid", "PolicyRecordUnrecognized" }, host.ErrorIds);
    }
}
