using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Enrollment;

/// <summary>
/// One row of the tenant's registration report (<c>reports/authenticationMethods/userRegistrationDetails</c>, or the
/// admin center's export of it). The report is computed by Microsoft, not live: <see cref="LastUpdatedDateTime"/>
/// says how old its answer is, and it can lag a day behind what the user registered.
/// </summary>
public sealed class UserRegistration
{
    public UserRegistration(string id, string? userPrincipalName)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        UserPrincipalName = userPrincipalName;
    }

    /// <summary>The user's object id.</summary>
    public string Id { get; }

    public string? UserPrincipalName { get; }

    public string? UserDisplayName { get; init; }

    /// <summary>member or guest (null when the source does not say).</summary>
    public string? UserType { get; init; }

    public bool? IsAdmin { get; init; }

    /// <summary>Registered a strong method (whether or not the methods policy allows it).</summary>
    public bool? IsMfaRegistered { get; init; }

    /// <summary>Registered a strong method that the methods policy allows (Microsoft's own verdict).</summary>
    public bool? IsMfaCapable { get; init; }

    public bool? IsPasswordlessCapable { get; init; }

    /// <summary>methodsRegistered values as Graph spells them (mobilePhone, microsoftAuthenticatorPush, passKeyDeviceBound …).</summary>
    public IReadOnlyList<string> MethodsRegistered { get; init; } = Array.Empty<string>();

    public string? DefaultMfaMethod { get; init; }

    /// <summary>When Microsoft last computed the row; null when the source does not say.</summary>
    public DateTimeOffset? LastUpdatedDateTime { get; init; }

    /// <summary>Where the row came from: <c>Graph …/userRegistrationDetails</c> or <c>file.csv line 12</c>.</summary>
    public string? Source { get; init; }

    public override string ToString() => (UserPrincipalName ?? Id) + ": " + string.Join(", ", MethodsRegistered);
}
