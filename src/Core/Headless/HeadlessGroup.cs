using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// Sign-ins of one account that are alike in everything headless scoring reads of a sign-in: the same client app,
/// resource, address, network, user agent, client, protocol, interactivity, device presence and result. One sign-in
/// is a group of one (<see cref="From"/>); a workspace returns groups made by <c>summarize</c>, so the sign-ins
/// themselves never leave it. <see cref="SignInFacts"/> and <see cref="SignInAggregate"/> read only this, which is
/// why both paths give the same score.
/// </summary>
internal sealed class HeadlessGroup
{
    // One shared one-element list per hour: a sign-in at a time costs no extra allocation for its hour.
    private static readonly IReadOnlyList<int>[] HourList = Enumerable.Range(0, 24).Select(h => (IReadOnlyList<int>)new[] { h }).ToArray();

    /// <summary>How many sign-ins the group stands for.</summary>
    public long SignIns { get; init; } = 1;

    public DateTimeOffset First { get; init; }

    public DateTimeOffset Last { get; init; }

    /// <summary>The hours of the day (UTC, 0-23) the group's sign-ins happened in.</summary>
    public IReadOnlyList<int> Hours { get; init; } = Array.Empty<int>();

    public string? UserPrincipalName { get; init; }

    public string? UserId { get; init; }

    public string? AppId { get; init; }

    public string? AppDisplayName { get; init; }

    public string? ResourceId { get; init; }

    public string? ResourceDisplayName { get; init; }

    public string? IpAddress { get; init; }

    public long? AutonomousSystemNumber { get; init; }

    public string? UserAgent { get; init; }

    public string? ClientAppUsed { get; init; }

    public string? AuthenticationProtocol { get; init; }

    public string? OriginalTransferMethod { get; init; }

    /// <summary>Null when the source says nothing of interactivity (no isInteractive, no signInEventTypes).</summary>
    public bool? IsInteractive { get; init; }

    public bool HasDevice { get; init; }

    public bool IsSuccess { get; init; }

    /// <summary>Failed with one of <see cref="SignInFacts.StrongAuthCodes"/>.</summary>
    public bool IsStrongAuthFailure { get; init; }

    /// <summary>A success whose requirement was MFA or that has a succeeded multi-factor step (false for failures).</summary>
    public bool MfaSatisfied { get; init; }

    /// <summary>The account the group counts for: the UPN, or the object id when the log has no UPN.</summary>
    public string? Account => UserPrincipalName ?? UserId;

    /// <summary>The client app of the per-app aggregate.</summary>
    public string AppKey => AppId ?? AppDisplayName ?? SignInAggregate.UnknownApp;

    /// <summary>One sign-in as a group of one.</summary>
    public static HeadlessGroup From(SignInEvent e)
    {
        var hour = e.CreatedDateTime.UtcDateTime.Hour;
        return new HeadlessGroup
        {
            First = e.CreatedDateTime,
            Last = e.CreatedDateTime,
            Hours = HourList[hour],
            UserPrincipalName = e.UserPrincipalName,
            UserId = e.UserId,
            AppId = e.AppId,
            AppDisplayName = e.AppDisplayName,
            ResourceId = e.ResourceId,
            ResourceDisplayName = e.ResourceDisplayName,
            IpAddress = e.IpAddress,
            AutonomousSystemNumber = e.AutonomousSystemNumber,
            UserAgent = e.UserAgent,
            ClientAppUsed = e.ClientAppUsed,
            AuthenticationProtocol = e.AuthenticationProtocol,
            OriginalTransferMethod = e.OriginalTransferMethod,
            IsInteractive = e.IsInteractive ?? (e.SignInEventTypes.Count > 0 ? e.SignInEventTypes.Contains("interactiveUser", StringComparer.OrdinalIgnoreCase) : null),
            HasDevice = !string.IsNullOrWhiteSpace(e.DeviceId),
            IsSuccess = e.IsSuccess,
            IsStrongAuthFailure = SignInFacts.IsStrongAuthCode(e.ErrorCode),
            MfaSatisfied = e.IsSuccess && (
                string.Equals(e.AuthenticationRequirement, "multiFactorAuthentication", StringComparison.OrdinalIgnoreCase)
                || e.AuthenticationDetails.Any(d => d.Succeeded == true && d.AuthenticationStepRequirement is { } r
                    && r.IndexOf("multi", StringComparison.OrdinalIgnoreCase) >= 0)),
        };
    }
}
