using System;
using System.Collections.Generic;
using System.Text.Json;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Engine.Policies;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// The one rule every enrollment parser follows: a record whose field has the wrong shape becomes a problem naming
/// the source, the record number and the field, and the record is left out; the read goes on.
/// </summary>
internal static class EnrollmentRecord
{
    public static T? Read<T>(JsonElement item, string source, int record, string errorId, string what, List<PolicyReadProblem> problems, Func<JsonElement, T> parse)
        where T : class
    {
        try
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyShapeException("(record)", "a JSON object");
            }

            return parse(item);
        }
        catch (PolicyShapeException ex)
        {
            problems.Add(new PolicyReadProblem(errorId, source, "not a readable " + what + ": " + ex.Message, record, SafeId(item)));
            return null;
        }
    }

    public static string? SafeId(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && PolicyJson.Property(item, "id") is { ValueKind: JsonValueKind.String } id ? id.GetString() : null;
}
