using System.Linq;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Engine.Policies;
using Xunit;

namespace EntraStrongAuth.Tests.Policies;

/// <summary>Which policies Get-StrongAuthPolicy returns, and how their strengths resolve.</summary>
public class StrongAuthPolicyFilterTests
{
    private static readonly PolicyFileContent Policies = PolicyFileReader.Read(PolicyParserTests.Fixture("ca-policies.beta.json"));
    private static readonly PolicyFileContent Strengths = PolicyFileReader.Read(PolicyParserTests.Fixture("strengths.page.json"));

    [Fact]
    public void Default_keeps_on_report_only_and_unknown_states_that_demand_MFA_or_a_strength()
    {
        var filter = new StrongAuthPolicyFilter(Strengths.Strengths);

        var kept = Policies.Policies.Select(filter.Apply).Where(p => p is not null).Select(p => p!.DisplayName.Substring(0, 5)).ToList();

        Assert.Equal(new[] { "CA001", "CA002", "CA004", "CA006" }, kept);
        Assert.Equal(2, filter.NotStrongAuth);   // compliant device only; block
        Assert.Equal(1, filter.DisabledSkipped);
        Assert.Empty(filter.UnresolvedStrengths);
    }

    [Fact]
    public void IncludeDisabled_and_State_choose_states()
    {
        var withDisabled = new StrongAuthPolicyFilter { IncludeDisabled = true };
        Assert.Equal(5, Policies.Policies.Count(p => withDisabled.Apply(p) is not null));

        var reportOnly = new StrongAuthPolicyFilter { States = new[] { PolicyState.ReportOnly } };
        Assert.Equal("CA002", Assert.Single(Policies.Policies.Select(reportOnly.Apply).OfType<StrongAuthPolicy>()).DisplayName.Substring(0, 5));

        var off = new StrongAuthPolicyFilter { States = new[] { PolicyState.Off } };
        Assert.Equal("CA005", Assert.Single(Policies.Policies.Select(off.Apply).OfType<StrongAuthPolicy>()).DisplayName.Substring(0, 5));
    }

    [Fact]
    public void A_custom_strength_resolves_from_the_tenant_read_and_is_reported_when_it_cannot()
    {
        var yubikeys = Policies.Policies.Single(p => p.DisplayName.StartsWith("CA004", System.StringComparison.Ordinal));

        var resolved = new StrongAuthPolicyFilter(Strengths.Strengths).Apply(yubikeys)!;
        Assert.Equal("Contoso YubiKeys", resolved.AuthenticationStrength!.DisplayName);
        Assert.Single(resolved.AuthenticationStrength.CombinationConfigurations);
        Assert.Equal("Contoso YubiKeys", resolved.Requires);
        Assert.True(StrongAuthPolicyFilter.NeedsTenantStrengths(yubikeys.AuthenticationStrengthId!));

        var alone = new StrongAuthPolicyFilter();
        var unresolved = alone.Apply(yubikeys)!;
        Assert.Null(unresolved.AuthenticationStrength);
        Assert.Equal("Contoso YubiKeys", unresolved.Requires);
        Assert.Contains(yubikeys.AuthenticationStrengthId!, alone.UnresolvedStrengths);
    }

    [Fact]
    public void A_built_in_strength_resolves_without_the_tenant_read()
    {
        var admins = Policies.Policies.Single(p => p.DisplayName.StartsWith("CA002", System.StringComparison.Ordinal));

        var resolved = new StrongAuthPolicyFilter().Apply(admins)!;

        Assert.False(StrongAuthPolicyFilter.NeedsTenantStrengths(admins.AuthenticationStrengthId!));
        Assert.Equal("Phishing-resistant MFA", resolved.AuthenticationStrength!.DisplayName);
        Assert.Equal("builtIn", resolved.AuthenticationStrength.PolicyType);
    }
}
