using System;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

/// <summary>Get-SignInLog -Filter is parenthesized and and-ed with the time range; a clause must not be able to close that group.</summary>
public class RawFilterClauseTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    [Theory]
    [InlineData("userPrincipalName eq 'nobody@x.com') or (userPrincipalName eq 'o''neil@x.com'", "the ')' at position 36 closes a parenthesis the clause did not open")]
    [InlineData(") or (true", "the ')' at position 1 closes")]
    [InlineData("appId eq 'a' or (userId eq 'b'))", "the ')' at position 32 closes")]
    [InlineData("(appId eq 'a' or userId eq 'b'", "the '(' at position 1 is not closed")]
    [InlineData("(appId eq 'a') or ((userId eq 'b')", "the '(' at position 19 is not closed")]
    [InlineData("userPrincipalName eq 'o'neil@x.com'", "the string that starts at position 35 is not closed")]
    [InlineData("userPrincipalName eq 'x') or (true eq true or 'y' eq 'z", "the ')' at position 25 closes")]
    [InlineData("userPrincipalName eq \"x\") or (\"y\" eq \"y\"", "the ')' at position 25 closes")]
    public void A_clause_that_does_not_balance_is_an_argument_error_naming_the_position(string clause, string problem)
    {
        var error = Assert.Throws<EntraStrongAuthException>(() => RawFilterClause.Check(clause));

        Assert.Equal(ErrorIds.InvalidFilter, error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("''", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ipAddress eq '10.0.0.1' or ipAddress eq '10.0.0.2'")]
    [InlineData("userPrincipalName eq 'o''neil@contoso.com'")]
    [InlineData("userPrincipalName eq 'a)b(c'")]
    [InlineData("(userPrincipalName eq 'x''); drop' or (appId eq 'y' and (status/errorCode eq 50076)))")]
    [InlineData("signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')")]
    [InlineData("startswith(userPrincipalName, 'adm')")]
    [InlineData("userPrincipalName eq ''")]
    [InlineData("userPrincipalName eq ''''")]
    public void Every_balanced_clause_is_kept_as_written(string clause)
    {
        RawFilterClause.Check(clause);

        var filter = SignInFilterBuilder.Build(new SignInQuery(From, To) { RawFilter = clause }, SignInEventType.Interactive, From, To, toInclusive: false);

        Assert.EndsWith(" and (" + clause + ")", filter, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filter_builder_refuses_an_unbalanced_clause_however_it_arrived()
    {
        // A query read back from a checkpoint file never went through Get-SignInLog's argument check.
        var query = new SignInQuery(From, To) { RawFilter = "appId eq 'a') or (appId ne 'a'" };

        var error = Assert.Throws<EntraStrongAuthException>(() => SignInFilterBuilder.Build(query, SignInEventType.Interactive, From, To, toInclusive: false));

        Assert.Equal(ErrorIds.InvalidFilter, error.ErrorId);
    }
}
