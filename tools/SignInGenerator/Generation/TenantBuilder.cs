using System.Globalization;
using System.Text;
using EntraStrongAuth.SignInGenerator.Personas;

namespace EntraStrongAuth.SignInGenerator.Generation;

/// <summary>Builds the tenant (ids, apps, CA policies) and its users from the seed; the same seed gives the same tenant.</summary>
internal static class TenantBuilder
{
    public static Tenant CreateTenant(int seed, DateTime windowEnd, int days)
    {
        var random = SeededRandom.For(seed, 0x7E4A47);
        string tenantId = random.NextGuid();
        var start = windowEnd.AddDays(-days);
        // Scripts break late in the window (never after its newest working day), so the logs show them working on a
        // steady cadence before the policy and failing after.
        var newestWorkday = Enumerable.Range(1, 7).Select(n => windowEnd.AddDays(-n)).First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var planned = start.AddDays(days * 4 / 7);
        var enforced = planned < newestWorkday ? planned : newestWorkday;
        var apps = new LineOfBusinessApps(
            Finance: new(random.NextGuid(), "Contoso Finance", tenantId),
            ExpensesSpa: new(random.NextGuid(), "Contoso Expenses", tenantId),
            ExpensesApi: new(random.NextGuid(), "Contoso Expenses API", tenantId),
            Timesheets: new(random.NextGuid(), "Contoso Timesheets", tenantId),
            DeployScript: new(random.NextGuid(), "Contoso Deploy Script", tenantId),
            OpsRunbook: new(random.NextGuid(), "Contoso Ops Runbook", tenantId));
        return new Tenant
        {
            Id = tenantId,
            WorkspaceId = random.NextGuid(),
            PartnerTenantId = random.NextGuid(),
            WindowStart = start,
            WindowEnd = windowEnd,
            AzureMfaEnforcedFrom = enforced,
            Apps = apps,
            Policies = CreatePolicies(random, apps, enforced),
        };
    }

    public static TenantUser CreateUser(int seed, Tenant tenant, int index, bool headlessDeck = false)
    {
        var random = SeededRandom.For(seed, 0x05E4, index);
        Persona persona = PersonaDeck.ForSlot(index, headlessDeck);
        AccountProfile account = persona.Account;
        int round = index / PersonaDeck.Size;
        string suffix = round == 0 ? "" : (round + 1).ToString(CultureInfo.InvariantCulture);
        string given = NameBook.Given[index % NameBook.Given.Count];
        string family = NameBook.Family[index % NameBook.Family.Count];
        string person = AsciiLower(given) + "." + AsciiLower(family) + suffix;
        string id = random.NextGuid();
        string deviceId = random.NextGuid();

        string upn, displayName = given + " " + family;
        switch (account.Kind)
        {
            case AccountKind.Service:
                upn = account.UpnPrefix + suffix + "@" + tenant.Domain;
                displayName = account.UpnPrefix + suffix;
                break;
            case AccountKind.BreakGlass:
                upn = account.UpnPrefix + suffix + "@" + tenant.InitialDomain;
                displayName = "Emergency Access " + (round + 1).ToString("00", CultureInfo.InvariantCulture);
                break;
            case AccountKind.Guest:
                upn = account.NotInTenant ? person + "@fabrikam.com" : person + "_fabrikam.com#EXT#@" + tenant.InitialDomain;
                break;
            default:
                upn = person + "@" + (account.Federated ? tenant.FederatedDomain : tenant.Domain);
                break;
        }

        bool guest = account.Kind == AccountKind.Guest;
        return new TenantUser
        {
            Index = index,
            Id = id,
            UserPrincipalName = upn,
            DisplayName = displayName,
            Persona = persona,
            UserType = guest ? "guest" : "member",
            CrossTenantAccessType = guest ? "b2bCollaboration" : "none",
            HomeTenantId = guest ? tenant.PartnerTenantId : tenant.Id,
            Device = account.HasDevice && !guest
                ? new DeviceInfo(deviceId, "CTSO-LT-" + (1000 + index).ToString(CultureInfo.InvariantCulture), true, true,
                    index % 3 == 0 ? "Hybrid Azure AD joined" : "Azure AD joined")
                : null,
            Office = account.Federated ? Places.ManchesterPlant : guest ? Places.PartnerOffice : Places.Headquarters,
            Home = guest ? Places.PartnerOffice : Places.Homes[index % Places.Homes.Count],
            IpHost = random.Next(4000),
            Methods = account.Methods,
            IsAdmin = account.IsAdmin,
            IsServiceAccount = account.Kind == AccountKind.Service,
            IsBreakGlass = account.Kind == AccountKind.BreakGlass,
            PhishingResistantDisabled = account.PhishingResistantDisabled,
        };
    }

    private static CaPolicy[] CreatePolicies(SeededRandom random, LineOfBusinessApps apps, DateTime azureMfaEnforced) => new[]
    {
        new CaPolicy(random.NextGuid(), "CA001 Require MFA for all users, 8 h sign-in frequency", GrantKind.Mfa)
        {
            Users = UserScope.AllUsers,
            SessionControls = new[] { "SignInFrequency" },
            ExcludesServiceAccounts = true,
            ExcludesTrustedLocations = true,
        },
        new CaPolicy(random.NextGuid(), "CA002 Phishing-resistant MFA for admins", GrantKind.Strength)
        {
            StrengthId = Strengths.PhishingResistantId,
            StrengthName = Strengths.PhishingResistantName,
            Users = UserScope.Admins,
            TargetAppIds = new[] { MicrosoftApps.AzureManagement.Id },
        },
        new CaPolicy(random.NextGuid(), "CA003 MFA strength for finance apps", GrantKind.Strength)
        {
            StrengthId = Strengths.MultifactorId,
            StrengthName = Strengths.MultifactorName,
            TargetAppIds = new[] { apps.Finance.Id, apps.ExpensesApi.Id },
        },
        new CaPolicy(random.NextGuid(), "CA004 Require MFA for Azure management", GrantKind.Mfa)
        {
            Users = UserScope.AllUsers,
            TargetAppIds = new[] { MicrosoftApps.AzureManagement.Id },
            EnforcedFrom = azureMfaEnforced,
        },
        // The next step of the rollout, piloted in report-only: MFA everywhere, service accounts included, no trusted
        // locations. Its logged results (reportOnlyInterrupted, reportOnlyFailure) are what readiness reads.
        new CaPolicy(random.NextGuid(), "CA007 Require MFA for all users everywhere (report-only)", GrantKind.Mfa)
        {
            Users = UserScope.AllUsers,
            ReportOnly = true,
        },
    };

    // UPNs allow ASCII only: fold the name book's accented letters.
    private static string AsciiLower(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'ë' or 'é' or 'è' => 'e',
                'í' => 'i',
                'á' or 'à' => 'a',
                'ś' => 's',
                'ó' => 'o',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
