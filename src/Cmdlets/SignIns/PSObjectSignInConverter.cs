using System.Globalization;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Cmdlets.SignIns;

/// <summary>
/// Maps an object piped in by an admin — a Graph PowerShell SDK signIn (Get-MgBetaAuditLogSignIn, Get-MgAuditLogSignIn),
/// ConvertFrom-Json output of a Graph response — to the normalized <see cref="SignInEvent"/>. A SignInEvent passes through.
/// The plain fields come from <see cref="SignInFieldRegistry"/> by their Graph path; the arrays of objects are read here.
/// </summary>
internal static class PSObjectSignInConverter
{
    /// <summary>The sign-in, or null when the object lacks what every sign-in has (createdDateTime and a status code).</summary>
    public static SignInEvent? Convert(object? input)
    {
        if (input is System.Management.Automation.PSObject { BaseObject: SignInEvent wrapped })
        {
            return wrapped;
        }

        if (input is SignInEvent passedThrough)
        {
            return passedThrough;
        }

        var source = new PSObjectReader(input);
        var status = source.Child("Status");
        var created = source.Time("CreatedDateTime");
        var code = status.Exists ? status.Integer("ErrorCode") : source.Integer("ErrorCode");
        if (created is null || code is null)
        {
            return null;
        }

        var signIn = new SignInEvent
        {
            CreatedDateTime = created.Value,
            ErrorCode = code.Value,
            AuthenticationRequirementPolicies = source.Objects("AuthenticationRequirementPolicies")
                .Select(p => new AuthenticationRequirementPolicy { RequirementProvider = p.String("RequirementProvider"), Detail = p.String("Detail") }).ToList(),
            AuthenticationDetails = source.Objects("AuthenticationDetails").Select(ToDetail).ToList(),
            AppliedConditionalAccessPolicies = source.Objects("AppliedConditionalAccessPolicies").Select(ToPolicy).ToList(),
            SessionLifetimePolicies = source.Objects("SessionLifetimePolicies")
                .Select(p => new SessionLifetimePolicy { ExpirationRequirement = p.String("ExpirationRequirement"), Detail = p.String("Detail") }).ToList(),
            NetworkLocationDetails = source.Objects("NetworkLocationDetails")
                .Select(n => new NetworkLocationDetail { NetworkType = n.String("NetworkType"), NetworkNames = n.Strings("NetworkNames") }).ToList(),
            Source = "pipeline",
        };

        foreach (var field in SignInFieldRegistry.All)
        {
            if (field.GraphPath is not null)
            {
                ReadField(source, field, signIn);
            }
        }

        return signIn;
    }

    /// <summary>
    /// One registry field with a Graph path (property names are case-insensitive, so "userAgent" finds UserAgent).
    /// A part of an object ("status.failureReason") is read from the object, or, when a flat record has no such
    /// object (a sign-in exported and imported again), from the top level under the sign-in's property name.
    /// </summary>
    private static void ReadField(PSObjectReader source, SignInFieldEntry field, SignInEvent signIn)
    {
        var owner = source;
        var name = field.GraphPath!;
        if (field.ObjectName is { } objectName)
        {
            owner = source.Child(objectName);
            name = field.PartName!;
            if (!owner.Exists)
            {
                owner = source;
                name = field.Field.ToString();
            }
        }

        field.SetText?.Invoke(signIn, owner.String(name));
        field.SetBoolean?.Invoke(signIn, owner.Boolean(name));
        if (field.SetNumber is { } setNumber && owner.Raw(name) is { } number)
        {
            setNumber(signIn, ToWholeNumber(number));
        }

        // riskEventTypes (deprecated) comes before riskEventTypes_v2 in the registry: a filled v2 list wins.
        if (field.SetTextList is { } setList && owner.Strings(name) is { Count: > 0 } list)
        {
            setList(signIn, list);
        }
    }

    private static long? ToWholeNumber(object value) => value switch
    {
        int number => number,
        long number => number,
        string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static AuthenticationDetail ToDetail(PSObjectReader detail) => new()
    {
        AuthenticationMethod = detail.String("AuthenticationMethod"),
        AuthenticationMethodDetail = detail.String("AuthenticationMethodDetail"),
        AuthenticationStepDateTime = detail.Time("AuthenticationStepDateTime"),
        AuthenticationStepRequirement = detail.String("AuthenticationStepRequirement"),
        AuthenticationStepResultDetail = detail.String("AuthenticationStepResultDetail"),
        Succeeded = detail.Boolean("Succeeded"),
    };

    private static AppliedConditionalAccessPolicy ToPolicy(PSObjectReader policy)
    {
        var strength = policy.Child("AuthenticationStrength");
        return new AppliedConditionalAccessPolicy
        {
            Id = policy.String("Id"),
            DisplayName = policy.String("DisplayName"),
            Result = policy.String("Result"),
            EnforcedGrantControls = policy.Strings("EnforcedGrantControls"),
            EnforcedSessionControls = policy.Strings("EnforcedSessionControls"),
            AuthenticationStrengthId = strength.String("AuthenticationStrengthId"),
            AuthenticationStrengthDisplayName = strength.String("DisplayName"),
            AuthenticationStrengthResult = strength.String("AuthenticationStrengthResult"),
        };
    }
}
