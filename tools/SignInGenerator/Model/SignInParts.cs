using System.Globalization;

namespace EntraStrongAuth.SignInGenerator.Model;

/// <summary>An application or resource service principal, with the tenant that owns it (Microsoft's for first-party apps).</summary>
internal sealed record AppInfo(string Id, string DisplayName, string OwnerTenantId);

/// <summary>
/// Where a sign-in comes from: geo-IP answer, network (documentation IP ranges only) and named location. Each place
/// owns a slice of its prefix (<see cref="HostBase"/>, <see cref="HostCount"/>) so two places never share an address.
/// </summary>
internal sealed record Place(
    string City, string State, string CountryOrRegion, double Latitude, double Longitude,
    string IpPrefix, int HostBase, int HostCount, int AutonomousSystemNumber, string? NamedLocation)
{
    public bool IsTrusted => NamedLocation is not null;

    /// <summary>The address of host number <paramref name="host"/> at this place (IPv4 dotted or IPv6 within a /64).</summary>
    public string Ip(int host)
    {
        int n = HostBase + (host % HostCount);
        return IpPrefix.EndsWith(':')
            ? IpPrefix + n.ToString("x", CultureInfo.InvariantCulture) + "::1"
            : IpPrefix + n.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>The registered device a user signs in from (null for script hosts and unmanaged phones).</summary>
internal sealed record DeviceInfo(string DeviceId, string DisplayName, bool IsCompliant, bool IsManaged, string TrustType);

/// <summary>
/// The software making the request: what Entra reports as client app, user agent, browser and OS, and whether
/// the request carries the user's device identity (browsers with the SSO extension and WAM do; scripts never).
/// </summary>
internal sealed record ClientProfile(
    string Name, string ClientAppUsed, string UserAgent, string Browser, string OperatingSystem, bool PresentsDevice);

/// <summary>authenticationRequirementPolicies[]: which source demanded the requirement.</summary>
internal sealed record RequirementPolicy(string RequirementProvider, string Detail);

/// <summary>authenticationDetails[]: one step of the sign-in and its result text, as Entra words it.</summary>
internal sealed record AuthStep(
    DateTime StepDateTime, string? Method, string? MethodDetail, bool Succeeded, string? ResultDetail, string StepRequirement);

/// <summary>sessionLifetimePolicies[]: why the session had to be re-established.</summary>
internal sealed record SessionLifetime(string ExpirationRequirement, string Detail);

/// <summary>appliedConditionalAccessPolicies[]: one tenant policy's outcome for this sign-in.</summary>
internal sealed record AppliedPolicy(
    CaPolicy Policy, string Result, string? StrengthResult, ConditionFlags Satisfied, ConditionFlags NotSatisfied);

/// <summary>Identity Protection fields; most sign-ins carry "none" everywhere.</summary>
internal sealed record Risk(string DuringSignIn, string Aggregated, string State, string Detail, IReadOnlyList<string> EventTypes)
{
    public static readonly Risk None = new("none", "none", "none", "none", Array.Empty<string>());
}

/// <summary>conditionalAccessConditions flags (Graph writes their names comma-separated, Log Analytics the number).</summary>
[Flags]
internal enum ConditionFlags
{
    None = 0,
    Application = 1,
    Users = 2,
    DevicePlatform = 4,
    Location = 8,
    ClientType = 16,
    SignInRisk = 32,
    UserRisk = 64,
}

/// <summary>The methods a user has registered (what the strength evaluation looks at).</summary>
[Flags]
internal enum AuthMethods
{
    None = 0,
    AuthenticatorPush = 1,
    Sms = 2,
    SoftwareOath = 4,
    Fido2 = 8,
}
