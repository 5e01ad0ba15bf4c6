using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

public class DiagnosticArchiveReaderTests
{
    [Theory]
    [InlineData("diagnostic-archive.ndjson", 3)]
    [InlineData("diagnostic-archive.ndjson.gz", 3)]
    [InlineData("diagnostic-archive-records.json", 2)]
    public void Storage_and_event_hub_forms_yield_the_properties_sign_in(string fixture, int count)
    {
        Assert.Equal(SignInLogFormat.DiagnosticArchive, SignInLogReader.DetectFormat(SignInFixtures.Path(fixture)));
        var items = ReadFixture(fixture);

        Assert.Empty(items.Problems());
        var signIns = items.SignIns();
        Assert.Equal(count, signIns.Count);
        var a = signIns[0];
        Assert.Equal((InterruptId, 50076, "AdeleV@contoso.com"), (a.Id, a.ErrorCode, a.UserPrincipalName));
        Assert.Equal("singleChallengeRequired", a.AppliedConditionalAccessPolicies[0].AuthenticationStrengthResult);
        Assert.Equal("797f4846-ba00-4fd7-ba43-dac1f8f63013", a.ResourceId);
        var c = signIns[^1];
        Assert.Equal(50079, c.ErrorCode);
        Assert.False(c.IsInteractive);
        Assert.Equal(["nonInteractiveUser"], c.SignInEventTypes);
    }

    [Fact]
    public void Real_panther_events_read_with_their_quirks()
    {
        using var index = JsonDocument.Parse(File.ReadAllText(SignInFixtures.Path("panther_azure_signin_events.json")));
        var events = index.RootElement.EnumerateArray().ToList();

        Assert.Equal(SignInLogFormat.DiagnosticArchive, SignInLogReader.DetectFormat(SignInFixtures.Path("panther_azure_signin_events.json")));
        var items = ReadFixture("panther_azure_signin_events.json");

        Assert.Empty(items.Problems());
        var signIns = items.SignIns();
        Assert.Equal(26, signIns.Count);
        for (var i = 0; i < events.Count; i++)
        {
            // The code is properties.status.errorCode, else resultType ("0", "Success", a number).
            var expected = events[i].GetProperty("properties").TryGetProperty("status", out var status) ? status.GetProperty("errorCode").GetInt32() : 0;
            Assert.Equal(expected, signIns[i].ErrorCode);
        }

        // "time" without a zone stands in for the missing createdDateTime.
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 9, 30, 45, 123, TimeSpan.Zero), signIns[0].CreatedDateTime);
        Assert.Equal("deviceCode", signIns[0].AuthenticationProtocol);
        Assert.Equal(50053, signIns[2].ErrorCode);
        Assert.Equal(12345, signIns[2].AutonomousSystemNumber);
        Assert.Equal("RU", signIns[2].CountryOrRegion);
        Assert.Equal(7000215, signIns[5].ErrorCode);
        Assert.Equal(["servicePrincipal"], signIns[5].SignInEventTypes);

        // Lower-cased envelope keys, nine fraction digits, the "rpoc" misspelling kept as written.
        var ropc = signIns[13];
        Assert.Equal(new DateTimeOffset(2023, 7, 21, 5, 3, 52, TimeSpan.Zero).AddTicks(1605624), ropc.CreatedDateTime);
        Assert.Equal("rpoc", ropc.AuthenticationProtocol);
        Assert.Equal("BAV2ROPC", ropc.UserAgent);
        Assert.Equal("MFA requirement satisfied by claim in the token", ropc.AdditionalDetails);
        Assert.Equal("9d5f7dd3-46a7-475a-9cc3-96160551ce49", ropc.CorrelationId);
        Assert.Equal("Authenticated SMTP", ropc.ClientAppUsed);
        Assert.Equal(["nonInteractiveUser"], signIns[8].SignInEventTypes);
    }
}
