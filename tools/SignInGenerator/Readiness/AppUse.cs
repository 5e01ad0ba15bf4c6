namespace EntraStrongAuth.SignInGenerator.Readiness;

/// <summary>
/// What one user did with one client app against one resource in the window, kept while the sign-ins stream by: the
/// generator's own record of how the user signs in, which the readiness truth is decided from.
/// </summary>
internal sealed class AppUse
{
    public AppUse(TenantUser user, AppInfo app, AppInfo resource)
    {
        User = user;
        App = app;
        Resource = resource;
    }

    public TenantUser User { get; }

    public AppInfo App { get; }

    public AppInfo Resource { get; }

    public bool PasswordGrant { get; private set; }

    public bool Legacy { get; private set; }

    public bool NonInteractive { get; private set; }

    /// <summary>The proof of each success (what it showed beyond the password).</summary>
    public List<MfaProof> Successes { get; } = new();

    /// <summary>Ids of the policies that logged reportOnlyFailure on one of these sign-ins.</summary>
    public HashSet<string> ReportOnlyFailures { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(SignIn signIn)
    {
        PasswordGrant |= signIn.AuthenticationProtocol == "ropc";
        Legacy |= ConditionalAccess.IsLegacyClient(signIn.Client);
        NonInteractive |= !signIn.IsInteractive;
        if (signIn.IsSuccess)
        {
            Successes.Add(signIn.Proof);
        }

        foreach (var applied in signIn.AppliedPolicies.Where(p => p.Result == "reportOnlyFailure"))
        {
            ReportOnlyFailures.Add(applied.Policy.Id);
        }
    }
}
