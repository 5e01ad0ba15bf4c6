using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Enrollment;
using EntraStrongAuth.Engine.GraphHttp;
using EntraStrongAuth.Engine.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Enrollment;

/// <summary>Answers the simulator cannot give: a targeted group that no longer exists, per-user 403 inside a batch, a 401.</summary>
public class EnrollmentRetrieverFakeTests
{
    private const string Present = "2b4f8a3c-0000-4000-8000-000000000001";
    private const string Missing = "9a9c2cd4-ac66-4c8b-a4a2-2ad5a7d2b6a0";

    private static EnrollmentRetriever Create(Func<HttpRequestMessage, string, (HttpStatusCode, string)> answer, List<string> log)
    {
        var clock = SystemRetrievalClock.Instance;
#pragma warning disable CA2000 // The HttpClient lives as long as the test.
        var http = new HttpClient(new Handler(answer, log));
#pragma warning restore CA2000
        var context = new GraphReadContext(http, new Uri("https://graph.test/"), new RequestRateLimiter(1000, TimeSpan.FromSeconds(1), clock), new RetrievalOptions { MaxAttempts = 3, BackoffBase = TimeSpan.FromMilliseconds(1) }, clock);
        return new EnrollmentRetriever(context);
    }

    [Fact]
    public async Task A_targeted_group_that_is_gone_leaves_the_membership_incomplete_with_a_warning_and_each_group_is_read_once()
    {
        var policy = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Enrollment", "Fixtures", "methods-policy.json"));
        var log = new List<string>();
        var retriever = Create((request, path) => path switch
        {
            "/v1.0/policies/authenticationMethodsPolicy" => (HttpStatusCode.OK, policy),
            "/v1.0/groups/" + Present + "/transitiveMembers/microsoft.graph.user" => (HttpStatusCode.OK,
                """{"value":[{"@odata.type":"#microsoft.graph.group","id":"nested"},{"@odata.type":"#microsoft.graph.user","id":"u1"},{"@odata.type":"#microsoft.graph.user","id":"u2"}]}"""),
            _ => (HttpStatusCode.NotFound, """{"error":{"code":"Request_ResourceNotFound","message":"Resource does not exist."}}"""),
        }, log);
        var (events, warnings) = EnrollmentSimulation.Events();

        var read = await retriever.ReadMethodsPolicyAsync(events, CancellationToken.None);

        Assert.False(read.Membership.IsComplete);
        Assert.Equal(new[] { Missing }, read.Membership.UnreadGroupIds);
        Assert.Equal(new[] { "u1", "u2" }, read.Membership.MembersOf(Present).OrderBy(u => u, StringComparer.Ordinal));
        Assert.Equal(new[] { Present }, read.Membership.GroupsOf("u1"));
        Assert.Contains(warnings, w => w.Contains(Missing, StringComparison.Ordinal) && w.Contains("uncertain", StringComparison.Ordinal));
        // The group (a warning) and the fixture's malformed TemporaryAccessPass configuration (an error).
        Assert.Equal(Missing, read.Problems.Single(p => p.IsWarning).Id);
        Assert.Equal("TemporaryAccessPass", read.Problems.Single(p => !p.IsWarning).Id);
        Assert.Equal(3, log.Count);
        Assert.Equal(1, log.Count(p => p.Contains(Missing, StringComparison.Ordinal)));
        Assert.Equal(3, retriever.Requests);
        Assert.Equal("deviceBasedPush", read.ForUser("u1", isGuest: false).AuthenticatorMode);
    }

    [Fact]
    public async Task Inner_403_is_that_users_error_naming_the_permission_and_inner_503_is_asked_again_alone()
    {
        var log = new List<string>();
        var batches = new List<string[]>();
        var first503 = true;
        var retriever = Create((request, path) =>
        {
            using var body = JsonDocument.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
            var inner = body.RootElement.GetProperty("requests").EnumerateArray().Select(r => (Id: r.GetProperty("id").GetString()!, Url: r.GetProperty("url").GetString()!)).ToList();
            batches.Add(inner.Select(r => r.Url).ToArray());
            var responses = inner.Select(r =>
            {
                var (status, json) = r.Url switch
                {
                    var u when u.StartsWith("/users/vip", StringComparison.Ordinal) && u.EndsWith("/methods", StringComparison.Ordinal) =>
                        (403, """{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}"""),
                    var u when u.StartsWith("/users/flaky", StringComparison.Ordinal) && u.EndsWith("/methods", StringComparison.Ordinal) && first503 =>
                        (503, """{"error":{"code":"serviceUnavailable","message":"later"}}"""),
                    var u when u.EndsWith("/methods", StringComparison.Ordinal) =>
                        (200, """{"value":[{"@odata.type":"#microsoft.graph.passwordAuthenticationMethod","id":"p"}]}"""),
                    var u => (200, "{\"id\":\"" + u.Split('?')[0].Split('/')[2] + "\",\"userType\":\"member\",\"accountEnabled\":false}"),
                };
                return "{\"id\":\"" + r.Id + "\",\"status\":" + status + ",\"headers\":{},\"body\":" + json + "}";
            }).ToList();
            first503 = first503 && !inner.Any(r => r.Url.StartsWith("/users/flaky", StringComparison.Ordinal) && r.Url.EndsWith("/methods", StringComparison.Ordinal));
            return (HttpStatusCode.OK, "{\"responses\":[" + string.Join(",", responses) + "]}");
        }, log);

        var lookups = await retriever.ReadUserMethodsAsync(new[] { "vip", "flaky", "plain" }, null, CancellationToken.None);

        var vip = lookups[0];
        Assert.True(vip.Found);
        Assert.False(vip.AccountEnabled);
        Assert.Null(vip.Methods);
        Assert.Equal("GraphPermissionDenied", vip.ErrorId);
        Assert.Contains("UserAuthenticationMethod.Read.All", vip.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("passwordAuthenticationMethod", Assert.Single(lookups[1].Methods!.Methods).Kind);
        Assert.Null(lookups[2].ErrorId);
        Assert.Equal(2, batches.Count);
        Assert.Equal(new[] { "/users/flaky/authentication/methods" }, batches[1]);
        Assert.Equal(2, retriever.Requests);
    }

    [Fact]
    public async Task An_inner_401_ends_the_whole_read()
    {
        var retriever = Create((request, path) => (HttpStatusCode.OK,
            """{"responses":[{"id":"0","status":401,"headers":{},"body":{"error":{"code":"InvalidAuthenticationToken","message":"expired"}}},{"id":"1","status":401,"headers":{},"body":{}}]}"""), new List<string>());
        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => retriever.ReadUserMethodsAsync(new[] { "u" }, null, CancellationToken.None));
        Assert.Equal("GraphUnauthorized", error.ErrorId);
    }

    private sealed class Handler(Func<HttpRequestMessage, string, (HttpStatusCode, string)> answer, List<string> log) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            log.Add(path);
            var (status, body) = answer(request, path);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
