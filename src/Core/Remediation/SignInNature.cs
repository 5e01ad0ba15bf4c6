using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Remediation;

/// <summary>The facts about one sign-in that a remediation test counts, worked out once per sign-in.</summary>
internal readonly struct SignInNature
{
    private SignInNature(bool isSuccess, bool satisfiedMfa, bool isStrongAuthFailure, bool isScripted, bool isHeadless)
    {
        IsSuccess = isSuccess;
        SatisfiedMfa = satisfiedMfa;
        IsStrongAuthFailure = isStrongAuthFailure;
        IsScripted = isScripted;
        IsHeadless = isHeadless;
    }

    public bool IsSuccess { get; }

    public bool SatisfiedMfa { get; }

    public bool IsStrongAuthFailure { get; }

    /// <summary>ROPC, a scripting user agent or an unattended automation app: a script, whatever else it does.</summary>
    public bool IsScripted { get; }

    /// <summary>Scripted, or non-interactive: what an automation's sign-ins look like (a person's are interactive at least sometimes).</summary>
    public bool IsHeadless { get; }

    public static SignInNature Of(SignInEvent signIn, HashSet<int> strongAuthCodes, ClassificationData data)
    {
        var scripted = string.Equals(signIn.AuthenticationProtocol, "ropc", StringComparison.OrdinalIgnoreCase)
            || data.MatchUserAgent(signIn.UserAgent) is not null
            || data.FindApp(signIn.AppId) is { Unattended: true };
        return new SignInNature(
            signIn.IsSuccess,
            signIn.IsSuccess && SuccessProof.ResolvedBy(signIn) is not null,
            !signIn.IsSuccess && strongAuthCodes.Contains(signIn.ErrorCode),
            scripted,
            scripted || signIn.IsInteractive == false);
    }

    /// <summary>Service principal and managed identity sign-ins: the workload identities a script should move to.</summary>
    public static string? WorkloadKind(SignInEvent signIn)
    {
        foreach (var type in signIn.SignInEventTypes)
        {
            if (string.Equals(type, "servicePrincipal", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "managedIdentity", StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        // Sources without signInEventTypes (some exports): no user, but a service principal.
        return signIn.UserPrincipalName is null && signIn.UserId is null && signIn.ServicePrincipalId is not null ? "servicePrincipal" : null;
    }
}
