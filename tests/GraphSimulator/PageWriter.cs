using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>How one page's records are rendered: which properties, CA visibility, evolvable enums.</summary>
internal sealed class RenderPlan
{
    /// <summary>
    /// The v1.0 signIn properties (the v1.0 signIn resource's long-standing property list); beta-only properties
    /// (authenticationDetails, authenticationRequirement, signInEventTypes, incomingTokenType, …) are dropped on v1.0.
    /// </summary>
    public static readonly IReadOnlySet<string> V1Properties = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "createdDateTime", "userDisplayName", "userPrincipalName", "userId", "appId", "appDisplayName", "ipAddress",
        "clientAppUsed", "correlationId", "conditionalAccessStatus", "isInteractive", "riskDetail", "riskLevelAggregated",
        "riskLevelDuringSignIn", "riskState", "riskEventTypes", "riskEventTypes_v2", "resourceDisplayName", "resourceId",
        "status", "deviceDetail", "location", "appliedConditionalAccessPolicies",
    };

    public IReadOnlySet<string>? Select { get; init; }

    public bool V1 { get; init; }

    public ConditionalAccessVisibility ConditionalAccess { get; init; }

    /// <summary>Evolvable members to replace (null when the client sent Prefer: include-unknown-enum-members).</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>>? ReplaceEnums { get; init; }

    public byte[][] EnumNeedles { get; init; } = Array.Empty<byte[]>();

    public static byte[][] Needles(IReadOnlyDictionary<string, IReadOnlyCollection<string>> enums) =>
        enums.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).Select(v => Encoding.UTF8.GetBytes("\"" + v + "\"")).ToArray();

    private bool NeedsRewrite(ReadOnlySpan<byte> json)
    {
        if (Select is not null || V1 || ConditionalAccess != ConditionalAccessVisibility.Visible)
        {
            return true;
        }

        if (ReplaceEnums is null)
        {
            return false;
        }

        foreach (var needle in EnumNeedles)
        {
            if (json.IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public void WriteRecord(Utf8JsonWriter writer, ReadOnlyMemory<byte> json)
    {
        if (!NeedsRewrite(json.Span))
        {
            writer.WriteRawValue(json.Span, skipInputValidation: true);
            return;
        }

        using var document = JsonDocument.Parse(json);
        writer.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if ((Select is not null && !Select.Contains(property.Name)) || (V1 && !V1Properties.Contains(property.Name)))
            {
                continue;
            }

            writer.WritePropertyName(property.Name);
            if (property.NameEquals("appliedConditionalAccessPolicies") && ConditionalAccess != ConditionalAccessVisibility.Visible)
            {
                if (ConditionalAccess == ConditionalAccessVisibility.Null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStartArray();
                    writer.WriteEndArray();
                }

                continue;
            }

            WriteValue(writer, property.Name, property.Value);
        }

        writer.WriteEndObject();
    }

    private void WriteValue(Utf8JsonWriter writer, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when ReplaceEnums is not null && ReplaceEnums.TryGetValue(name, out var evolvable)
                                           && evolvable.Contains(value.GetString()!, StringComparer.Ordinal):
                writer.WriteStringValue("unknownFutureValue");
                break;
            case JsonValueKind.Object when ReplaceEnums is not null:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Name, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array when ReplaceEnums is not null:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteValue(writer, name, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}

/// <summary>Renders one list page: <c>{"@odata.context":…,"value":[…],"@odata.nextLink":…}</c>.</summary>
internal static class PageWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(string context, IEnumerable<SimSignIn> records, RenderPlan plan, string? nextLink, bool nextLinkFirst)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", context);
            // Where @odata.nextLink sits differs between Graph services; a client must not depend on it.
            if (nextLink is not null && nextLinkFirst)
            {
                writer.WriteString("@odata.nextLink", nextLink);
            }

            writer.WriteStartArray("value");
            foreach (var record in records)
            {
                plan.WriteRecord(writer, record.Json);
            }

            writer.WriteEndArray();
            if (nextLink is not null && !nextLinkFirst)
            {
                writer.WriteString("@odata.nextLink", nextLink);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
