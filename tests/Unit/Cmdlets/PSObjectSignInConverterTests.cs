using System;
using System.Management.Automation;
using EntraStrongAuth.Cmdlets.SignIns;
using EntraStrongAuth.Core.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.Cmdlets;

/// <summary>Graph-shaped objects piped in (ConvertFrom-Json output, Graph SDK models) become sign-ins through the field registry.</summary>
public class PSObjectSignInConverterTests
{
    [Fact]
    public void A_graph_shaped_object_fills_plain_fields_parts_and_lists()
    {
        var signIn = PSObjectSignInConverter.Convert(Object(
            ("id", "req-1"),
            ("createdDateTime", "2025-03-04T09:15:22Z"),
            ("userPrincipalName", "AdeleV@contoso.com"),
            ("autonomousSystemNumber", 8075),
            ("status", Object(("errorCode", 50076), ("failureReason", "MFA required"))),
            ("location", Object(("city", "Seattle"), ("countryOrRegion", "US"))),
            ("deviceDetail", Object(("operatingSystem", "Linux"), ("isCompliant", false))),
            ("mfaDetail", Object(("authMethod", "Text message"), ("authDetail", "+X XXXXXXXX12"))),
            ("riskEventTypes", new[] { "old" }),
            ("riskEventTypes_v2", new[] { "unfamiliarFeatures" })));

        Assert.NotNull(signIn);
        Assert.Equal(("req-1", "AdeleV@contoso.com", 50076, "MFA required"), (signIn.Id, signIn.UserPrincipalName, signIn.ErrorCode, signIn.FailureReason));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, 22, TimeSpan.Zero), signIn.CreatedDateTime);
        Assert.Equal(8075, signIn.AutonomousSystemNumber);
        Assert.Equal(("Seattle", "US"), (signIn.City, signIn.CountryOrRegion));
        Assert.Equal(("Linux", false), (signIn.OperatingSystem, signIn.IsCompliant));
        Assert.Equal(("Text message", "+X XXXXXXXX12"), (signIn.MfaAuthMethod, signIn.MfaAuthDetail));
        Assert.Equal(["unfamiliarFeatures"], signIn.RiskEventTypes);
        Assert.Equal("pipeline", signIn.Source);
    }

    [Fact]
    public void A_flat_record_carries_the_parts_at_the_top_under_the_sign_in_s_names()
    {
        var signIn = PSObjectSignInConverter.Convert(Object(
            ("CreatedDateTime", "2025-03-04T09:15:22Z"),
            ("ErrorCode", "50079"),
            ("FailureReason", "Register for MFA"),
            ("MfaAuthMethod", "Mobile app notification")));

        Assert.NotNull(signIn);
        Assert.Equal((50079, "Register for MFA", "Mobile app notification"), (signIn.ErrorCode, signIn.FailureReason, signIn.MfaAuthMethod));
    }

    [Fact]
    public void An_object_without_time_or_code_is_not_a_sign_in()
    {
        Assert.Null(PSObjectSignInConverter.Convert(Object(("userPrincipalName", "AdeleV@contoso.com"))));
    }

    private static PSObject Object(params (string Name, object Value)[] properties)
    {
        var result = new PSObject();
        foreach (var (name, value) in properties)
        {
            result.Properties.Add(new PSNoteProperty(name, value));
        }

        return result;
    }
}
