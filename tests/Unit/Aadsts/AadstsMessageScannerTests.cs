using System;
using EntraStrongAuth.Core.Aadsts;
using Xunit;

namespace EntraStrongAuth.Tests.Aadsts;

public class AadstsMessageScannerTests
{
    [Fact]
    public void Finds_the_code_and_request_identifiers_in_an_msal_message()
    {
        const string message = "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '797f4846-ba00-4fd7-ba43-dac1f8f63013'. Trace ID: 4d966fbe-1ef3-4162-bac0-d979e687ac4c Correlation ID: f678bb6e-060c-4f39-9c5b-d68c290fb2d6 Timestamp: 2025-03-04 10:11:12Z";

        var facts = AadstsMessageScanner.Scan(message);

        Assert.Equal(new[] { 50076 }, facts.Codes);
        Assert.Equal("4d966fbe-1ef3-4162-bac0-d979e687ac4c", facts.TraceId);
        Assert.Equal("f678bb6e-060c-4f39-9c5b-d68c290fb2d6", facts.CorrelationId);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 11, 12, TimeSpan.Zero), facts.Timestamp);
        Assert.Equal("797f4846-ba00-4fd7-ba43-dac1f8f63013", facts.Resource);
    }

    [Fact]
    public void Gives_each_of_two_errors_its_own_trace_id()
    {
        const string message = "AADSTS50076: MFA required. Trace ID: 11111111-0000-4000-8000-000000000001 Correlation ID: 11111111-0000-4000-8000-000000000002 Timestamp: 2025-03-04 10:11:12Z\n"
            + "AADSTS50079: enrollment required. Trace ID: 22222222-0000-4000-8000-000000000001 Correlation ID: 22222222-0000-4000-8000-000000000002 Timestamp: 2025-03-04 10:15:00Z";
        var facts = AadstsMessageScanner.Scan(message);
        Assert.Equal(new[] { 50076, 50079 }, facts.Codes);
        Assert.Equal("11111111-0000-4000-8000-000000000001", facts.ForCode(50076).TraceId);
        Assert.Equal("11111111-0000-4000-8000-000000000002", facts.ForCode(50076).CorrelationId);
        Assert.Equal("22222222-0000-4000-8000-000000000001", facts.ForCode(50079).TraceId);
        Assert.Equal("22222222-0000-4000-8000-000000000002", facts.ForCode(50079).CorrelationId);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 15, 0, TimeSpan.Zero), facts.ForCode(50079).Timestamp);
    }

    [Fact]
    public void Gives_no_code_an_id_written_with_another()
    {
        var facts = AadstsMessageScanner.Scan("AADSTS70043: The refresh token has expired. Then AADSTS50076: MFA required. Trace ID: 0a1b2c3d-0000-4000-8000-000000000001");
        Assert.Null(facts.ForCode(70043).TraceId);
        Assert.Equal("0a1b2c3d-0000-4000-8000-000000000001", facts.ForCode(50076).TraceId);
    }

    [Fact]
    public void Returns_distinct_codes_in_order_of_appearance()
    {
        var facts = AadstsMessageScanner.Scan("first AADSTS70043 then aadsts50076, again AADSTS70043 and AADSTS 50079");

        Assert.Equal(new[] { 70043, 50076, 50079 }, facts.Codes);
        Assert.Null(facts.TraceId);
    }

    [Fact]
    public void Text_without_a_code_yields_none()
    {
        Assert.Empty(AadstsMessageScanner.Scan("The operation timed out. Error 50076 without prefix is not a code.").Codes);
    }

    [Theory]
    [InlineData("50074", 50074)]
    [InlineData("AADSTS50074", 50074)]
    [InlineData(" aadsts 500121 ", 500121)]
    [InlineData("0", 0)]
    public void Parses_the_ways_people_write_a_code(string text, int expected)
    {
        Assert.True(AadstsCode.TryParse(text, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AADSTS")]
    [InlineData("500-74")]
    [InlineData("AADSTS50074: message")]
    [InlineData(null)]
    public void Rejects_what_is_not_exactly_one_code(string? text)
    {
        Assert.False(AadstsCode.TryParse(text, out _));
    }
}
