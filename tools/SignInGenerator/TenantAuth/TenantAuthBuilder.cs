using System.Globalization;
using EntraStrongAuth.SignInGenerator.Personas;

namespace EntraStrongAuth.SignInGenerator.TenantAuth;

/// <summary>
/// Builds the tenant's authentication picture from the users the sign-ins were generated for. It only reads the
/// tenant and users and draws from its own random streams, so the sign-ins of a seed never change. Consistency rules:
/// a user's <see cref="AuthMethods"/> flags (what the sign-ins prove) are always registered; ordinary workers may have
/// more (a FIDO2 key, Windows Hello) because no policy they meet asks for more than MFA; admins and guests get nothing
/// extra, so every strength result in the sign-ins stays true.
/// </summary>
internal static class TenantAuthBuilder
{
    public const string GlobalAdministratorRole = "62e90394-69f5-4237-9190-012177145e10";
    public const string PrivilegedRoleAdministratorRole = "e8611ab8-c189-46e8-94e1-60213ab1f814";

    private static readonly string[] PhoneModels = { "iPhone 15", "Pixel 8", "SM-S921B", "iPhone 13" };
    private static readonly string[] LegacyClients = { "exchangeActiveSync", "other" };
    private static readonly string[] CustomCombinations = { "fido2" };

    public static TenantAuthData Build(int seed, Tenant tenant, IReadOnlyList<TenantUser> users)
    {
        var random = SeededRandom.For(seed, 0xA07A);
        var directory = users.Where(u => !u.Persona.Account.NotInTenant).ToArray();
        var auth = directory.Select(u => ForUser(seed, tenant, u)).ToArray();

        var emergency = new DirectoryGroup(random.NextGuid(), "Emergency access accounts", directory.Where(u => u.IsBreakGlass).ToArray());
        var service = new DirectoryGroup(random.NextGuid(), "Service accounts", directory.Where(u => u.IsServiceAccount).ToArray());
        // The pilot holds the people who registered a phishing-resistant method, and (nested) the emergency accounts:
        // transitiveMembers is the only way to see those.
        var pilot = new DirectoryGroup(random.NextGuid(), "Passwordless pilot",
            auth.Where(a => !a.User.IsBreakGlass && (a.Has(MethodKind.Fido2) || a.Has(MethodKind.WindowsHelloForBusiness))).Select(a => a.User).ToArray())
        {
            NestedGroups = new[] { emergency },
        };

        var custom = new StrengthPolicy(random.NextGuid(), "Contoso approved FIDO2 keys",
            "FIDO2 security keys of the model the tenant issues", BuiltIn: false, CustomCombinations)
        {
            AllowedAaGuids = new[] { Fido2Keys.ApprovedAaGuid },
            CombinationConfigurationId = random.NextGuid(),
        };

        return new TenantAuthData
        {
            Tenant = tenant,
            Users = auth,
            Groups = new[] { pilot, emergency, service },
            PasswordlessPilot = pilot,
            Strengths = BuiltInStrengths.All.Append(custom).ToArray(),
            Policies = Views(tenant, random, emergency, service, pilot, custom),
            ApprovedAaGuids = new[] { Fido2Keys.ApprovedAaGuid },
        };
    }

