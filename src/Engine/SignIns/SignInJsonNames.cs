using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>Property names inside the signIn's arrays of objects (policies, steps, networks …); the parts of status, location, deviceDetail and mfaDetail are registry fields.</summary>
internal enum NestedName
{
    DisplayName,
    Id,
    Result,
    EnforcedGrantControls,
    EnforcedSessionControls,
    AuthenticationStrength,
    AuthenticationStrengthId,
    AuthenticationStrengthResult,
    AuthenticationMethod,
    AuthenticationMethodDetail,
    AuthenticationStepDateTime,
    AuthenticationStepRequirement,
    AuthenticationStepResultDetail,
    Succeeded,
    RequirementProvider,
    Detail,
    ExpirationRequirement,
    NetworkType,
    NetworkNames,
}

/// <summary>
/// The Graph signIn property names (from <see cref="SignInFieldRegistry"/>) and the names inside its complex values.
/// The diagnostic archive's <c>properties</c> and the Log Analytics dynamic columns use the same inner names, so every
/// JSON reader shares these tables.
/// </summary>
internal static class SignInJsonNames
{
    /// <summary>The signIn's own properties (the diagnostic archive's <c>properties</c> too), with their older names.</summary>
    public static readonly Utf8NameTable<SignInField> SignIn = new(
        SignInFieldRegistry.All.Where(e => e.GraphPath is not null && e.PartName is null).Select(e => Pair(e.GraphPath!, e.Field))
            .Concat(SignInFieldRegistry.All.SelectMany(e => e.GraphAliases.Select(alias => Pair(alias, e.Field))))
            .Concat(SignInNamesNotNeeded.AsSkipped(SignInNamesNotNeeded.Graph)));

    public static readonly Utf8NameTable<NestedName> Nested = new(new Dictionary<string, NestedName>
    {
        ["displayName"] = NestedName.DisplayName,
        ["id"] = NestedName.Id,
        ["result"] = NestedName.Result,
        ["enforcedGrantControls"] = NestedName.EnforcedGrantControls,
        ["enforcedSessionControls"] = NestedName.EnforcedSessionControls,
        ["authenticationStrength"] = NestedName.AuthenticationStrength,
        ["authenticationStrengthId"] = NestedName.AuthenticationStrengthId,
        ["authenticationStrengthResult"] = NestedName.AuthenticationStrengthResult,
        ["authenticationMethod"] = NestedName.AuthenticationMethod,
        ["authenticationMethodDetail"] = NestedName.AuthenticationMethodDetail,
        ["authenticationStepDateTime"] = NestedName.AuthenticationStepDateTime,
        ["authenticationStepRequirement"] = NestedName.AuthenticationStepRequirement,
        ["authenticationStepResultDetail"] = NestedName.AuthenticationStepResultDetail,
        ["succeeded"] = NestedName.Succeeded,
        ["requirementProvider"] = NestedName.RequirementProvider,
        ["detail"] = NestedName.Detail,
        ["expirationRequirement"] = NestedName.ExpirationRequirement,
        ["networkType"] = NestedName.NetworkType,
        ["networkNames"] = NestedName.NetworkNames,
    });

    /// <summary>
    /// The diagnostic-settings envelope (storage account / Event Hub). Only what fills a gap in <c>properties</c>:
    /// resourceId here is the Azure resource path, not the signIn's resource, so it is not mapped.
    /// </summary>
    public static readonly Utf8NameTable<SignInField> DiagnosticEnvelope = new(
        SignInFieldRegistry.All.Where(e => e.DiagnosticEnvelopeName is not null).Select(e => Pair(e.DiagnosticEnvelopeName!, e.Field))
            .Concat(SignInNamesNotNeeded.AsSkipped(SignInNamesNotNeeded.Envelope)));

    /// <summary>The parts of each object field (status → errorCode, failureReason …), by the object's field.</summary>
    private static readonly Dictionary<SignInField, Utf8NameTable<SignInField>> Parts = PartTables();

    /// <summary>The part names of an object field such as <see cref="SignInField.Status"/>.</summary>
    public static Utf8NameTable<SignInField> PartsOf(SignInField objectField) => Parts[objectField];

    /// <summary>How a problem names a field: the format's own name, else the Graph path (status.errorCode …).</summary>
    public static Func<SignInField, string> FieldNames(Utf8NameTable<SignInField> table) =>
        field => table.NameOf(field) ?? SignInFieldRegistry.Of(field).GraphPath ?? field.ToString();

    private static Dictionary<SignInField, Utf8NameTable<SignInField>> PartTables()
    {
        var tables = new Dictionary<SignInField, Utf8NameTable<SignInField>>();
        foreach (var owner in SignInFieldRegistry.All.Where(e => e.Kind == SignInValueKind.Object && e.GraphPath is not null))
        {
            tables[owner.Field] = new Utf8NameTable<SignInField>(
                SignInFieldRegistry.All.Where(e => e.ObjectName == owner.GraphPath).Select(e => Pair(e.PartName!, e.Field)));
        }

        return tables;
    }

    private static KeyValuePair<string, SignInField> Pair(string name, SignInField field) => new(name, field);
}
