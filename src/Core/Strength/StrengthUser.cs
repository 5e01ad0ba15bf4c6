using System;
using System.Collections.Generic;

namespace EntraStrongAuth.Core.Strength;

/// <summary>Facts about the user that are not registered methods: user type, whether they have a password, federation.</summary>
public sealed class StrengthUser
{
    /// <summary>A member whose password is assumed, not federated.</summary>
    public static StrengthUser Member { get; } = new();

    /// <summary>True for an external (guest) user: email one-time passcodes are theirs only.</summary>
    public bool IsGuest { get; init; }

    /// <summary>
    /// Whether the user has a password. Null: assumed (the methods endpoint lists it, the registration report never
    /// does); for a guest the home organization's first factor stands in for it.
    /// </summary>
    public bool? HasPassword { get; init; }

    /// <summary>federatedSingleFactor and/or federatedMultiFactor when the user's domain is federated (federatedIdpMfaBehavior decides the second).</summary>
    public IReadOnlyList<string> FederatedModes { get; init; } = Array.Empty<string>();
}
