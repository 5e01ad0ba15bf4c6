using System;
using EntraStrongAuth.Core.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

public class SignInFilterBuilderTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_supported_filter_is_pushed_to_the_server()
    {
        var query = new SignInQuery(From, To)
        {
            UserPrincipalNames = new[] { "o'neil@contoso.com", "ann@contoso.com" },
            AppIds = new[] { "04b07795-8ddb-461a-bbee-02f9e1bf7b46" },
            ErrorCodes = new[] { 50076, 50079 },
        };

        var filter = SignInFilterBuilder.Build(query, SignInEventType.NonInteractive, From, To, toInclusive: false);

        Assert.Equal(
            "createdDateTime ge 2026-11-28T10:00:00Z and createdDateTime lt 2026-11-29T10:00:00Z"
            + " and signInEventTypes/any(t: t eq 'nonInteractiveUser')"
            + " and (userPrincipalName eq 'o''neil@contoso.com' or userPrincipalName eq 'ann@contoso.com')"
            + " and appId eq '04b07795-8ddb-461a-bbee-02f9e1bf7b46'"
            + " and (status/errorCode eq 50076 or status/errorCode eq 50079)",
            filter);
    }

    [Fact]
    public void A_quote_cannot_end_the_string_and_inject_a_clause()
    {
        var query = new SignInQuery(From, To) { UserPrincipalNames = new[] { "x' or userPrincipalName ne 'y" } };

        var filter = SignInFilterBuilder.Build(query, SignInEventType.Interactive, From, To, toInclusive: false);

        Assert.Contains("userPrincipalName eq 'x'' or userPrincipalName ne ''y'", filter, StringComparison.Ordinal);
    }

    [Fact]
    public void Resuming_includes_the_oldest_instant_and_a_raw_filter_is_parenthesized()
    {
        var oldest = new DateTimeOffset(2026, 11, 28, 12, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        var query = new SignInQuery(From, To) { RawFilter = "ipAddress eq '10.0.0.1' or ipAddress eq '10.0.0.2'" };

        var filter = SignInFilterBuilder.Build(query, SignInEventType.Interactive, From, oldest, toInclusive: true);

        Assert.Contains("createdDateTime le 2026-11-28T12:30:15.1234567Z", filter, StringComparison.Ordinal);
        Assert.EndsWith(" and (ipAddress eq '10.0.0.1' or ipAddress eq '10.0.0.2')", filter, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_principal_ids_filter_workload_sign_ins()
    {
        var query = new SignInQuery(From, To) { ServicePrincipalIds = new[] { "9d1c0f36-5b0c-4a57-9b7e-2f6f1c7e0a11", "0b3c" } };

        var filter = SignInFilterBuilder.Build(query, SignInEventType.ServicePrincipal, From, To, toInclusive: false);

        Assert.EndsWith(
            " and signInEventTypes/any(t: t eq 'servicePrincipal') and (servicePrincipalId eq '9d1c0f36-5b0c-4a57-9b7e-2f6f1c7e0a11' or servicePrincipalId eq '0b3c')",
            filter,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignInEventType.Interactive, "interactiveUser")]
    [InlineData(SignInEventType.NonInteractive, "nonInteractiveUser")]
    [InlineData(SignInEventType.ServicePrincipal, "servicePrincipal")]
    [InlineData(SignInEventType.ManagedIdentity, "managedIdentity")]
    public void Event_types_use_graphs_names(SignInEventType type, string name)
    {
        Assert.Equal(name, SignInFilterBuilder.GraphName(type));
    }
}
