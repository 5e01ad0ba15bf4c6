using System;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.GraphSimulator.Filter;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>Find-HeadlessUserSignIn's phase-1 $filter: only what Graph can filter, every value escaped.</summary>
public class HeadlessCandidateFilterTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Unattended_apps_and_strong_auth_codes_share_one_clause_and_user_agents_have_their_own()
    {
        var filter = HeadlessCandidateFilter.Build(ClassificationData.BuiltIn);

        Assert.Equal(2, filter.Clauses.Count);
        var apps = filter.Clauses[0];
        Assert.Contains("appId eq '04b07795-8ddb-461a-bbee-02f9e1bf7b46'", apps, StringComparison.Ordinal); // Azure CLI
        Assert.DoesNotContain("aebc6443-996d-45c2-90f0-388ff96faa56", apps, StringComparison.Ordinal); // VS Code: a person's tool
        foreach (var code in new[] { 50072, 50074, 50076, 50079 })
        {
            Assert.Contains("status/errorCode eq " + code, apps, StringComparison.Ordinal);
        }

        Assert.Equal(ClassificationData.BuiltIn.AutomationApps.Count(a => a.Unattended), filter.Apps.Count);
    }

    [Fact]
    public void Prefix_patterns_become_startswith_exact_ones_eq_and_contains_ones_are_not_pushed()
    {
        var agents = HeadlessCandidateFilter.Build(ClassificationData.BuiltIn).Clauses[1];

        Assert.Contains("startswith(userAgent, 'python-requests/')", agents, StringComparison.Ordinal);
        Assert.Contains("userAgent eq 'BAV2ROPC'", agents, StringComparison.Ordinal);
        Assert.DoesNotContain("WindowsPowerShell", agents, StringComparison.Ordinal);
        Assert.DoesNotContain("authenticationProtocol", agents, StringComparison.OrdinalIgnoreCase);
        Assert.All(HeadlessCandidateFilter.Build(ClassificationData.BuiltIn).NotPushedUserAgents, p => Assert.Equal(UserAgentMatch.Contains, p.Match));
    }

    [Fact]
    public void A_quote_in_a_user_pattern_is_doubled_and_a_contains_only_table_leaves_one_clause()
    {
        var data = ClassificationData.BuiltIn.With(scriptingUserAgents: new[]
        {
            new UserAgentPattern(UserAgentMatch.Prefix, "o'script/", "quoted", null),
            new UserAgentPattern(UserAgentMatch.Contains, "anywhere", "contains", null),
        });

        var filter = HeadlessCandidateFilter.Build(data);

        Assert.Equal("startswith(userAgent, 'o''script/')", filter.Clauses[1]);
        var onlyContains = HeadlessCandidateFilter.Build(ClassificationData.BuiltIn.With(scriptingUserAgents: new[] { new UserAgentPattern(UserAgentMatch.Contains, "x", "x", null) }));
        Assert.Single(onlyContains.Clauses);
    }

    [Fact]
    public void Every_request_it_makes_is_a_filter_graphs_subset_accepts()
    {
        foreach (var clause in HeadlessCandidateFilter.Build(ClassificationData.BuiltIn).Clauses)
        {
            var query = new SignInQuery(From, To) { RawFilter = clause };
            foreach (var type in new[] { SignInEventType.Interactive, SignInEventType.NonInteractive })
            {
                var text = SignInFilterBuilder.Build(query, type, From, To, toInclusive: false);

                Assert.NotNull(SignInFilter.Parse(text));
                Assert.True(Uri.EscapeDataString(text).Length < 2000, "URL too long: " + text.Length);
            }
        }
    }
}
