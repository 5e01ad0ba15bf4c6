using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Net;
using System.Text;
using Azure;
using Azure.Core;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>A minimal Azure.Core response carrying a JSON body, for transports used in tests.</summary>
internal sealed class JsonResponse : Response
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };

    public JsonResponse(HttpStatusCode status, string json)
    {
        Status = (int)status;
        ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(json));
    }

    public override int Status { get; }

    public override string ReasonPhrase => ((HttpStatusCode)Status).ToString();

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders()
    {
        foreach (var pair in _headers)
        {
            yield return new HttpHeader(pair.Key, pair.Value);
        }
    }

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = _headers.TryGetValue(name, out var value);
        values = found ? new[] { value! } : null;
        return found;
    }
}
