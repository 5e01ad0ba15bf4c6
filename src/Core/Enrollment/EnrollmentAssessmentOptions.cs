using System;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>What an assessment run knows besides the user's methods: the tables, the clock, and how complete its reads were.</summary>
public sealed class EnrollmentAssessmentOptions
{
    /// <summary>Microsoft documents that the registration report can lag up to a day (mission-anchors b6).</summary>
    public static readonly TimeSpan DefaultMaxDataAge = TimeSpan.FromHours(24);

    public EnrollmentAssessmentOptions(DateTimeOffset now)
    {
        Now = now;
    }

    /// <summary>The time the answer is given at; data older than <see cref="MaxDataAge"/> by this clock is flagged.</summary>
    public DateTimeOffset Now { get; }

    public StrengthData Data { get; init; } = StrengthData.BuiltIn;

    public TimeSpan MaxDataAge { get; init; } = DefaultMaxDataAge;

    /// <summary>
    /// Why the Authentication methods policy is unknown (e.g. the Policy.Read.AuthenticationMethod permission is
    /// missing); stated in the result when the policy passed in is <see cref="UserMethodsPolicy.Unknown"/>.
    /// </summary>
    public string? PolicyUnavailableReason { get; init; }

    /// <summary>
    /// False when the group memberships that target the methods policy could not all be read (paging stopped,
    /// a group was not readable): the policy for the user may enable or disable more than it says.
    /// </summary>
    public bool MembershipComplete { get; init; } = true;
}
