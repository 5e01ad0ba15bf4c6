using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Strength;

namespace EntraStrongAuth.Core.Policies;

/// <summary>
/// A Conditional Access policy as far as strong authentication is concerned: who and what it covers, whether it is
/// on, report-only or off, and what it demands (MFA, an authentication strength, other grant controls). Values
/// Graph may extend (state, grant controls, guest types) stay strings.
/// </summary>
public sealed partial class StrongAuthPolicy
{
    private static readonly IReadOnlyList<string> None = Array.Empty<string>();

    public StrongAuthPolicy(string id, string displayName, string state)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
        State = state ?? throw new ArgumentNullException(nameof(state));
    }

    public string Id { get; }

    public string DisplayName { get; }

    /// <summary>Graph's state: enabled, enabledForReportingButNotEnforced, disabled, or a newer value.</summary>
    public string State { get; }

    /// <summary>On, ReportOnly, Off or Unknown (a <see cref="PolicyState"/> name): the state in the words admins use.</summary>
    public string StateKind => StateValue.ToString();

    internal PolicyState StateValue => State.ToUpperInvariant() switch
    {
        "ENABLED" => PolicyState.On,
        "ENABLEDFORREPORTINGBUTNOTENFORCED" => PolicyState.ReportOnly,
        "DISABLED" => PolicyState.Off,
        _ => PolicyState.Unknown,
    };

    public bool IsReportOnly => StateValue == PolicyState.ReportOnly;

    public DateTimeOffset? CreatedDateTime { get; init; }

    public DateTimeOffset? ModifiedDateTime { get; init; }

    /// <summary>AND or OR: whether every grant control is needed or one of them.</summary>
    public string? GrantOperator { get; init; }

    /// <summary>mfa, compliantDevice, domainJoinedDevice, approvedApplication, compliantApplication, passwordChange, block, or newer values.</summary>
    public IReadOnlyList<string> BuiltInControls { get; init; } = None;

    public IReadOnlyList<string> CustomAuthenticationFactors { get; init; } = None;

    public IReadOnlyList<string> TermsOfUse { get; init; } = None;

    /// <summary>The grant controls include <c>mfa</c>.</summary>
    public bool RequiresMfa => BuiltInControls.Contains("mfa", StringComparer.OrdinalIgnoreCase);

    /// <summary>The id of the authentication strength the policy demands, if any.</summary>
    public string? AuthenticationStrengthId { get; init; }

    /// <summary>The strength's name as the policy carries it (Graph expands it on beta), or the resolved strength's name.</summary>
    public string? AuthenticationStrengthName { get; init; }

    /// <summary>The strength resolved to its definition (built-in, or custom from the same tenant read); null when unknown.</summary>
    public AuthenticationStrength? AuthenticationStrength { get; private set; }

    /// <summary>The policy demands MFA or an authentication strength.</summary>
    public bool DemandsStrongAuthentication => RequiresMfa || AuthenticationStrengthId is not null;

    public IReadOnlyList<string> IncludeUsers { get; init; } = None;

    public IReadOnlyList<string> ExcludeUsers { get; init; } = None;

    public IReadOnlyList<string> IncludeGroups { get; init; } = None;

    public IReadOnlyList<string> ExcludeGroups { get; init; } = None;

    public IReadOnlyList<string> IncludeRoles { get; init; } = None;

    public IReadOnlyList<string> ExcludeRoles { get; init; } = None;

    /// <summary>The guest or external user types included (Graph's comma-separated guestOrExternalUserTypes), or null.</summary>
    public string? IncludeGuestsOrExternalUsers { get; init; }

    public string? ExcludeGuestsOrExternalUsers { get; init; }

    /// <summary>The external tenants includeGuestsOrExternalUsers is narrowed to; empty means all tenants.</summary>
    public IReadOnlyList<string> IncludeGuestsOrExternalTenants { get; init; } = None;

    /// <summary>The external tenants excludeGuestsOrExternalUsers is narrowed to; empty means all tenants.</summary>
    public IReadOnlyList<string> ExcludeGuestsOrExternalTenants { get; init; } = None;

    /// <summary>Application ids, or All, None, Office365, MicrosoftAdminPortals.</summary>
    public IReadOnlyList<string> IncludeApplications { get; init; } = None;

    public IReadOnlyList<string> ExcludeApplications { get; init; } = None;

    /// <summary>urn:user:registersecurityinfo, urn:user:registerdevice, or newer actions.</summary>
    public IReadOnlyList<string> IncludeUserActions { get; init; } = None;

    public IReadOnlyList<string> IncludeAuthenticationContextClassReferences { get; init; } = None;

    public IReadOnlyList<string> ClientAppTypes { get; init; } = None;

    public SignInFrequency? SignInFrequency { get; init; }

    /// <summary>Where the policy was read: Graph, or a file.</summary>
    public string? Source { get; init; }

    /// <summary>What a sign-in must show, joined by the grant operator: <c>MFA</c>, <c>Phishing-resistant MFA</c>, <c>MFA or compliantDevice</c>.</summary>
    public string Requires
    {
        get
        {
            var parts = new List<string>();
            if (AuthenticationStrengthId is not null)
            {
                parts.Add(AuthenticationStrength?.DisplayName ?? AuthenticationStrengthName ?? ("strength " + AuthenticationStrengthId));
            }

            foreach (var control in BuiltInControls)
            {
                parts.Add(string.Equals(control, "mfa", StringComparison.OrdinalIgnoreCase) ? "MFA" : control);
            }

            if (parts.Count == 0)
            {
                return "(nothing)";
            }

            var joiner = string.Equals(GrantOperator, "AND", StringComparison.OrdinalIgnoreCase) ? " and " : " or ";
            return string.Join(joiner, parts);
        }
    }

    /// <summary>Who is in scope, briefly: <c>All users -1 user -2 groups</c>, <c>3 groups, 1 role</c>, <c>guests</c>.</summary>
    public string UsersSummary
    {
        get
        {
            var include = new List<string>();
            if (IncludeUsers.Contains("All", StringComparer.OrdinalIgnoreCase))
            {
                include.Add("All users");
            }
            else
            {
                AddCount(include, IncludeUsers.Count(u => !IsKeyword(u)), "user");
                if (IncludeUsers.Contains("GuestsOrExternalUsers", StringComparer.OrdinalIgnoreCase) || IncludeGuestsOrExternalUsers is not null)
                {
                    include.Add("guests");
                }
            }

            AddCount(include, IncludeGroups.Count, "group");
            AddCount(include, IncludeRoles.Count, "role");
            var text = include.Count == 0 ? "None" : string.Join(", ", include);
            var excluded = ExcludeUsers.Count(u => !IsKeyword(u)) + ExcludeGroups.Count + ExcludeRoles.Count;
            var guestsExcluded = ExcludeUsers.Contains("GuestsOrExternalUsers", StringComparer.OrdinalIgnoreCase) || ExcludeGuestsOrExternalUsers is not null;
            if (excluded > 0)
            {
                text += " -" + excluded.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return guestsExcluded ? text + " -guests" : text;
        }
    }

    /// <summary>What is in scope, briefly: <c>All apps -7</c>, <c>Office365</c>, <c>2 apps</c>, <c>registersecurityinfo</c>.</summary>
    public string AppsSummary
    {
        get
        {
            var include = new List<string>();
            var apps = IncludeApplications.Where(a => !string.Equals(a, "None", StringComparison.OrdinalIgnoreCase)).ToList();
            if (apps.Count == 1 && IsKeyword(apps[0]))
            {
                include.Add(string.Equals(apps[0], "All", StringComparison.OrdinalIgnoreCase) ? "All apps" : apps[0]);
            }
            else
            {
                AddCount(include, apps.Count, "app");
            }

            include.AddRange(IncludeUserActions.Select(a => a.StartsWith("urn:user:", StringComparison.OrdinalIgnoreCase) ? a.Substring("urn:user:".Length) : a));
            AddCount(include, IncludeAuthenticationContextClassReferences.Count, "auth context");
            var text = include.Count == 0 ? "None" : string.Join(", ", include);
            return ExcludeApplications.Count > 0 ? text + " -" + ExcludeApplications.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : text;
        }
    }

    /// <summary>A copy with the strength resolved to its definition.</summary>
    public StrongAuthPolicy WithStrength(AuthenticationStrength? strength)
    {
        var copy = (StrongAuthPolicy)MemberwiseClone();
        copy.AuthenticationStrength = strength;
        return copy;
    }

    public override string ToString() => DisplayName + " (" + Id + ")";

    private static bool IsKeyword(string value) =>
        value.Length > 0 && !Guid.TryParse(value, out _) && value.IndexOf(':') < 0;

    private static void AddCount(List<string> parts, int count, string noun)
    {
        if (count > 0)
        {
            parts.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s"));
        }
    }
}
