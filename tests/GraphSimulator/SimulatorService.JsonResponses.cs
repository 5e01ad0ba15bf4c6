using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;

namespace EntraStrongAuth.GraphSimulator;

/// <summary>The 200 JSON bodies of the directory endpoints and $batch: a collection, an entity, or any body, with the body faults.</summary>
internal sealed partial class SimulatorService
{
    private Task SendCollectionAsync(Exchange exchange, string version, string resource, IReadOnlyList<JsonElement> items, string? nextLink = null)
    {
        exchange.Records = items.Count;
        return SendJsonAsync(exchange, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", new Uri(BaseUri, version + "/$metadata#" + resource).ToString());
            if (nextLink is not null)
            {
                writer.WriteString("@odata.nextLink", nextLink);
            }

            writer.WriteStartArray("value");
            foreach (var item in items)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private Task SendEntityAsync(Exchange exchange, string version, string resource, JsonElement entity) =>
        SendJsonAsync(exchange, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", new Uri(BaseUri, version + "/$metadata#" + resource).ToString());
            foreach (var property in entity.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        });

    /// <summary>A 200 JSON body, subject to the body faults (truncated, dropped mid-body) like a signIns page.</summary>
    private static async Task SendJsonAsync(Exchange exchange, Action<Utf8JsonWriter> write)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        byte[] body = stream.ToArray();
        await exchange.SendOkAsync(body);
    }
}
