using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>
/// Guards the -UserPrincipalName parameters that take pipeline input. PowerShell binds an object that has no
/// UserPrincipalName property by value, as its text: Resolve-AadstsError's output became "AADSTS50076 UserStrongAuth…"
/// and Get-SignInLog queried that name, silently returning nothing. A value that cannot be a user is refused with
/// InvalidUserPrincipalName instead, before anything is queried.
/// </summary>
internal static class UserNameValues
{
    /// <summary>Each value must look like name@domain (wildcards allowed); <paramref name="allowIds"/>: a user's object id (GUID) too.</summary>
    public static void Require(IEnumerable<string>? values, bool allowIds)
    {
        foreach (var value in values ?? Enumerable.Empty<string>())
        {
            if (!LooksLikeUserPrincipalName(value) && !(allowIds && Guid.TryParse(value, out _)))
            {
                throw new EntraStrongAuthException(
                    ErrorIds.InvalidUserPrincipalName,
                    FailureKind.InvalidArgument,
                    "'" + value + "' is not a user principal name (name@domain" + (allowIds ? " or a user's object id" : string.Empty) + "). A piped object without a UserPrincipalName property is bound as its text; nothing was queried.",
                    "Pass user principal names such as adele@contoso.com, or pipe objects with a UserPrincipalName property (Get-StrongAuthFailure, Find-HeadlessUserSignIn, Get-MgUser).");
            }
        }
    }

    /// <summary>name@domain: one '@' with text on both sides and no whitespace. Guest UPNs (name_domain#EXT#@tenant) pass.</summary>
    internal static bool LooksLikeUserPrincipalName(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        return at > 0 && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }
}
