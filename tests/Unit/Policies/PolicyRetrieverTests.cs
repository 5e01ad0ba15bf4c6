using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.GraphHttp;
using EntraStrongAuth.Engine.Policies;
using EntraStrongAuth.Engine.Retrieval;
using EntraStrongAuth.Tests.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Policies;

/// <summary>
/// The policy reads through a fake HttpMessageHandler, against the real GraphPageFetcher and limiter: paging by
/// @odata.nextLink, the Prefer header, retries, configurations read when a custom strength lacks them, and a 403
/// that names Policy.Read.All.
/// </summary>
public class PolicyRetrieverTests
{
    private static readonly Uri Graph = new("https://graph.test/");

    private static (PolicyRetriever Retriever, FakeGraph Fake, ManualClock Clock) Create(int requestsPerWindow = 5)
    {
        var clock = new ManualClock();
        var fake = new FakeGraph();
        var options = new RetrievalOptions { RequestsPerWindow = requestsPerWindow, BackoffBase = TimeSpan.FromSeconds(1) };
        var limiter = new RequestRateLimiter(requestsPerWindow, TimeSpan.FromSeconds(10), clock);
#pragma warning disable CA2000 // The HttpClient lives as long as the test.
        var retriever = new PolicyRetriever(new GraphReadContext(new HttpClient(fake), Graph, limiter, options, clock));
#pragma warning restore CA2000
        return (retriever, fake, clock);
    }

