using EntraStrongAuth.Core.Connection;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

public class GraphScopesTests
{
    [Fact]
    public void Delegated_scopes_are_qualified_with_the_clouds_graph_host()
    {
        var options = new ConnectionOptions(CredentialKind.DeviceCode, CloudEnvironment.Get("USGov"))
        {
            Scopes = new[] { "AuditLog.Read.All", "https://graph.microsoft.us/Policy.Read.All", "offline_access", "auditlog.read.all" },
        };

        Assert.Equal(
            new[] { "https://graph.microsoft.us/AuditLog.Read.All", "https://graph.microsoft.us/Policy.Read.All", "offline_access" },
            GraphScopes.For(options));
    }

    [Theory]
    [InlineData(CredentialKind.ClientSecret)]
    [InlineData(CredentialKind.Certificate)]
    [InlineData(CredentialKind.ManagedIdentity)]
    [InlineData(CredentialKind.WorkloadIdentity)]
    [InlineData(CredentialKind.AccessToken)]
    public void App_only_and_given_tokens_use_the_default_scope(CredentialKind kind)
    {
        var options = new ConnectionOptions(kind, CloudEnvironment.Get("China")) { Scopes = new[] { "AuditLog.Read.All" } };

        Assert.Equal(new[] { "https://microsoftgraph.chinacloudapi.cn/.default" }, GraphScopes.For(options));
    }
}
