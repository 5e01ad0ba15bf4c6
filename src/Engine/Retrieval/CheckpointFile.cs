using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// The -OutFile companion "&lt;file&gt;.checkpoint.json": the checkpoint plus the output length it belongs to. It is
/// replaced whole after each stored page (write aside, then swap), so a crash leaves the previous one intact.
/// </summary>
internal static class CheckpointFile
{
    private const int FormatVersion = 1;

    public static string PathFor(string outFile) => outFile + ".checkpoint.json";

    public static void Write(string path, RetrievalCheckpoint checkpoint, long outputLength)
    {
        var aside = path + ".tmp";
        using (var stream = new FileStream(aside, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteNumber("outputLength", outputLength);
            json.WriteNumber("records", checkpoint.Records);
            WriteQuery(json, checkpoint.Query);
            json.WriteStartArray("slices");
            foreach (var slice in checkpoint.Slices)
            {
                json.WriteStartObject();
                json.WriteString("eventType", slice.EventType.ToString());
                json.WriteString("from", slice.From);
                json.WriteString("to", slice.To);
                if (slice.Oldest is { } oldest)
                {
                    json.WriteString("oldest", oldest);
                }

                json.WriteBoolean("done", slice.Done);
                WriteStrings(json, "idsAtOldest", slice.IdsAtOldest);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (File.Exists(path))
        {
            File.Replace(aside, path, destinationBackupFileName: null);
        }
        else
        {
            File.Move(aside, path);
        }
    }

    public static (RetrievalCheckpoint Checkpoint, long OutputLength) Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != FormatVersion)
            {
                throw Unreadable(path, "it was written by another version of the module");
            }

            var query = ReadQuery(root.GetProperty("query"));
            var slices = root.GetProperty("slices").EnumerateArray().Select(slice => new SliceState(
                (SignInEventType)Enum.Parse(typeof(SignInEventType), slice.GetProperty("eventType").GetString()!),
                slice.GetProperty("from").GetDateTimeOffset(),
                slice.GetProperty("to").GetDateTimeOffset(),
                slice.TryGetProperty("oldest", out var oldest) ? oldest.GetDateTimeOffset() : null,
                Strings(slice.GetProperty("idsAtOldest")),
                slice.GetProperty("done").GetBoolean())).ToArray();
            return (new RetrievalCheckpoint(query, root.GetProperty("records").GetInt64(), slices), root.GetProperty("outputLength").GetInt64());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw Unreadable(path, ex.Message);
        }
    }

    private static void WriteQuery(Utf8JsonWriter json, SignInQuery query)
    {
        json.WriteStartObject("query");
        json.WriteString("start", query.Start);
        json.WriteString("end", query.End);
        WriteStrings(json, "userPrincipalNames", query.UserPrincipalNames);
        WriteStrings(json, "userIds", query.UserIds);
        WriteStrings(json, "appIds", query.AppIds);
        WriteStrings(json, "errorCodes", query.ErrorCodes.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray());
        WriteStrings(json, "eventTypes", query.EventTypes.Select(t => t.ToString()).ToArray());
        if (query.RawFilter is { } raw)
        {
            json.WriteString("rawFilter", raw);
        }

        json.WriteNumber("first", query.First);
        json.WriteEndObject();
    }

    private static SignInQuery ReadQuery(JsonElement query) =>
        new(query.GetProperty("start").GetDateTimeOffset(), query.GetProperty("end").GetDateTimeOffset())
        {
            UserPrincipalNames = Strings(query.GetProperty("userPrincipalNames")),
            UserIds = Strings(query.GetProperty("userIds")),
            AppIds = Strings(query.GetProperty("appIds")),
            ErrorCodes = Strings(query.GetProperty("errorCodes")).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
            EventTypes = Strings(query.GetProperty("eventTypes")).Select(t => (SignInEventType)Enum.Parse(typeof(SignInEventType), t)).ToArray(),
            RawFilter = query.TryGetProperty("rawFilter", out var raw) ? raw.GetString() : null,
            First = query.GetProperty("first").GetInt64(),
        };

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(v => v.GetString()!).ToArray();

    private static EntraStrongAuthException Unreadable(string path, string why) => new(
        ErrorIds.CheckpointUnreadable,
        FailureKind.InvalidData,
        "The checkpoint '" + path + "' cannot be used: " + why + ".",
        "Delete the checkpoint and the output file and start again without -Resume.");
}
