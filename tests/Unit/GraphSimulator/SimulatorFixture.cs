using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.GraphSimulator;

/// <summary>The seed-42 tenant (60 users, 7 days) loaded once; every test starts its own simulator over it.</summary>
public sealed class SimulatorData
{
    public SimTenant Tenant { get; } = SimTenant.Load(SimDataSource.Generated(seed: 42, users: 60, days: 7));
}

[CollectionDefinition(Name)]
public sealed class SimulatorDataGroup : ICollectionFixture<SimulatorData>
{
    public const string Name = "Graph simulator data";
}

/// <summary>A real HttpClient against a running simulator, with a bearer token.</summary>
internal sealed class SimClient : IDisposable
{
    private readonly HttpClient http;

    public SimClient(GraphSimulatorHost sim, string? token = "test-token", HttpMessageHandler? handler = null)
    {
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = sim.BaseUri;
        http.Timeout = TimeSpan.FromSeconds(10);
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public HttpClient Http => http;

    /// <summary>GET; the body parsed as JSON (null when it is not JSON).</summary>
    public async Task<SimResponse> GetAsync(string url, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        using var response = await http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        JsonDocument? json = null;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
        }

        return new SimResponse(response.StatusCode, response.Headers, body, json);
    }

    /// <summary>Follows nextLinks from <paramref name="url"/> and returns every record's id, asserting 200 on each page.</summary>
    public async Task<(List<string> Ids, int Pages)> GetAllIdsAsync(string url, string? prefer = null)
    {
        var ids = new List<string>();
        int pages = 0;
        string? next = url;
        while (next is not null)
        {
            var page = await GetAsync(next, prefer);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            pages++;
            ids.AddRange(page.Json!.RootElement.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetString()!));
            next = page.NextLink;
        }

        return (ids, pages);
    }

    public void Dispose() => http.Dispose();

    /// <summary>A signIns URL with the given query options (values escaped).</summary>
    public static string SignIns(string version = "beta", string? filter = null, int? top = null, string? select = null)
    {
        var query = new List<string>();
        if (filter is not null)
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (top is not null)
        {
            query.Add("$top=" + top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (select is not null)
        {
            query.Add("$select=" + Uri.EscapeDataString(select));
        }

        return version + "/auditLogs/signIns" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }
}

internal sealed record SimResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string Body, JsonDocument? Json)
{
    public string? NextLink => Json?.RootElement.TryGetProperty("@odata.nextLink", out var link) == true ? link.GetString() : null;

    public JsonElement[] Values => Json!.RootElement.GetProperty("value").EnumerateArray().ToArray();

    public string[] Ids => Values.Select(v => v.GetProperty("id").GetString()!).ToArray();

    public string? ErrorCode => Json?.RootElement.TryGetProperty("error", out var error) == true ? error.GetProperty("code").GetString() : null;

    /// <summary>Asserts Graph's error shape and returns the error object.</summary>
    public JsonElement AssertGraphError(HttpStatusCode status, string code)
    {
        Assert.Equal(status, Status);
        var error = Json!.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        var inner = error.GetProperty("innerError");
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", inner.GetProperty("date").GetString());
        Assert.True(Guid.TryParse(inner.GetProperty("request-id").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(inner.GetProperty("client-request-id").GetString()));
        return error;
    }
}
