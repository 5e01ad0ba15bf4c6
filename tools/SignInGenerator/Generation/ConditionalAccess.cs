namespace EntraStrongAuth.SignInGenerator.Generation;

/// <summary>What the sign-in proved beyond the first factor, which decides each MFA or strength grant.</summary>
internal enum MfaProof
{
    None,
    Mfa,
    PhishingResistant,
}

/// <summary>
/// Evaluates the tenant's policies for a sign-in and fills appliedConditionalAccessPolicies, conditionalAccessStatus,
/// authenticationRequirement and its policies. One evaluator for every persona keeps the CA fields consistent: a
/// failing policy is there because the user's proof really fell short of it, not because a persona said so.
/// </summary>
internal static class ConditionalAccess
{
    public static readonly RequirementPolicy ByConditionalAccess = new("multiConditionalAccess", "Conditional Access");

    public static void Evaluate(Tenant tenant, SignIn signIn, MfaProof proof)
    {
        signIn.Proof = proof;
        bool anyFailure = false, anySuccess = false, mfaRequired = false;
        foreach (CaPolicy policy in tenant.Policies)
        {
            var (satisfied, notSatisfied) = Match(policy, signIn);
            bool enforced = policy.EnforcedAt(signIn.CreatedDateTime);
            if (notSatisfied != ConditionFlags.None)
            {
                signIn.AppliedPolicies.Add(new(policy, enforced ? "notApplied" : "reportOnlyNotApplied", null, satisfied, notSatisfied));
                continue;
            }

            var (granted, strengthResult) = Grant(policy, signIn.User, proof);
            string result = (enforced, granted) switch
            {
                (true, true) => "success",
                (true, false) => "failure",
                (false, true) => "reportOnlySuccess",
                (false, false) => CannotBeInterrupted(signIn, strengthResult) ? "reportOnlyFailure" : "reportOnlyInterrupted",
            };
            signIn.AppliedPolicies.Add(new(policy, result, strengthResult, satisfied, ConditionFlags.None));
            if (!enforced)
            {
                continue;
            }

            anyFailure |= !granted;
            anySuccess |= granted;
            mfaRequired |= policy.Grant is GrantKind.Mfa or GrantKind.Strength;
        }

        signIn.ConditionalAccessStatus = anyFailure ? "failure" : anySuccess ? "success" : "notApplied";
        if (mfaRequired)
        {
            signIn.AuthenticationRequirement = "multiFactorAuthentication";
            if (!signIn.RequirementPolicies.Contains(ByConditionalAccess))
            {
                signIn.RequirementPolicies.Add(ByConditionalAccess);
            }
        }
    }

    /// <summary>Whether the tenant would demand MFA of this sign-in at all (so a persona knows whether to prompt).</summary>
    public static bool RequiresMfa(Tenant tenant, SignIn signIn) =>
        tenant.Policies.Any(p => p.Grant is GrantKind.Mfa or GrantKind.Strength
            && p.EnforcedAt(signIn.CreatedDateTime)
            && Match(p, signIn).NotSatisfied == ConditionFlags.None);

    /// <summary>Whether the policy's user conditions take the user in: the ground truth of scope resolution.</summary>
    public static bool UserInScope(CaPolicy policy, TenantUser user)
    {
        bool inScope = policy.Users switch
        {
            UserScope.AllMembers => user.UserType == "member",
            UserScope.Guests => user.UserType == "guest",
            UserScope.Admins => user.IsAdmin,
            _ => true,
        };
        return inScope && !(policy.ExcludesServiceAccounts && user.IsServiceAccount) && !(policy.ExcludesBreakGlass && user.IsBreakGlass);
    }

    private static (ConditionFlags Satisfied, ConditionFlags NotSatisfied) Match(CaPolicy policy, SignIn signIn)
    {
        if (!UserInScope(policy, signIn.User))
        {
            return (ConditionFlags.None, ConditionFlags.Users);
        }

        bool appTargeted = policy.TargetAppIds is null
            || policy.TargetAppIds.Contains(signIn.Resource.Id) || policy.TargetAppIds.Contains(signIn.App.Id);
        if (!appTargeted)
        {
            return (ConditionFlags.Users, ConditionFlags.Application);
        }

        var satisfied = ConditionFlags.Users | ConditionFlags.Application;
        if (policy.ExcludesTrustedLocations)
        {
            if (signIn.Place.IsTrusted)
            {
                return (satisfied, ConditionFlags.Location);
            }

            satisfied |= ConditionFlags.Location;
        }

        return (satisfied, ConditionFlags.None);
    }

    /// <summary>
    /// Whether a grant the sign-in fell short of could not have been met by prompting: the password grant and legacy
    /// protocols carry no challenge, and a strength the methods policy puts out of reach (cannotSatisfy) is not met by
    /// any prompt. A report-only policy logs reportOnlyFailure for these, reportOnlyInterrupted for the rest.
    /// </summary>
    public static bool CannotBeInterrupted(SignIn signIn, string? strengthResult) =>
        signIn.AuthenticationProtocol == "ropc" || IsLegacyClient(signIn.Client) || strengthResult == "cannotSatisfy";

    /// <summary>Legacy protocols (IMAP4, POP3, Exchange ActiveSync, Other clients …): anything but a browser or a modern client.</summary>
    public static bool IsLegacyClient(ClientProfile client) =>
        client.ClientAppUsed is not ("Browser" or "Mobile Apps and Desktop clients");

    // The authenticationStrengthResult values are the beta enum (mission anchors b2); a plain MFA grant has none.
    private static (bool Granted, string? StrengthResult) Grant(CaPolicy policy, TenantUser user, MfaProof proof)
    {
        switch (policy.Grant)
        {
            case GrantKind.Mfa:
                return (proof >= MfaProof.Mfa, null);
            case GrantKind.Block:
                return (false, null);
            case GrantKind.Strength when policy.StrengthId == Strengths.PhishingResistantId:
                if (proof == MfaProof.PhishingResistant)
                {
                    return (true, "satisfied");
                }

                return (false, user.PhishingResistantDisabled ? "cannotSatisfy"
                    : user.HasPhishingResistantMethod ? "singleChallengeRequired" : "singleRegistrationRequired");
            case GrantKind.Strength:
                return proof >= MfaProof.Mfa ? (true, "satisfied")
                    : (false, user.HasMfaMethod ? "singleChallengeRequired" : "singleRegistrationRequired");
            default:
                return (true, null);
        }
    }
}

/// <summary>The built-in authentication strengths the tenant uses (ids are fixed by Microsoft).</summary>
internal static class Strengths
{
    public const string MultifactorId = "00000000-0000-0000-0000-000000000002";
    public const string MultifactorName = "Multifactor authentication";
    public const string PhishingResistantId = "00000000-0000-0000-0000-000000000004";
    public const string PhishingResistantName = "Phishing-resistant MFA";
}