    private static UserAuth ForUser(int seed, Tenant tenant, TenantUser user)
    {
        var random = SeededRandom.For(seed, 0xA07B, user.Index);
        var registeredBefore = tenant.WindowStart.AddDays(-30);
        DateTime When() => registeredBefore.AddDays(-random.Between(0, 600)).AddSeconds(random.Next(86400));
        var methods = new List<RegisteredMethod>();
        if (user.UserType == "guest")
        {
            // A guest's password and MFA live in the home tenant (no cross-tenant MFA trust here).
            return new UserAuth(user, methods, ReportTime(tenant, user));
        }

        // Graph's fixed id of the password method (authenticationMethod docs: password has the same id for everyone).
        methods.Add(new(MethodKind.Password, "28c10230-6103-485e-b985-444c60001490", When(), null, null, null));
        string phoneModel = random.Pick(PhoneModels);
        if (user.Methods.HasFlag(AuthMethods.AuthenticatorPush))
        {
            methods.Add(new(MethodKind.MicrosoftAuthenticator, random.NextGuid(), When(), phoneModel, "SoftwareTokenActivated", phoneModel));
        }

        if (user.Methods.HasFlag(AuthMethods.Sms))
        {
            // Phone method ids are fixed per phone type; mobile is 3179e48a-… (phoneAuthenticationMethod docs).
            string number = "+44 7700 9" + (user.Index % 100000).ToString("00000", CultureInfo.InvariantCulture);
            methods.Add(new(MethodKind.Phone, "3179e48a-750b-4051-897c-87b9720928f7", When(), null, number, "mobile"));
        }

        if (user.Methods.HasFlag(AuthMethods.SoftwareOath))
        {
            methods.Add(new(MethodKind.SoftwareOath, random.NextGuid(), When(), null, null, null));
        }

        bool ordinaryWorker = user.Persona is OfficeWorker && !user.IsAdmin;
        bool otherKey = ordinaryWorker && user.Index % 12 == 7;
        if (user.Methods.HasFlag(AuthMethods.Fido2) || (ordinaryWorker && user.Index % 6 == 1) || otherKey)
        {
            var (aaGuid, model) = otherKey ? (Fido2Keys.OtherAaGuid, Fido2Keys.OtherModel) : (Fido2Keys.ApprovedAaGuid, Fido2Keys.ApprovedModel);
            methods.Add(new(MethodKind.Fido2, random.NextGuid(), When(), model, aaGuid, model));
        }

        if (ordinaryWorker && user.Device is { } device && user.Index % 10 == 3)
        {
            methods.Add(new(MethodKind.WindowsHelloForBusiness, random.NextGuid(), When(), device.DisplayName, device.DeviceId, null));
        }

        return new UserAuth(user, methods, ReportTime(tenant, user));
    }

    // The registration report is refreshed at most daily (userRegistrationDetails lags); stamp it within the last day.
    private static DateTime ReportTime(Tenant tenant, TenantUser user) =>
        tenant.WindowEnd.AddMinutes(-(5 + (user.Index * 37 % 1400)));

    private static CaPolicyView[] Views(Tenant tenant, SeededRandom random, DirectoryGroup emergency, DirectoryGroup service,
        DirectoryGroup pilot, StrengthPolicy custom)
    {
        var created = tenant.WindowStart.AddDays(-200);
        var views = new List<CaPolicyView>();
        foreach (var policy in tenant.Policies)
        {
            var exclude = new List<string>();
            if (policy.ExcludesBreakGlass)
            {
                exclude.Add(emergency.Id);
            }

            if (policy.ExcludesServiceAccounts)
            {
                exclude.Add(service.Id);
            }

            // A policy that ran report-only early in the window is on now, switched at its enforcement instant.
            views.Add(new CaPolicyView(policy, policy.ReportOnly ? "enabledForReportingButNotEnforced" : "enabled", created, policy.EnforcedFrom)
            {
                ExcludeGroups = exclude,
                IncludeRoles = policy.Users == UserScope.Admins ? new[] { GlobalAdministratorRole, PrivilegedRoleAdministratorRole } : Array.Empty<string>(),
            });
        }

        // Two policies created at the end of the window, so no sign-in could have met them: a report-only pilot of the
        // custom strength and a switched-off legacy-auth block (the three states CA has).
        views.Add(new CaPolicyView(new CaPolicy(random.NextGuid(), "CA005 Approved FIDO2 keys for the passwordless pilot", GrantKind.Strength)
        {
            StrengthId = custom.Id,
            StrengthName = custom.DisplayName,
            ExcludesBreakGlass = false,
        }, "enabledForReportingButNotEnforced", tenant.WindowEnd, null)
        {
            IncludeGroups = new[] { pilot.Id },
        });
        views.Add(new CaPolicyView(new CaPolicy(random.NextGuid(), "CA006 Block legacy authentication", GrantKind.Block)
        {
            Users = UserScope.AllUsers,
        }, "disabled", tenant.WindowEnd, null)
        {
            ExcludeGroups = new[] { emergency.Id },
            ClientAppTypes = LegacyClients,
        });
        return views.ToArray();
    }
}
