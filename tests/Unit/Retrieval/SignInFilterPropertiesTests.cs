using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>
/// Get-SignInLog -Filter names only properties Graph filters sign-ins on, and its InvalidFilter error lists them all,
/// from the table the check uses: a property added to the table and missing from the message fails here.
/// </summary>
public class SignInFilterPropertiesTests
{
    private static string Clause(FilterableProperty property) =>
        property.Path == "signInEventTypes" ? "signInEventTypes/any(t: t eq 'interactiveUser')" : property.Path + " eq 'x'";

    [Fact]
    public void Every_property_of_the_table_is_accepted()
    {
        Assert.True(SignInFilterProperties.All.Count >= 30);
        foreach (var property in SignInFilterProperties.All)
        {
            RawFilterClause.Check(Clause(property));
            RawFilterClause.Check(property.Path.ToUpperInvariant() + " eq 'x'");
        }
    }

    [Theory]
    [InlineData("isInteractive eq true")]
    [InlineData("appId eq 'a' or (userId eq 'b'))")]
    public void The_recommendation_lists_every_property_the_filter_accepts_with_its_operators(string clause)
    {
        var error = Assert.Throws<EntraStrongAuthException>(() => RawFilterClause.Check(clause));

        Assert.Equal(ErrorIds.InvalidFilter, error.ErrorId);
        foreach (var property in SignInFilterProperties.All)
        {
            Assert.Contains(property.Path + " (" + string.Join(", ", property.Operators) + ")", error.RecommendedAction, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("isInteractive eq true", "'isInteractive' at position 1")]
    [InlineData("appId eq 'a' and status eq 'x'", "'status' at position 18")]
    [InlineData("startswith(displayName, 'a')", "'displayName' at position 12")]
    [InlineData("appliedConditionalAccessPolicies/any(p: p/id eq 'x')", "'appliedConditionalAccessPolicies' at position 1")]
    [InlineData("userPrincipalName eq 'isInteractive' and location/country eq 'NL'", "'location/country' at position 42")]
    public void A_property_Graph_does_not_filter_on_is_refused_by_name_and_position(string clause, string problem)
    {
        var error = Assert.Throws<EntraStrongAuthException>(() => RawFilterClause.Check(clause));

        Assert.Equal(ErrorIds.InvalidFilter, error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Contains(problem + " is not a property Graph filters sign-ins on", error.Message, StringComparison.Ordinal);
        Assert.Contains("''", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("createdDateTime ge 2026-11-22T00:00:00Z and createdDateTime le 2026-11-23T00:00:00.5+01:00")]
    [InlineData("status/errorCode eq 50076 or status/errorCode eq -1")]
    [InlineData("riskLevelDuringSignIn eq microsoft.graph.riskLevel'high'")]
    [InlineData("not(deviceDetail/browser eq 'Edge') and startswith(location/countryOrRegion, 'N')")]
    [InlineData("signInEventTypes/any(t: t eq 'interactiveUser' or t ne 'servicePrincipal')")]
    [InlineData("riskEventTypes_v2/any(r: r eq 'unlikelyTravel')")]
    [InlineData("userPrincipalName eq 'status eq x'")]
    [InlineData("userId eq null and appId eq true")]
    public void Literals_keywords_functions_and_lambda_variables_are_not_properties(string clause)
    {
        RawFilterClause.Check(clause);
    }

    [Fact]
    public void The_help_of_Filter_names_every_property_the_filter_accepts()
    {
        var help = File.ReadAllText(Path.Combine(RepositoryFolder.Root(), "docs", "en-US", "Get-SignInLog.md"));
        var section = Regex.Match(help, @"(?ms)^### -Filter\s*$(.*?)^### ").Groups[1].Value;

        Assert.NotEmpty(section);
        var missing = SignInFilterProperties.All.Where(property => !section.Contains(property.Path, StringComparison.Ordinal)).Select(property => property.Path);
        Assert.Empty(missing);
    }
}