    /// <summary>Splits a fixture's value array into pages linked by @odata.nextLink.</summary>
    private static void ServePaged(FakeGraph fake, string path, string fixture, int pageSize)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PolicyParserTests.Fixture(fixture)));
        var items = document.RootElement.GetProperty("value").EnumerateArray().Select(e => e.GetRawText()).ToList();
        var pages = Enumerable.Range(0, (items.Count + pageSize - 1) / pageSize).Select(i => items.Skip(i * pageSize).Take(pageSize).ToList()).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var key = i == 0 ? path : path + "?$skiptoken=page" + i;
            var next = i + 1 < pages.Count ? ",\"@odata.nextLink\":\"" + Graph + path + "?$skiptoken=page" + (i + 1) + "\"" : string.Empty;
            var body = "{\"value\":[" + string.Join(",", pages[i]) + "]" + next + "}";
            fake.Serve(key, body);
        }
    }

    [Fact]
    public async Task Policies_are_read_across_pages_with_the_Prefer_header()
    {
        var (retriever, fake, _) = Create();
        ServePaged(fake, "beta/identity/conditionalAccess/policies", "ca-policies.beta.json", pageSize: 3);

        var result = await retriever.GetConditionalAccessPoliciesAsync(null, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(7, result.Items.Count);
        Assert.Equal(7, result.Items.Select(p => p.Id).Distinct().Count());
        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal(3, retriever.Requests);
        Assert.All(fake.Requests, r => Assert.Equal("include-unknown-enum-members", r.Prefer));
        Assert.Equal("/beta/identity/conditionalAccess/policies", fake.Requests[0].Path);
        Assert.StartsWith("Graph /beta/identity/conditionalAccess/policies", result.Items[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strengths_come_with_inline_configurations_and_missing_ones_are_fetched()
    {
        var (retriever, fake, _) = Create();
        fake.Serve("v1.0/policies/authenticationStrengthPolicies", """
            {"value":[
              {"id":"00000000-0000-0000-0000-000000000004","displayName":"Phishing resistant MFA","policyType":"builtIn","requirementsSatisfied":"mfa",
               "allowedCombinations":["windowsHelloForBusiness","fido2","x509CertificateMultiFactor"]},
              {"id":"0e371351-6419-4c8a-8047-61eef0212ffb","displayName":"Contoso YubiKeys","policyType":"custom","requirementsSatisfied":"mfa",
               "allowedCombinations":["fido2"]}
            ]}
            """);
        fake.Serve("v1.0/identity/conditionalAccess/authenticationStrength/policies/0e371351-6419-4c8a-8047-61eef0212ffb/combinationConfigurations", """
            {"value":[{"@odata.type":"#microsoft.graph.fido2CombinationConfiguration","id":"133b68c4-503b-4e87-839a-6c286a27381b",
              "allowedAAGUIDs":["dcf6eadd-31fd-49e5-b84e-44035a5e6295","e0d9c83d-f035-45b2-8d98-345903f91e29"],"appliesToCombinations":["fido2"]}]}
            """);

        var result = await retriever.GetAuthenticationStrengthsAsync(null, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Items.Count);
        var custom = result.Items.Single(s => !s.IsBuiltIn);
        Assert.Equal(2, Assert.Single(custom.CombinationConfigurations).AllowedAaguids.Count);

        // The built-in one lacks configurations too, but built-ins have none: only the custom one costs a request.
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Inline_configurations_need_no_extra_request()
    {
        var (retriever, fake, _) = Create();
        fake.Serve("v1.0/policies/authenticationStrengthPolicies", File.ReadAllText(PolicyParserTests.Fixture("strengths.page.json")));

        var result = await retriever.GetAuthenticationStrengthsAsync(null, CancellationToken.None);

        // The Kiosk strength (custom kind unknown, no configurations property) is the one asked about; Graph answers
        // 404 for it here, which costs its restrictions (with a warning), not the whole read.
        Assert.Equal(6, result.Items.Count);
        Assert.Equal(2, fake.Requests.Count);
        Assert.Contains("c0ffee00-0000-4000-8000-00000000abcd/combinationConfigurations", fake.Requests[1].Path, StringComparison.Ordinal);
        var warning = Assert.Single(result.Problems, p => p.Id == "c0ffee00-0000-4000-8000-00000000abcd");
        Assert.True(warning.IsWarning);
        Assert.Contains("GraphRequestFailed", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_becomes_GraphPermissionDenied_naming_Policy_Read_All()
    {
        var (retriever, fake, _) = Create();
        fake.Serve("beta/identity/conditionalAccess/policies", """{"error":{"code":"AccessDenied","message":"You cannot perform the requested operation, required scopes are missing in the token."}}""", HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => retriever.GetConditionalAccessPoliciesAsync(null, CancellationToken.None));

        Assert.Equal("GraphPermissionDenied", error.ErrorId);
        Assert.Equal(FailureKind.PermissionDenied, error.Kind);
        Assert.Contains("Policy.Read.All", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_waited_out_under_the_shared_limiter()
    {
        var (retriever, fake, clock) = Create();
        fake.Serve("beta/identity/conditionalAccess/policies", File.ReadAllText(PolicyParserTests.Fixture("ca-policies.beta.json")));
        fake.FailFirst("beta/identity/conditionalAccess/policies", HttpStatusCode.TooManyRequests, retryAfterSeconds: 7);
        fake.FailFirst("beta/identity/conditionalAccess/policies", HttpStatusCode.ServiceUnavailable, retryAfterSeconds: null);

        var result = await retriever.GetConditionalAccessPoliciesAsync(null, CancellationToken.None);

        Assert.Equal(7, result.Items.Count);
        Assert.Equal(3, fake.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(7), clock.Delays);
        Assert.Equal(3, retriever.Requests);
    }

    [Fact]
    public async Task A_service_that_keeps_failing_ends_with_GraphUnavailable()
    {
        var (retriever, fake, _) = Create(requestsPerWindow: 50);
        for (var i = 0; i < 20; i++)
        {
            fake.FailFirst("beta/identity/conditionalAccess/policies", HttpStatusCode.BadGateway, retryAfterSeconds: null);
        }

        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => retriever.GetConditionalAccessPoliciesAsync(null, CancellationToken.None));

        Assert.Equal("GraphUnavailable", error.ErrorId);
        Assert.Equal(new RetrievalOptions().MaxAttempts, fake.Requests.Count);
    }

    [Fact]
    public async Task A_rejected_skip_token_restarts_the_collection_without_duplicates()
    {
        var (retriever, fake, _) = Create(requestsPerWindow: 50);
        ServePaged(fake, "beta/identity/conditionalAccess/policies", "ca-policies.beta.json", pageSize: 3);
        fake.FailFirst("beta/identity/conditionalAccess/policies?$skiptoken=page2", HttpStatusCode.BadRequest, retryAfterSeconds: null);

        var result = await retriever.GetConditionalAccessPoliciesAsync(null, CancellationToken.None);

        Assert.Equal(7, result.Items.Count);
        Assert.Equal(7, result.Items.Select(p => p.Id).Distinct().Count());

        // page 0, page 1, page 2 (rejected), then the whole collection again: 3 more.
        Assert.Equal(6, fake.Requests.Count);
    }

    /// <summary>Answers by path and query; queued failures come first. Records what was asked.</summary>
    private sealed class FakeGraph : HttpMessageHandler
    {
        private readonly Dictionary<string, (string Body, HttpStatusCode Status)> _routes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Queue<(HttpStatusCode Status, int? RetryAfter)>> _failures = new(StringComparer.Ordinal);

        public List<(string Path, string? Prefer)> Requests { get; } = new();

        public void Serve(string pathAndQuery, string body, HttpStatusCode status = HttpStatusCode.OK) => _routes[pathAndQuery] = (body, status);

        public void FailFirst(string pathAndQuery, HttpStatusCode status, int? retryAfterSeconds)
        {
            if (!_failures.TryGetValue(pathAndQuery, out var queue))
            {
                _failures[pathAndQuery] = queue = new Queue<(HttpStatusCode, int?)>();
            }

            queue.Enqueue((status, retryAfterSeconds));
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery.TrimStart('/'));
            Requests.Add((request.RequestUri.AbsolutePath, request.Headers.TryGetValues("Prefer", out var prefer) ? prefer.Single() : null));
            if (_failures.TryGetValue(key, out var queue) && queue.Count > 0)
            {
                var (status, retryAfter) = queue.Dequeue();
                var failure = new HttpResponseMessage(status) { Content = new StringContent("{\"error\":{\"code\":\"" + status + "\",\"message\":\"try later\"}}", Encoding.UTF8, "application/json") };
                if (retryAfter is { } seconds)
                {
                    failure.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
                }

                return Task.FromResult(failure);
            }

            var (body, code) = _routes.TryGetValue(key, out var route) ? route : ("{\"error\":{\"code\":\"NotFound\",\"message\":\"" + key + "\"}}", HttpStatusCode.NotFound);
            return Task.FromResult(new HttpResponseMessage(code) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
