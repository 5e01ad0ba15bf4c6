using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Connection;

/// <summary>
/// A Microsoft cloud: where to sign in, where Graph is and where the Log Analytics query API is. The national clouds
/// need the authority host and both endpoints changed, and scopes must use that cloud's hosts (Learn, "national cloud
/// deployments"; Azure Monitor, "Access the API").
/// </summary>
public sealed class CloudEnvironment
{
    public const string CustomName = "Custom";

    private static readonly CloudEnvironment[] KnownClouds =
    {
        // The public cloud's query host moved to api.loganalytics.azure.com; its tokens keep the older audience.
        new("Global", new Uri("https://login.microsoftonline.com/"), new Uri("https://graph.microsoft.com/"), new Uri("https://api.loganalytics.azure.com/"), "https://api.loganalytics.io/.default"),
        new("USGov", new Uri("https://login.microsoftonline.us/"), new Uri("https://graph.microsoft.us/"), new Uri("https://api.loganalytics.us/"), "https://api.loganalytics.us/.default"),
        new("USGovDoD", new Uri("https://login.microsoftonline.us/"), new Uri("https://dod-graph.microsoft.us/"), new Uri("https://api.loganalytics.us/"), "https://api.loganalytics.us/.default"),
        new("China", new Uri("https://login.chinacloudapi.cn/"), new Uri("https://microsoftgraph.chinacloudapi.cn/"), new Uri("https://api.loganalytics.azure.cn/"), "https://api.loganalytics.azure.cn/.default"),
    };

    public CloudEnvironment(string name, Uri authorityHost, Uri graphEndpoint)
        : this(name, authorityHost, graphEndpoint, new Uri("https://api.loganalytics.azure.com/"), "https://api.loganalytics.io/.default")
    {
    }

    /// <param name="name">The cloud's name.</param>
    /// <param name="authorityHost">Where to sign in.</param>
    /// <param name="graphEndpoint">Microsoft Graph.</param>
    /// <param name="logAnalyticsEndpoint">The Log Analytics query API (…/v1/workspaces/{id}/query).</param>
    /// <param name="logAnalyticsScope">The scope a token for that API is asked with.</param>
    public CloudEnvironment(string name, Uri authorityHost, Uri graphEndpoint, Uri logAnalyticsEndpoint, string logAnalyticsScope)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        AuthorityHost = authorityHost ?? throw new ArgumentNullException(nameof(authorityHost));
        GraphEndpoint = graphEndpoint ?? throw new ArgumentNullException(nameof(graphEndpoint));
        LogAnalyticsEndpoint = logAnalyticsEndpoint ?? throw new ArgumentNullException(nameof(logAnalyticsEndpoint));
        LogAnalyticsScope = logAnalyticsScope ?? throw new ArgumentNullException(nameof(logAnalyticsScope));
    }

    /// <summary>The named clouds, in the order the parameter completer offers them.</summary>
    public static IReadOnlyList<CloudEnvironment> Known => KnownClouds;

    public string Name { get; }

    public Uri AuthorityHost { get; }

    public Uri GraphEndpoint { get; }

    /// <summary>The Log Analytics query API of this cloud (workspace sources, <c>-WorkspaceId</c>).</summary>
    public Uri LogAnalyticsEndpoint { get; }

    /// <summary>The scope tokens for the Log Analytics query API are asked with, e.g. https://api.loganalytics.io/.default.</summary>
    public string LogAnalyticsScope { get; }

    /// <summary>The scope that asks for the app's granted Graph permissions in this cloud, e.g. https://graph.microsoft.us/.default.</summary>
    public string DefaultScope => new Uri(GraphEndpoint, ".default").ToString();

    public static CloudEnvironment Get(string name) =>
        KnownClouds.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            "Unknown environment '" + name + "'. Expected one of: " + string.Join(", ", KnownClouds.Select(c => c.Name)) + ".",
            nameof(name));

    /// <summary>A private cloud or a test double: explicit Graph and login endpoints.</summary>
    public static CloudEnvironment Custom(Uri authorityHost, Uri graphEndpoint) => new(CustomName, authorityHost, graphEndpoint);

    /// <summary>This cloud with another Log Analytics query endpoint (a private cloud or a test double); its scope is the endpoint's own.</summary>
    public CloudEnvironment WithLogAnalyticsEndpoint(Uri endpoint)
    {
        // A base without a trailing slash would lose its last segment when the query path is resolved against it.
        var root = endpoint.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        return new(CustomName, AuthorityHost, GraphEndpoint, root, new Uri(root, ".default").ToString());
    }
}
