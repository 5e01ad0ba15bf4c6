using System;
using System.Linq;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.Headless.HeadlessSignIns;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>The workload identity follows where the script runs; the steps name what it reached.</summary>
public sealed class WorkloadIdentityRecommendationTests
{
    [Theory]
    [InlineData(8075L, "python-requests/2.32.3", WorkloadIdentityKind.ManagedIdentity, "Azure")]
    [InlineData(2856L, "AzurePowershell/v13.0.0 PSVersion/v7.4.6 AZUREPS_HOST_ENVIRONMENT/AzureAutomation", WorkloadIdentityKind.ManagedIdentity, "Azure")]
    [InlineData(36459L, "azure-cli/2.67.0 python/3.12.7", WorkloadIdentityKind.WorkloadIdentityFederation, "GitHub Actions")]
    [InlineData(8075L, "azure-cli/2.67.0 python/3.12.7 (Linux-6.8.0-1017-azure-x86_64) GitHubActions/azure-login", WorkloadIdentityKind.WorkloadIdentityFederation, "GitHub Actions")]
    [InlineData(8075L, "AzurePowershell/v13.0.0 VSTS_0fa2e3c4", WorkloadIdentityKind.WorkloadIdentityFederation, "Azure DevOps")]
    [InlineData(2856L, "python-requests/2.32.3 kubernetes-job", WorkloadIdentityKind.WorkloadIdentityFederation, "Kubernetes")]
    [InlineData(2856L, "python-requests/2.32.3", WorkloadIdentityKind.CertificateServicePrincipal, null)]
    public void The_environment_picks_the_workload_identity(long asn, string agent, WorkloadIdentityKind kind, string? environment)
    {
        var recommendation = Only(Every(TimeSpan.FromHours(1), 5).Select(t => Script(t, e => { e.AutonomousSystemNumber = asn; e.UserAgent = agent; }))).Recommendation;
        Assert.Equal(kind, recommendation.IdentityKind);
        if (environment is not null)
        {
            Assert.Contains("5 of 5 sign-ins come from " + environment, recommendation.Reason);
        }
    }

    [Fact]
    public void The_recommendation_lists_what_the_account_reached_and_the_steps_in_order()
    {
        var signIns = new[]
        {
            Script(Start, e => { e.ResourceDisplayName = "Windows Azure Service Management API"; e.AppDisplayName = "Microsoft Azure CLI"; e.AutonomousSystemNumber = 8075; }),
            Script(Start.AddHours(1), e => { e.ResourceDisplayName = "Microsoft Graph"; e.AppDisplayName = "Microsoft Azure CLI"; e.AutonomousSystemNumber = 8075; }),
            Script(Start.AddHours(2), e => { e.ResourceDisplayName = "Microsoft Graph"; e.AppDisplayName = "Microsoft Azure CLI"; e.AutonomousSystemNumber = 8075; }),
        };
        var recommendation = Only(signIns).Recommendation;
        Assert.Equal(new[] { "Microsoft Graph", "Windows Azure Service Management API" }, recommendation.Resources);
        Assert.Equal(new[] { "Microsoft Azure CLI" }, recommendation.Apps);
        Assert.Equal(5, recommendation.Steps.Count);
        Assert.StartsWith("Create a managed identity", recommendation.Steps[0]);
        Assert.Contains("Microsoft Graph, Windows Azure Service Management API", recommendation.Steps[1]);
        Assert.Contains("az login --identity", recommendation.Steps[2]);
        Assert.StartsWith("Run the job once", recommendation.Steps[3]);
        Assert.StartsWith("Block sign-in for svc-job@contoso.com", recommendation.Steps[4]);
        Assert.Contains("do not exclude it from Conditional Access", recommendation.Steps[4]);
    }
}
