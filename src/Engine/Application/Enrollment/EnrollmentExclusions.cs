using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Engine.Application.Filtering;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>
/// Users an admin does not want tested: named accounts (break-glass, wildcards), guests with -ExcludeGuest, and
/// disabled accounts unless -IncludeDisabled (they cannot sign in, so their enrollment does not matter). Each
/// exclusion is counted by reason so the summary can say how many were set aside.
/// </summary>
public sealed class EnrollmentExclusions
{
    private readonly UserNamePatterns _names;
    private readonly bool _guests;
    private readonly bool _includeDisabled;
    private readonly Dictionary<EnrollmentExclusion, int> _counts = new();

    public EnrollmentExclusions(IEnumerable<string>? userPrincipalNames, bool excludeGuests, bool includeDisabled)
    {
        _names = new UserNamePatterns(userPrincipalNames);
        _guests = excludeGuests;
        _includeDisabled = includeDisabled;
    }

    public IReadOnlyDictionary<EnrollmentExclusion, int> Counts => _counts;

    /// <summary>Counts a user set aside for a reason decided elsewhere (out of -Policy's scope); returns it.</summary>
    public EnrollmentExclusion Count(EnrollmentExclusion reason)
    {
        _counts[reason] = _counts.TryGetValue(reason, out var n) ? n + 1 : 1;
        return reason;
    }

    /// <summary>The reason the user is set aside (and counted), or null to test them.</summary>
    public EnrollmentExclusion? ReasonFor(UserMethodsSnapshot user, bool? accountEnabled)
    {
        var reason = Reason(user, accountEnabled);
        return reason is { } known ? Count(known) : null;
    }

    private EnrollmentExclusion? Reason(UserMethodsSnapshot user, bool? accountEnabled)
    {
        if (_names.Matches(user.UserPrincipalName))
        {
            return EnrollmentExclusion.BreakGlass;
        }

        if (_guests && user.IsGuest)
        {
            return EnrollmentExclusion.Guest;
        }

        return !_includeDisabled && accountEnabled == false ? EnrollmentExclusion.Disabled : null;
    }
}
