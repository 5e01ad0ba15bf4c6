using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.Retrieval;

namespace EntraStrongAuth.Engine.Names;

/// <summary>
/// <c>POST v1.0/directoryObjects/getByIds</c>: users, groups and service principals by object id, up to 1000 ids a
/// request (directoryobject-getbyids). Each POST takes one turn of the connection's limiter; a 429 pauses the limiter
/// for its Retry-After and a 5xx or dropped connection is retried with backoff, as every other read.
/// </summary>
internal sealed class GetByIdsClient
{
    /// <summary>The most ids one request may carry.</summary>
    public const int MaxIds = 1000;

    public const string RequiredPermission = "Directory.Read.All";

    internal const string Path = "v1.0/directoryObjects/getByIds";

    private static readonly string[] Types = { "user", "group", "servicePrincipal" };

    private readonly GraphReadContext _context;
    private readonly GraphPost _post;

    public GetByIdsClient(GraphReadContext context, RetrievalEvents events)
    {
        _context = context;
        _post = new GraphPost(context, events, RequiredPermission);
    }

    public int Requests => _post.Posts;

    /// <summary>The display name of each object found; ids Graph does not know are simply absent. Errors are thrown translated.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> NamesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var names = new List<KeyValuePair<string, string>>();
        for (var start = 0; start < ids.Count; start += MaxIds)
        {
            var body = await PostAsync(Body(ids.Skip(start).Take(MaxIds)), cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            foreach (var item in document.RootElement.GetProperty("value").EnumerateArray())
            {
                if (Text(item, "id") is { } id && Text(item, "displayName") is { } name)
                {
                    names.Add(new KeyValuePair<string, string>(id, name));
                }
            }
        }

        return names;
    }

    private Task<byte[]> PostAsync(string body, CancellationToken cancellationToken) =>
        _post.SendAsync(_context.Url(Path), body, 1, "the directory name lookup", null, _ => true, cancellationToken);

    private static string Body(IEnumerable<string> ids)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("ids");
            foreach (var id in ids)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("types");
            foreach (var type in Types)
            {
                writer.WriteStringValue(type);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
