using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Tests.Policies;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class QueryServicesTests
{
    [Fact]
    public async Task Strengths_by_name_and_id_with_an_error_for_each_that_matched_nothing()
    {
        var host = new RecordingRunHost();
        var query = new StrengthQuery(new StrengthQueryOptions { Names = new[] { "Phishing-resistant MFA", "No such*", "Nope" }, Ids = new[] { "unknown-id" } }, host);

        var strengths = await query.ReadTenantAsync(null, CancellationToken.None);
        await query.WriteSelectedAsync(strengths);

        Assert.Same(StrengthData.BuiltIn.Strengths, strengths);
        Assert.StartsWith("Not connected to Microsoft Graph", Assert.Single(host.Verbose), StringComparison.Ordinal);
        Assert.Empty(host.Output);
        Assert.Equal(new[] { "AuthenticationStrengthNotFound", "AuthenticationStrengthNotFound" }, host.ErrorIds);
        Assert.Equal(new object?[] { "Nope", "unknown-id" }, host.Errors.Select(e => e.Target));
        Assert.Equal(FailureKind.ObjectNotFound, host.Errors[0].Failure.Kind);
    }

    [Fact]
    public async Task Built_in_only_keeps_the_built_in_strengths_that_match()
    {
        var host = new RecordingRunHost();
        var query = new StrengthQuery(new StrengthQueryOptions { Names = new[] { "*MFA*" }, BuiltInOnly = true }, host);

        await query.WriteSelectedAsync(StrengthData.BuiltIn.Strengths);

        Assert.NotEmpty(host.Output);
        Assert.All(host.Output, o => Assert.True(((AuthenticationStrength)o!).IsBuiltIn));
        Assert.Contains(host.Output, o => ((AuthenticationStrength)o!).Id == AuthenticationStrength.PhishingResistantMfaId);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task Policies_from_files_are_filtered_and_a_name_that_matched_nothing_is_an_error()
    {
        var host = new RecordingRunHost();
        var query = new PolicyQuery(new PolicyQueryOptions { Names = new[] { "CA100*", "Missing policy" }, FromFiles = true }, host);

        var (policies, strengths) = await query.ReadFilesAsync(new[] { PolicyParserTests.Fixture("ca-policies.bad.json") });
        await query.WriteSelectedAsync(policies, strengths);

        var policy = Assert.IsType<StrongAuthPolicy>(Assert.Single(host.Output));
        Assert.Equal("CA100: Require MFA for contractors", policy.DisplayName);
        Assert.Equal(new[] { "PolicyRecordInvalid", "PolicyRecordUnrecognized", "StrongAuthPolicyNotFound" }, host.ErrorIds);
        Assert.Equal("Missing policy", host.Errors[2].Target);
        Assert.EndsWith(" and is on or report-only.", host.Errors[2].Failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("1 of 1 Conditional Access policies returned; ", host.Verbose[host.Verbose.Count - 1], StringComparison.Ordinal);
    }
}
