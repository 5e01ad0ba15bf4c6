using EntraStrongAuth.SignInGenerator.Personas;
using EntraStrongAuth.SignInGenerator.TenantAuth;

namespace EntraStrongAuth.SignInGenerator.Readiness;

/// <summary>One row of readiness-truth.csv: what enforcing the policy truly does to one user and client app.</summary>
internal sealed record ReadinessTruthRow(CaPolicyView Policy, TenantUser User, AppInfo App, string Verdict, IReadOnlyList<string> Reasons);

/// <summary>
/// The answer key of Test-StrongAuthReadiness, decided from what the generator knows and never from the module's code:
/// which persona is a script, which client never falls back, which grant and protocol each sign-in used, what each
/// report-only policy logged, and which methods each user has and the methods policy allows. For each policy that
/// demands MFA or a strength (and a planned "require MFA for all users"), every user and client app that signed in
/// within the policy's user and app conditions gets a verdict; reasons to break win, then registration, then whether
/// every success already proved what the policy asks.
/// </summary>
internal sealed class ReadinessTruth
{
    public const string PlannedId = "planned";

    private readonly Dictionary<(string User, string App, string Resource), AppUse> _uses = new();

    /// <summary>The planned policy the truth also answers for: MFA for every user and app, nobody excluded.</summary>
    public static CaPolicyView Planned(DateTime created) =>
        new(new CaPolicy(PlannedId, "Planned: Require multifactor authentication", GrantKind.Mfa) { Users = UserScope.AllUsers, ExcludesBreakGlass = false }, "planned", created, null);

    public void Observe(SignIn signIn)
    {
        var key = (signIn.User.Id, signIn.App.Id, signIn.Resource.Id);
        if (!_uses.TryGetValue(key, out var use))
        {
            _uses[key] = use = new AppUse(signIn.User, signIn.App, signIn.Resource);
        }

        use.Add(signIn);
    }

    public IEnumerable<ReadinessTruthRow> Rows(TenantAuthData auth)
    {
        var policies = auth.Policies.Where(v => v.Policy.Grant is GrantKind.Mfa or GrantKind.Strength).Append(Planned(auth.Tenant.WindowEnd));
        var byUserAndApp = _uses.Values.Where(u => !u.User.Persona.Account.NotInTenant).GroupBy(u => (u.User.Id, u.App.Id)).OrderBy(g => g.First().User.Index).ThenBy(g => g.First().App.DisplayName, StringComparer.Ordinal).ToList();
        foreach (var policy in policies)
        {
            foreach (var group in byUserAndApp)
            {
                var user = group.First().User;
                var inScope = group.Where(u => AppInScope(policy.Policy, u)).ToList();
                if (inScope.Count > 0 && UserInScope(policy, user, auth))
                {
                    yield return Decide(policy, inScope, auth);
                }
            }
        }
    }

    private static ReadinessTruthRow Decide(CaPolicyView policy, List<AppUse> uses, TenantAuthData auth)
    {
        var user = uses[0].User;
        var app = uses[0].App;
        var reasons = new List<string>();
        if (user.Persona.IsHeadless)
        {
            reasons.Add("Script");
        }

        if (uses.Any(u => u.PasswordGrant))
        {
            reasons.Add("PasswordGrant");
        }

        if (uses.Any(u => u.Legacy))
        {
            reasons.Add("LegacyProtocol");
        }

        if (user.Persona is SilentClient silent && silent.SilentApp(auth.Tenant).Id == app.Id && uses.Any(u => u.NonInteractive))
        {
            reasons.Add("AppNeverFallsBack");
        }

        var registered = auth.Users.FirstOrDefault(a => a.User.Id == user.Id);
        var demand = Demand.Of(policy.Policy, auth);
        if (!demand.Satisfiable(user, registered, auth))
        {
            reasons.Add("StrengthUnsatisfiable");
        }

        if (uses.Any(u => u.ReportOnlyFailures.Contains(policy.Policy.Id)))
        {
            reasons.Add("ReportOnlyFailure");
        }

        var successes = uses.SelectMany(u => u.Successes).ToList();
        string verdict = reasons.Count > 0 ? "WillBreak"
            : !demand.Registered(registered, auth) ? "MustRegister"
            : successes.Count > 0 && successes.All(demand.Proves) ? "Ready"
            : "WillPrompt";
        return new ReadinessTruthRow(policy, user, app, verdict, reasons);
    }

    // The policy's users: its included groups (transitively) if it names any, and the generator's own scope rule.
    private static bool UserInScope(CaPolicyView policy, TenantUser user, TenantAuthData auth) =>
        (policy.IncludeGroups.Count == 0 || auth.Groups.Where(g => policy.IncludeGroups.Contains(g.Id)).Any(g => g.TransitiveUsers.Any(u => u.Id == user.Id)))
        && ConditionalAccess.UserInScope(policy.Policy, user);

    // Cloud apps: the resource or the client app named by the policy, as the generator's evaluation matches them.
    private static bool AppInScope(CaPolicy policy, AppUse use) =>
        policy.TargetAppIds is null || policy.TargetAppIds.Contains(use.App.Id) || policy.TargetAppIds.Contains(use.Resource.Id);
}
