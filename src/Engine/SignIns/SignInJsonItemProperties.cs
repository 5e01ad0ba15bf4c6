using System;
using System.Text.Json;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>One property reader per kind of object in the signIn's arrays: policies and their strength, authentication steps, requirement and session policies, named networks.</summary>
internal static partial class SignInJsonFieldMapper
{
    private static bool ReadPolicyProperty(ref Utf8JsonReader reader, NestedName name, AppliedConditionalAccessPolicy policy, SignInRecordBuilder b)
    {
        var path = new FieldPath("appliedConditionalAccessPolicies", name);
        switch (name)
        {
            case NestedName.Id:
            case NestedName.DisplayName:
            case NestedName.Result:
                if (!TryReadString(ref reader, b, path, out var text))
                {
                    return false;
                }

                _ = name == NestedName.Id ? policy.Id = text : name == NestedName.DisplayName ? policy.DisplayName = text : policy.Result = text;
                return true;
            case NestedName.EnforcedGrantControls:
            case NestedName.EnforcedSessionControls:
                if (!ReadStringArray(ref reader, b, path, out var list))
                {
                    return false;
                }

                _ = name == NestedName.EnforcedGrantControls ? policy.EnforcedGrantControls = list : policy.EnforcedSessionControls = list;
                return true;
            case NestedName.AuthenticationStrength:
                // Beta: authenticationStrength {authenticationStrengthId, displayName, authenticationStrengthResult}.
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return reader.TokenType == JsonTokenType.Null || SkipInvalid(ref reader, b, path, "an object");
                }

                return ReadProperties(ref reader, policy, b, StrengthProperty, SignInField.AppliedConditionalAccessPolicies);
            case NestedName.AuthenticationStrengthId:
            case NestedName.AuthenticationStrengthResult:
                // Some exports flatten the strength into the policy.
                return ReadStrengthProperty(ref reader, name, policy, b);
            default:
                return reader.TrySkip();
        }
    }

    private static bool ReadStrengthProperty(ref Utf8JsonReader reader, NestedName name, AppliedConditionalAccessPolicy policy, SignInRecordBuilder b)
    {
        if (name is not (NestedName.AuthenticationStrengthId or NestedName.DisplayName or NestedName.AuthenticationStrengthResult))
        {
            return reader.TrySkip();
        }

        if (!TryReadString(ref reader, b, new FieldPath("appliedConditionalAccessPolicies.authenticationStrength", name), out var text))
        {
            return false;
        }

        _ = name == NestedName.AuthenticationStrengthId ? policy.AuthenticationStrengthId = text
            : name == NestedName.DisplayName ? policy.AuthenticationStrengthDisplayName = text
            : policy.AuthenticationStrengthResult = text;
        return true;
    }

    private static bool ReadStepProperty(ref Utf8JsonReader reader, NestedName name, AuthenticationDetail step, SignInRecordBuilder b)
    {
        var path = new FieldPath("authenticationDetails", name);
        switch (name)
        {
            case NestedName.AuthenticationMethod:
            case NestedName.AuthenticationMethodDetail:
            case NestedName.AuthenticationStepRequirement:
            case NestedName.AuthenticationStepResultDetail:
                if (!TryReadString(ref reader, b, path, out var text))
                {
                    return false;
                }

                _ = name switch
                {
                    NestedName.AuthenticationMethod => step.AuthenticationMethod = text,
                    NestedName.AuthenticationMethodDetail => step.AuthenticationMethodDetail = text,
                    NestedName.AuthenticationStepRequirement => step.AuthenticationStepRequirement = text,
                    _ => step.AuthenticationStepResultDetail = text,
                };
                return true;
            case NestedName.AuthenticationStepDateTime:
                // An escaped string (a writer that escapes '+' as \u002B, as System.Text.Json's default encoder does) is unescaped first.
                if (reader.TokenType == JsonTokenType.String
                    && (reader.ValueIsEscaped ? SignInTimestamp.TryParse(reader.SafeGetString().AsSpan(), out var time) : SignInTimestamp.TryParse(reader.ValueSpan, out time)))
                {
                    step.AuthenticationStepDateTime = time;
                    return true;
                }

                return reader.TokenType == JsonTokenType.Null || SkipInvalid(ref reader, b, path, SignInTimestamp.Expected);
            case NestedName.Succeeded:
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    step.Succeeded = reader.TokenType == JsonTokenType.True;
                    return true;
                }

                if (reader.TokenType == JsonTokenType.String && SignInValueParser.TryParseBoolean(reader.SafeGetString().AsSpan(), out var succeeded))
                {
                    step.Succeeded = succeeded;
                    return true;
                }

                return reader.TokenType == JsonTokenType.Null || SkipInvalid(ref reader, b, path, "true or false");
            default:
                return reader.TrySkip();
        }
    }

    private static bool ReadRequirementProperty(ref Utf8JsonReader reader, NestedName name, AuthenticationRequirementPolicy policy, SignInRecordBuilder b) =>
        ReadNameAndDetail(ref reader, name, policy, b, "authenticationRequirementPolicies", NestedName.RequirementProvider, static (p, text) => p.RequirementProvider = text, static (p, text) => p.Detail = text);

    private static bool ReadSessionProperty(ref Utf8JsonReader reader, NestedName name, SessionLifetimePolicy policy, SignInRecordBuilder b) =>
        ReadNameAndDetail(ref reader, name, policy, b, "sessionLifetimePolicies", NestedName.ExpirationRequirement, static (p, text) => p.ExpirationRequirement = text, static (p, text) => p.Detail = text);

    /// <summary>Objects of two strings, a kind and its "detail" (requirement and session lifetime policies).</summary>
    private static bool ReadNameAndDetail<T>(ref Utf8JsonReader reader, NestedName name, T target, SignInRecordBuilder b, string path, NestedName kind, Action<T, string?> setKind, Action<T, string?> setDetail)
    {
        if (name != kind && name != NestedName.Detail)
        {
            return reader.TrySkip();
        }

        if (!TryReadString(ref reader, b, new FieldPath(path, name), out var text))
        {
            return false;
        }

        (name == kind ? setKind : setDetail)(target, text);
        return true;
    }

    private static bool ReadNetworkProperty(ref Utf8JsonReader reader, NestedName name, NetworkLocationDetail network, SignInRecordBuilder b)
    {
        var path = new FieldPath("networkLocationDetails", name);
        switch (name)
        {
            case NestedName.NetworkType:
                if (!TryReadString(ref reader, b, path, out var text))
                {
                    return false;
                }

                network.NetworkType = text;
                return true;
            case NestedName.NetworkNames:
                if (!ReadStringArray(ref reader, b, path, out var names))
                {
                    return false;
                }

                network.NetworkNames = names;
                return true;
            default:
                return reader.TrySkip();
        }
    }
}
