using System;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Tests.Classification;

/// <summary>Fluent changes to a test sign-in, one fact each, so a test reads as the situation it describes.</summary>
internal static class SignInEventExtensions
{
    public static SignInEvent With(this SignInEvent e, Action<SignInEvent> change)
    {
        change(e);
        return e;
    }

    /// <summary>A silent token refresh by a desktop or mobile client: no UI, refresh token presented.</summary>
    public static SignInEvent Silent(this SignInEvent e, string tokenType = "refreshToken") => e.With(x =>
    {
        x.IsInteractive = false;
        x.SignInEventTypes = new[] { "nonInteractiveUser" };
        x.IncomingTokenType = tokenType;
        x.ClientAppUsed = "Mobile Apps and Desktop clients";
    });

    public static SignInEvent App(this SignInEvent e, string appId, string name) => e.With(x =>
    {
        x.AppId = appId;
        x.AppDisplayName = name;
    });

    /// <summary>No device facts at all, as for an HTTP library calling the token endpoint.</summary>
    public static SignInEvent Deviceless(this SignInEvent e) => e.With(x =>
    {
        x.DeviceId = null;
        x.DeviceDisplayName = null;
        x.OperatingSystem = null;
        x.Browser = null;
    });

    public static SignInEvent Policy(this SignInEvent e, string name, string result, string[]? grant = null, string? strength = null, string? strengthResult = null) => e.With(x =>
        x.AppliedConditionalAccessPolicies = x.AppliedConditionalAccessPolicies.Append(new AppliedConditionalAccessPolicy
        {
            Id = Guid.NewGuid().ToString(),
            DisplayName = name,
            Result = result,
            EnforcedGrantControls = grant ?? Array.Empty<string>(),
            AuthenticationStrengthId = strength is null ? null : "00000000-0000-0000-0000-000000000004",
            AuthenticationStrengthDisplayName = strength,
            AuthenticationStrengthResult = strengthResult,
        }).ToArray());

    /// <summary>Conditional Access hidden, as when the reader lacks Policy.Read.All.</summary>
    public static SignInEvent NoConditionalAccessDetail(this SignInEvent e) => e.With(x =>
    {
        x.AppliedConditionalAccessPolicies = Array.Empty<AppliedConditionalAccessPolicy>();
        x.ConditionalAccessStatus = null;
    });

    public static SignInEvent RequiredBy(this SignInEvent e, string provider) => e.With(x =>
        x.AuthenticationRequirementPolicies = x.AuthenticationRequirementPolicies.Append(new AuthenticationRequirementPolicy { RequirementProvider = provider, Detail = provider }).ToArray());

    public static SignInEvent Step(this SignInEvent e, string method, string requirement, bool succeeded, string detail) => e.With(x =>
        x.AuthenticationDetails = x.AuthenticationDetails.Append(new AuthenticationDetail
        {
            AuthenticationMethod = method,
            AuthenticationStepRequirement = requirement,
            Succeeded = succeeded,
            AuthenticationStepResultDetail = detail,
            AuthenticationStepDateTime = x.CreatedDateTime,
        }).ToArray());

    public static SignInEvent SessionLifetime(this SignInEvent e, string requirement) => e.With(x =>
        x.SessionLifetimePolicies = new[] { new SessionLifetimePolicy { ExpirationRequirement = requirement, Detail = "Sign-in frequency 4 hours" } });

    public static SignInEvent Linked(this SignInEvent e, SignInEvent to) => e.With(x =>
    {
        x.CorrelationId = to.CorrelationId;
        x.OriginalRequestId = to.OriginalRequestId;
        x.SessionId = to.SessionId;
    });

    /// <summary>No identifier in common with any other sign-in: only user + app can link it.</summary>
    public static SignInEvent Unlinked(this SignInEvent e) => e.With(x =>
    {
        x.CorrelationId = TestSignIns.NewId("c0e10000");
        x.OriginalRequestId = TestSignIns.NewId("0e1a0000");
        x.SessionId = TestSignIns.NewId("5e550000");
    });
}
