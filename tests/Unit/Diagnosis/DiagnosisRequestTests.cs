using System;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Tests.Classification;
using Xunit;

namespace EntraStrongAuth.Tests.Diagnosis;

/// <summary>Pasted errors become requests: one per error with its own Trace ID, Correlation ID and Timestamp.</summary>
public class DiagnosisRequestTests
{
    private static readonly string[] Samples = File.ReadAllLines(Path.Combine(RepositoryFolder.Root(), "samples", "aadsts-messages.txt"));

    [Fact]
    public void An_msal_exception_names_one_failure_by_its_trace_and_correlation_ids()
    {
        var request = Assert.Single(DiagnosisRequests.FromMessage(Samples[0]));
        Assert.Equal("4d966fbe-1ef3-4162-bac0-d979e687ac4c", request.RequestId);
        Assert.Equal("f678bb6e-060c-4f39-9c5b-d68c290fb2d6", request.CorrelationId);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 11, 12, TimeSpan.Zero), request.At);
        Assert.Equal(new[] { 50076 }, request.ErrorCodes);
        Assert.True(request.IsExact);
    }

    [Fact]
    public void A_message_with_two_errors_names_only_the_one_written_with_ids_and_reports_the_other()
    {
        // Azure PowerShell's warning: AADSTS70043 without ids for one tenant, then AADSTS50076 with them for another.
        var text = Samples.Single(l => l.Contains("AADSTS70043", StringComparison.Ordinal) && l.Contains("AADSTS50076", StringComparison.Ordinal));
        var request = Assert.Single(DiagnosisRequests.FromMessage(text));
        Assert.Equal(new[] { 50076 }, request.ErrorCodes);
        Assert.Equal("c9a8c6d7-6014-4a24-89f9-c45c2cf46c86", request.RequestId);
        Assert.Equal(new[] { 70043 }, DiagnosisRequests.CodesWithoutIds(text));
    }

    [Fact]
    public void Two_errors_with_their_own_ids_are_two_requests()
    {
        var text = "AADSTS50076: MFA required. Trace ID: 11111111-1111-1111-1111-111111111111 Correlation ID: 22222222-2222-2222-2222-222222222222 Timestamp: 2026-11-22 10:00:00Z\n"
            + "AADSTS50079: enroll. Trace ID: 33333333-3333-3333-3333-333333333333 Correlation ID: 44444444-4444-4444-4444-444444444444 Timestamp: 2026-11-22 10:05:00Z";
        var requests = DiagnosisRequests.FromMessage(text);
        Assert.Equal(2, requests.Count);
        Assert.Equal(("11111111-1111-1111-1111-111111111111", 50076), (requests[0].RequestId, requests[0].ErrorCodes.Single()));
        Assert.Equal(("33333333-3333-3333-3333-333333333333", 50079), (requests[1].RequestId, requests[1].ErrorCodes.Single()));
        Assert.Empty(DiagnosisRequests.CodesWithoutIds(text));
    }

    [Fact]
    public void Text_without_code_or_ids_names_nothing()
    {
        Assert.Empty(DiagnosisRequests.FromMessage("The sign-in failed, please help"));
        Assert.Empty(DiagnosisRequests.CodesWithoutIds("The sign-in failed, please help"));
    }

    [Fact]
    public void A_request_matches_by_id_or_the_flows_first_request_and_by_user_only_near_its_time()
    {
        var failure = TestSignIns.Failure(50076, atSeconds: 600);
        Assert.True(new DiagnosisRequest { RequestId = failure.Id }.Matches(failure));
        Assert.True(new DiagnosisRequest { RequestId = failure.OriginalRequestId }.Matches(failure));
        Assert.False(new DiagnosisRequest { RequestId = failure.Id, ErrorCodes = new[] { 50079 } }.Matches(failure));
        Assert.True(new DiagnosisRequest { UserPrincipalName = failure.UserPrincipalName, At = TestSignIns.T0, Around = TimeSpan.FromMinutes(15) }.Matches(failure));
        Assert.False(new DiagnosisRequest { UserPrincipalName = failure.UserPrincipalName, At = TestSignIns.T0, Around = TimeSpan.FromMinutes(5) }.Matches(failure));

        // An id names the sign-in whatever the pasted clock says (a user's clock, a time zone).
        Assert.True(new DiagnosisRequest { SignInId = failure.Id, At = TestSignIns.T0.AddDays(-1) }.Matches(failure));
        Assert.False(new DiagnosisRequest { SignInId = failure.Id }.Matches(TestSignIns.Success()));
    }

    [Theory]
    [InlineData("adele@contoso.com", "'adele@contoso.com'")]
    [InlineData("o'brien@contoso.com", "'o''brien@contoso.com'")]
    [InlineData("x\u2019; Remove-Item -Recurse /", "'x\u2019\u2019; Remove-Item -Recurse /'")]
    [InlineData("$(whoami)", "'$(whoami)'")]
    public void Values_from_logs_are_quoted_as_PowerShell_literals(string value, string expected) =>
        Assert.Equal(expected, PowerShellLiteral.Quote(value));
}
