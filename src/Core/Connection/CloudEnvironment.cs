using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Connection;

/// <summary>
/// A Microsoft cloud: where to sign in and where Graph is. The national clouds need both the authority host and the
/// Graph endpoint changed, and scopes must use that cloud's Graph host (Learn, "national cloud deployments").
/// </summary>
public sealed class CloudEnvironment
{
    public const string CustomName = "Custom";

    private static readonly CloudEnvironment[] KnownClouds =
    {
        new("Global", new Uri("https://login.microsoftonline.com/"), new Uri("https://graph.microsoft.com/")),
        new("USGov", new Uri("https://login.microsoftonline.us/"), new Uri("https://graph.microsoft.us/")),
        new("USGovDoD", new Uri("https://login.microsoftonline.us/"), new Uri("https://dod-graph.microsoft.us/")),
        new("China", new Uri("https://login.chinacloudapi.cn/"), new Uri("https://microsoftgraph.chinacloudapi.cn/")),
    };

    public CloudEnvironment(string name, Uri authorityHost, Uri graphEndpoint)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        AuthorityHost = authorityHost ?? throw new ArgumentNullException(nameof(authorityHost));
        GraphEndpoint = graphEndpoint ?? throw new ArgumentNullException(nameof(graphEndpoint));
    }

    /// <summary>The named clouds, in the order the parameter completer offers them.</summary>
    public static IReadOnlyList<CloudEnvironment> Known => KnownClouds;

    public string Name { get; }

    public Uri AuthorityHost { get; }

    public Uri GraphEndpoint { get; }

    /// <summary>The scope that asks for the app's granted Graph permissions in this cloud, e.g. https://graph.microsoft.us/.default.</summary>
    public string DefaultScope => new Uri(GraphEndpoint, ".default").ToString();

    public static CloudEnvironment Get(string name) =>
        KnownClouds.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            "Unknown environment '" + name + "'. Expected one of: " + string.Join(", ", KnownClouds.Select(c => c.Name)) + ".",
            nameof(name));

    /// <summary>A private cloud or a test double: explicit Graph and login endpoints.</summary>
    public static CloudEnvironment Custom(Uri authorityHost, Uri graphEndpoint) => new(CustomName, authorityHost, graphEndpoint);
}
