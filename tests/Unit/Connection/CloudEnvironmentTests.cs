using System;
using EntraStrongAuth.Core.Connection;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

public class CloudEnvironmentTests
{
    [Theory]
    [InlineData("Global", "login.microsoftonline.com", "https://graph.microsoft.com/.default")]
    [InlineData("USGov", "login.microsoftonline.us", "https://graph.microsoft.us/.default")]
    [InlineData("USGovDoD", "login.microsoftonline.us", "https://dod-graph.microsoft.us/.default")]
    [InlineData("China", "login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn/.default")]
    [InlineData("usgov", "login.microsoftonline.us", "https://graph.microsoft.us/.default")]
    public void Each_cloud_has_its_authority_and_graph_scope(string name, string authorityHost, string scope)
    {
        var cloud = CloudEnvironment.Get(name);

        Assert.Equal(authorityHost, cloud.AuthorityHost.Host);
        Assert.Equal(scope, cloud.DefaultScope);
    }

    [Fact]
    public void An_unknown_cloud_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => CloudEnvironment.Get("Mars"));

        Assert.Contains("Global, USGov, USGovDoD, China", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_environment_keeps_its_endpoints()
    {
        var cloud = CloudEnvironment.Custom(new Uri("https://login.contoso.test/"), new Uri("http://127.0.0.1:5001/"));

        Assert.Equal(CloudEnvironment.CustomName, cloud.Name);
        Assert.Equal("http://127.0.0.1:5001/.default", cloud.DefaultScope);
    }

    [Theory]
    [InlineData("Global", "https://api.loganalytics.azure.com/", "https://api.loganalytics.io/.default")]
    [InlineData("USGov", "https://api.loganalytics.us/", "https://api.loganalytics.us/.default")]
    [InlineData("USGovDoD", "https://api.loganalytics.us/", "https://api.loganalytics.us/.default")]
    [InlineData("China", "https://api.loganalytics.azure.cn/", "https://api.loganalytics.azure.cn/.default")]
    public void Each_cloud_has_its_log_analytics_query_api_and_token_scope(string name, string endpoint, string scope)
    {
        var cloud = CloudEnvironment.Get(name);

        Assert.Equal(endpoint, cloud.LogAnalyticsEndpoint.ToString());
        Assert.Equal(scope, cloud.LogAnalyticsScope);
    }

    [Fact]
    public void A_private_log_analytics_endpoint_keeps_its_path_and_asks_for_its_own_scope()
    {
        var cloud = CloudEnvironment.Get("Global").WithLogAnalyticsEndpoint(new Uri("https://la.contoso.test/prefix"));

        Assert.Equal("https://la.contoso.test/prefix/", cloud.LogAnalyticsEndpoint.ToString());
        Assert.Equal("https://la.contoso.test/prefix/.default", cloud.LogAnalyticsScope);
        Assert.Equal("https://graph.microsoft.com/", cloud.GraphEndpoint.ToString());
        Assert.Equal(CloudEnvironment.CustomName, cloud.Name);
    }
}
