using System;
using System.Collections.Generic;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// A user's registered methods as one source saw them at one time: what the strength evaluator takes, plus where it
/// came from and how old it is (the freshness every enrollment answer states).
/// </summary>
public sealed class UserMethodsSnapshot
{
    public UserMethodsSnapshot(string userId, IReadOnlyList<RegisteredMethod> methods, MethodsSource source, DateTimeOffset? asOf)
    {
        UserId = userId ?? throw new ArgumentNullException(nameof(userId));
        Methods = methods ?? throw new ArgumentNullException(nameof(methods));
        Source = source;
        AsOf = asOf;
    }

    public string UserId { get; }

    public string? UserPrincipalName { get; init; }

    public string? UserDisplayName { get; init; }

    /// <summary>member or guest, when known.</summary>
    public string? UserType { get; init; }

    public IReadOnlyList<RegisteredMethod> Methods { get; }

    public MethodsSource Source { get; }

    /// <summary>When the data was true: the read time for Live, lastUpdatedDateTime for the report, null when unknown.</summary>
    public DateTimeOffset? AsOf { get; }

    /// <summary>The report row this snapshot was made from, when it was (carries Microsoft's isMfaCapable for comparison).</summary>
    public UserRegistration? Registration { get; init; }
}
