using System;
using System.Collections.Generic;
using System.Text.Json;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// The signIn's arrays of objects: policies, steps, requirement and session policies and named networks. One generic
/// loop, driving one small property reader per object kind (SignInJsonItemProperties.cs). (status, location, deviceDetail and mfaDetail are
/// read through their parts' registry entries.)
/// </summary>
internal static partial class SignInJsonFieldMapper
{
    private static readonly PropertyReader<AppliedConditionalAccessPolicy> PolicyProperty = ReadPolicyProperty;
    private static readonly PropertyReader<AppliedConditionalAccessPolicy> StrengthProperty = ReadStrengthProperty;
    private static readonly PropertyReader<AuthenticationDetail> StepProperty = ReadStepProperty;
    private static readonly PropertyReader<AuthenticationRequirementPolicy> RequirementProperty = ReadRequirementProperty;
    private static readonly PropertyReader<SessionLifetimePolicy> SessionProperty = ReadSessionProperty;
    private static readonly PropertyReader<NetworkLocationDetail> NetworkProperty = ReadNetworkProperty;

    /// <summary>Reads one property of a nested object into <paramref name="target"/>; false when the buffer ran out.</summary>
    private delegate bool PropertyReader<in T>(ref Utf8JsonReader reader, NestedName name, T target, SignInRecordBuilder b);

    private static bool ReadObjectArrayField(SignInField field, ref Utf8JsonReader reader, SignInRecordBuilder b)
    {
        var e = b.Event;
        var path = b.NameOf(field);
        switch (field)
        {
            case SignInField.AppliedConditionalAccessPolicies:
                if (!ReadObjectArray(ref reader, b, field, path, static () => new AppliedConditionalAccessPolicy(), PolicyProperty, out var policies))
                {
                    return false;
                }

                // Log Analytics has both ConditionalAccessPolicies and AppliedConditionalAccessPolicies: keep the filled one.
                if (policies.Count > 0 || e.AppliedConditionalAccessPolicies.Count == 0)
                {
                    e.AppliedConditionalAccessPolicies = policies;
                }

                return true;
            case SignInField.AuthenticationDetails:
                if (!ReadObjectArray(ref reader, b, field, path, static () => new AuthenticationDetail(), StepProperty, out var steps))
                {
                    return false;
                }

                e.AuthenticationDetails = steps;
                return true;
            case SignInField.AuthenticationRequirementPolicies:
                if (!ReadObjectArray(ref reader, b, field, path, static () => new AuthenticationRequirementPolicy(), RequirementProperty, out var requirements))
                {
                    return false;
                }

                e.AuthenticationRequirementPolicies = requirements;
                return true;
            case SignInField.SessionLifetimePolicies:
                if (!ReadObjectArray(ref reader, b, field, path, static () => new SessionLifetimePolicy(), SessionProperty, out var sessions))
                {
                    return false;
                }

                e.SessionLifetimePolicies = sessions;
                return true;
            default:
                if (!ReadObjectArray(ref reader, b, field, path, static () => new NetworkLocationDetail(), NetworkProperty, out var networks))
                {
                    return false;
                }

                e.NetworkLocationDetails = networks;
                return true;
        }
    }

    /// <summary>An array of objects; <paramref name="create"/> rather than new T(), which is Activator.CreateInstance in shared generic code.</summary>
    private static bool ReadObjectArray<T>(ref Utf8JsonReader reader, SignInRecordBuilder b, SignInField field, string path, Func<T> create, PropertyReader<T> readProperty, out IReadOnlyList<T> items)
    {
        List<T>? list = null;
        items = Array.Empty<T>();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                if (list is not null)
                {
                    items = list;
                }

                return true;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                b.InvalidValue(path, Describe(reader.TokenType), "an object in the array");
                if (!reader.TrySkip())
                {
                    return false;
                }

                continue;
            }

            var item = create();
            if (!ReadProperties(ref reader, item, b, readProperty, field))
            {
                return false;
            }

            (list ??= []).Add(item);
        }
    }

    /// <summary>The properties of one object in <paramref name="owner"/>'s array; a name met twice counts against <paramref name="owner"/>.</summary>
    private static bool ReadProperties<T>(ref Utf8JsonReader reader, T target, SignInRecordBuilder b, PropertyReader<T> readProperty, SignInField owner)
    {
        Span<ulong> seen = stackalloc ulong[(SignInJsonNames.Nested.SlotCount + 63) / 64];
        seen.Clear();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return true;
            }

            var known = SignInJsonNames.Nested.TryGet(PropertyName(ref reader), out var name, out var slot);
            if (known && (seen[slot >> 6] & (1UL << slot)) != 0)
            {
                b.DuplicateName(owner, b.NameOf(owner) + "." + SignInJsonNames.Nested.NameOf(name));
            }
            else if (known)
            {
                seen[slot >> 6] |= 1UL << slot;
            }

            if (!reader.Read())
            {
                return false;
            }

            if (!(known ? readProperty(ref reader, name, target, b) : reader.TrySkip()))
            {
                return false;
            }
        }
    }
}
