using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Classification;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// One user account (or one user + client app) whose sign-ins look like a script's: the score 0–100, every piece of
/// evidence behind it, and the workload identity to move to. Find-HeadlessUserSignIn's output type.
/// </summary>
public sealed class HeadlessFinding
{
    public HeadlessFinding(string user, int score, IReadOnlyList<HeadlessEvidence> evidence, WorkloadIdentityRecommendation recommendation)
    {
        User = user;
        Score = score;
        Evidence = (evidence ?? throw new ArgumentNullException(nameof(evidence))).ToTextList();
        Recommendation = recommendation;
    }

    /// <summary>The user's UPN, or id when the source has no UPN.</summary>
    public string User { get; }

    public string? UserPrincipalName { get; init; }

    public string? UserId { get; init; }

    /// <summary>Null for a per-user finding; the client app for a per-user-and-app finding.</summary>
    public string? AppId { get; init; }

    public string? AppDisplayName { get; init; }

    /// <summary>0 (a person) to 100 (certainly a script).</summary>
    public int Score { get; }

    /// <summary>Every signal that counted, strongest first.</summary>
    public IReadOnlyList<HeadlessEvidence> Evidence { get; }

    public WorkloadIdentityRecommendation Recommendation { get; }

    public long SignIns { get; init; }

    public long InteractiveSignIns { get; init; }

    public long NonInteractiveSignIns { get; init; }

    /// <summary>Failed sign-ins with a strong-authentication code (50074, 50076, 50079 …).</summary>
    public long StrongAuthFailures { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset LastSeen { get; init; }

    /// <summary>Distinct source addresses (at most a few, most used first).</summary>
    public IReadOnlyList<string> IpAddresses { get => _ipAddresses; init => _ipAddresses = value.ToTextList(", "); }

    private readonly IReadOnlyList<string> _ipAddresses = Array.Empty<string>().ToTextList();

    public override string ToString() => User + (AppDisplayName is null ? string.Empty : " / " + AppDisplayName) + ": " + Score;
}
