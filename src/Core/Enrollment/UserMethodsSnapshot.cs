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

    /// <summary>userType guest: email one-time passcodes are theirs, and -ExcludeGuest sets them aside.</summary>
    public bool IsGuest => string.Equals(UserType?.Trim(), "guest", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<RegisteredMethod> Methods { get; }

    public MethodsSource Source { get; }

    /// <summary>When the data was true: the read time for Live, lastUpdatedDateTime for the report, null when unknown.</summary>
    public DateTimeOffset? AsOf { get; }

    /// <summary>The report row this snapshot was made from, when it was (carries Microsoft's isMfaCapable for comparison).</summary>
    public UserRegistration? Registration { get; init; }

    /// <summary>What the source could not say (the report lags and has no per-method details); carried into every answer.</summary>
    public IReadOnlyList<string> Uncertainties { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The snapshot a registration report row stands for: its methodsRegistered values become registered methods (the
    /// strength evaluator's table knows them), its lastUpdatedDateTime the time the data was true.
    /// </summary>
    /// <param name="registration">The report row.</param>
    /// <param name="source"><see cref="MethodsSource.RegistrationReport"/> when read from Graph, <see cref="MethodsSource.File"/> for an export.</param>
    public static UserMethodsSnapshot FromRegistration(UserRegistration registration, MethodsSource source = MethodsSource.RegistrationReport)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        var methods = new List<RegisteredMethod>();
        foreach (var value in registration.MethodsRegistered)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                methods.Add(new RegisteredMethod(value));
            }
        }

        return new UserMethodsSnapshot(registration.Id, methods, source, registration.LastUpdatedDateTime)
        {
            UserPrincipalName = registration.UserPrincipalName,
            UserDisplayName = registration.UserDisplayName,
            UserType = registration.UserType,
            Registration = registration,
            Uncertainties = new[]
            {
                "The registration report lags (up to a day) and lists method names only: no FIDO2 key model (AAGUID), phone SMS sign-in state or Temporary Access Pass expiry, so key restrictions and those states were not checked.",
            },
        };
    }
}
