using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EntraStrongAuth.GraphSimulator.LogAnalytics.Kql;

namespace EntraStrongAuth.GraphSimulator.LogAnalytics;

/// <summary>
/// The 200 body: <c>{"tables":[{"name":"PrimaryResult","columns":[{"name","type"}],"rows":[[…]]}]}</c>, rows cut at the
/// row or byte cap with the service's PartialError after the tables. Datetimes as 2026-11-03T10:00:00.1234567Z,
/// dynamic cells as nested JSON, bools as true/false, longs as numbers.
/// </summary>
internal static class QueryResponseWriter
{
    /// <summary>Quotes and apostrophes in messages and cells stay as they are (the service does not \u-escape them).</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Written(byte[] Body, int Rows, bool Partial);

    public static Written Write(KqlResult result, int rowCap, long byteCap)
    {
        using var stream = new MemoryStream();
        var rowBuffer = new ArrayBufferWriter<byte>(1024);
        int written = 0;
        string? cut = null;
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("tables");
            writer.WriteStartObject();
            writer.WriteString("name", "PrimaryResult");
            writer.WriteStartArray("columns");
            foreach (var column in result.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("name", column.Name);
                writer.WriteString("type", KqlTypes.Name(column.Type));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("rows");
            for (int row = 0; row < result.Count; row++)
            {
                if (written >= rowCap)
                {
                    cut = string.Create(CultureInfo.InvariantCulture, $"Query result set has exceeded the internal record count limit {rowCap} (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)");
                    break;
                }

                rowBuffer.ResetWrittenCount();
                using (var rowWriter = new Utf8JsonWriter(rowBuffer, JsonOptions))
                {
                    WriteRow(rowWriter, result, row);
                }

                writer.Flush();
                if (stream.Length + rowBuffer.WrittenCount + 1 > byteCap)
                {
                    cut = string.Create(CultureInfo.InvariantCulture, $"Query result set has exceeded the internal data size limit {byteCap} (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)");
                    break;
                }

                writer.WriteRawValue(rowBuffer.WrittenSpan, skipInputValidation: true);
                written++;
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (cut is not null)
            {
                WritePartialError(writer, cut);
            }

            writer.WriteEndObject();
        }

        return new Written(stream.ToArray(), written, cut is not null);
    }

    private static void WritePartialError(Utf8JsonWriter writer, string message)
    {
        writer.WriteStartObject("error");
        writer.WriteString("code", "PartialError");
        writer.WriteString("message", "There were some errors when processing your query.");
        writer.WriteStartArray("details");
        writer.WriteStartObject();
        writer.WriteString("code", "EngineError");
        writer.WriteString("message", message);
        writer.WriteStartObject("innererror");
        writer.WriteString("code", "E_QUERY_RESULT_SET_TOO_LARGE");
        writer.WriteString("message", message);
        writer.WriteNumber("severity", 2);
        writer.WriteString("severityName", "Error");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter writer, KqlResult result, int row)
    {
        writer.WriteStartArray();
        for (int column = 0; column < result.Columns.Count; column++)
        {
            WriteCell(writer, result.Columns[column].Type, result[row, column]);
        }

        writer.WriteEndArray();
    }

    internal static void WriteCell(Utf8JsonWriter writer, KqlType type, object? value)
    {
        if (type == KqlType.Dynamic)
        {
            WriteDynamic(writer, value);
            return;
        }

        value = KqlValues.Unwrap(value);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b when type == KqlType.Bool:
                writer.WriteBooleanValue(b);
                break;
            case long l when type is KqlType.Long or KqlType.Int:
                writer.WriteNumberValue(l);
                break;
            case long or double when type == KqlType.Real:
                double real = KqlValues.ToDouble(value);
                if (double.IsFinite(real))
                {
                    writer.WriteNumberValue(real);
                }
                else
                {
                    writer.WriteStringValue(real.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case double d when type is KqlType.Long or KqlType.Int:
                writer.WriteNumberValue((long)d);
                break;
            default:
                writer.WriteStringValue(KqlValues.ToText(value));
                break;
        }
    }

    private static void WriteDynamic(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            default:
                (KqlValues.ToJson(value) ?? JsonValue.Create("")).WriteTo(writer);
                break;
        }
    }
}
