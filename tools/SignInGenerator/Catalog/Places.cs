namespace EntraStrongAuth.SignInGenerator.Catalog;

/// <summary>
/// Where Contoso's sign-ins come from. Addresses are from the documentation ranges (RFC 5737, RFC 3849) so no real
/// network is named; cities, coordinates and ASNs are plausible for the story (a UK company with an Azure build agent).
/// </summary>
internal static class Places
{
    public static readonly Place Headquarters = new("London", "England", "GB", 51.5072, -0.1276, "203.0.113.", 10, 2, 2856, "Contoso HQ");

    /// <summary>Not a trusted location: the plant reaches Entra through AD FS and is held to MFA like a home network.</summary>
    public static readonly Place ManchesterPlant = new("Manchester", "England", "GB", 53.4808, -2.2426, "192.0.2.", 1, 40, 5089, null);

    public static readonly IReadOnlyList<Place> Homes = new Place[]
    {
        new("Reading", "England", "GB", 51.4543, -0.9781, "198.51.100.", 10, 100, 5607, null),
        new("Brighton", "England", "GB", 50.8225, -0.1372, "2001:db8:5a1:", 16, 4000, 5089, null),
        new("Oxford", "England", "GB", 51.7520, -1.2577, "198.51.100.", 110, 90, 2856, null),
        new("Cambridge", "England", "GB", 52.2053, 0.1218, "2001:db8:77c:", 16, 4000, 5607, null),
    };

    /// <summary>A self-hosted build agent in Azure West Europe (Microsoft's ASN).</summary>
    public static readonly Place AzureWestEurope = new("Amsterdam", "Noord-Holland", "NL", 52.3676, 4.9041, "192.0.2.", 100, 50, 8075, null);

    /// <summary>The B2B partner's office.</summary>
    public static readonly Place PartnerOffice = new("Seattle", "Washington", "US", 47.6062, -122.3321, "2001:db8:fab:", 16, 4000, 7922, null);

    /// <summary>A rented server used by whoever holds a stolen password.</summary>
    public static readonly Place AttackerHost = new("Frankfurt am Main", "Hessen", "DE", 50.1109, 8.6821, "198.51.100.", 200, 54, 24940, null);

    /// <summary>GitHub-hosted Actions runners as the story has them: GitHub's own network (AS36459), a new address each run.</summary>
    public static readonly Place GitHubRunners = new("Ashburn", "Virginia", "US", 39.0438, -77.4874, "2001:db8:6e1:", 16, 4000, 36459, null);

    /// <summary>A UK mobile network (phones on the move).</summary>
    public static readonly Place MobileNetwork = new("London", "England", "GB", 51.5072, -0.1276, "2001:db8:e0:", 16, 4000, 25135, null);
}
