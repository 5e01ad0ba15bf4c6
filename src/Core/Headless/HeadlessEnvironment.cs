using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Headless;

/// <summary>Where a script runs, told by its network or user agent, and the workload identity that fits there.</summary>
public sealed class HeadlessEnvironment
{
    public HeadlessEnvironment(string name, WorkloadIdentityKind kind, IReadOnlyList<long> asns, IReadOnlyList<string> userAgentContains)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        IdentityKind = kind;
        Asns = asns ?? throw new ArgumentNullException(nameof(asns));
        UserAgentContains = userAgentContains ?? throw new ArgumentNullException(nameof(userAgentContains));
    }

    /// <summary>"GitHub Actions", "Azure DevOps", "Kubernetes", "Azure".</summary>
    public string Name { get; }

    public string Kind => IdentityKind.ToString();

    internal WorkloadIdentityKind IdentityKind { get; }

    public IReadOnlyList<long> Asns { get; }

    public IReadOnlyList<string> UserAgentContains { get; }

    /// <summary>Whether the sign-in came from this environment, and the fact that says so.</summary>
    public string? Match(long? asn, string? userAgent)
    {
        if (asn is { } number && Contains(Asns, number))
        {
            return "AS" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(userAgent))
        {
            foreach (var marker in UserAgentContains)
            {
                if (userAgent!.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return "user agent '" + marker + "'";
                }
            }
        }

        return null;
    }

    public override string ToString() => Name + " (" + Kind + ")";

    private static bool Contains(IReadOnlyList<long> list, long value)
    {
        foreach (var item in list)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }
}
