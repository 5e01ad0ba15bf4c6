using System;
using System.Linq;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>The one table of sign-in fields, and the per-format tables built from it.</summary>
public class SignInFieldRegistryTests
{
    [Fact]
    public void Every_field_has_exactly_one_entry()
    {
        var fields = Enum.GetValues<SignInField>().Where(f => f != SignInField.None).ToList();

        Assert.Equal(fields, SignInFieldRegistry.All.Select(e => e.Field).OrderBy(f => f).ToList());
        Assert.All(fields, f => Assert.Equal(f, SignInFieldRegistry.Of(f).Field));
    }

    [Fact]
    public void A_lean_read_takes_what_the_outcome_linker_and_the_filters_need()
    {
        var link = SignInFieldRegistry.All.Where(e => e.IsLinkField).Select(e => e.Field).OrderBy(f => f).ToList();

        Assert.Equal(
            new[]
            {
                SignInField.Id, SignInField.UserId, SignInField.UserPrincipalName, SignInField.AppId,
                SignInField.CorrelationId, SignInField.OriginalRequestId, SignInField.SessionId, SignInField.EnvelopeCorrelationId,
                SignInField.CreatedDateTime, SignInField.EventTime, SignInField.ErrorCode, SignInField.ResultType,
                SignInField.Status, SignInField.NestedSignIn,
                SignInField.AuthenticationDetails, SignInField.AdditionalDetails, SignInField.AuthenticationRequirement,
                SignInField.TokenIssuerType, SignInField.MfaResult, SignInField.MfaAuthMethod, SignInField.MfaAuthDetail,
                SignInField.UserType, SignInField.HomeTenantId, SignInField.ResourceTenantId,
            }.OrderBy(f => f),
            link);
        Assert.All(link, f => Assert.True(RecordScope.IsLinkField(f)));
        Assert.False(RecordScope.IsLinkField(SignInField.MfaDetail));
    }

    [Theory]
    [InlineData("mfaDetail", "MfaDetail")]
    [InlineData("riskEventTypes_v2", "RiskEventTypesV2")]
    [InlineData("status", "Status")]
    public void Graph_names_come_from_the_registry(string name, string field)
    {
        Assert.True(SignInJsonNames.SignIn.TryGet(System.Text.Encoding.UTF8.GetBytes(name), out var mapped));
        Assert.Equal(field, mapped.ToString());
    }

    [Theory]
    [InlineData("MfaDetail", "authMethod", "MfaAuthMethod")]
    [InlineData("MfaDetail", "authDetail", "MfaAuthDetail")]
    [InlineData("Status", "errorCode", "ErrorCode")]
    [InlineData("DeviceDetail", "displayName", "DeviceDisplayName")]
    public void An_object_s_parts_come_from_the_registry(string owner, string part, string field)
    {
        Assert.True(SignInJsonNames.PartsOf(Enum.Parse<SignInField>(owner)).TryGet(System.Text.Encoding.UTF8.GetBytes(part), out var mapped));
        Assert.Equal(field, mapped.ToString());
    }

    [Theory]
    [InlineData("MfaDetail", "MfaDetail")]
    [InlineData("LocationDetails", "Location")]
    [InlineData("Location", "CountryCode")]
    [InlineData("ResourceIdentity", "ResourceId")]
    [InlineData("TimeGenerated [UTC]", "EventTime")]
    public void Log_analytics_columns_come_from_the_registry(string column, string field)
    {
        Assert.Equal(field, LogAnalyticsColumns.Resolve(column).ToString());
    }

    [Theory]
    [InlineData("Multifactor authentication auth method", "MfaAuthMethod")]
    [InlineData("MFA auth detail", "MfaAuthDetail")]
    [InlineData("Multifactor authentication result", "MfaResult")]
    [InlineData("Location", "LocationText")]
    public void Admin_center_headers_come_from_the_registry(string header, string field)
    {
        Assert.Equal(field, AdminCenterCsvColumns.Resolve(header).ToString());
    }

    [Fact]
    public void A_problem_names_a_part_by_its_graph_path_and_a_column_by_the_format_s_name()
    {
        var graph = SignInJsonNames.FieldNames(SignInJsonNames.SignIn);
        var logAnalytics = SignInJsonNames.FieldNames(LogAnalyticsColumns.Table);

        Assert.Equal("mfaDetail.authMethod", graph(SignInField.MfaAuthMethod));
        Assert.Equal("status.errorCode", logAnalytics(SignInField.ErrorCode));
        Assert.Equal("ConditionalAccessPolicies", logAnalytics(SignInField.AppliedConditionalAccessPolicies));
        Assert.Equal("Category", logAnalytics(SignInField.Category));
    }

    [Fact]
    public void Mfa_detail_is_beta_only()
    {
        Assert.Null(SignInFieldRegistry.Of(SignInField.MfaDetail).GraphV1Path);
        Assert.Equal("userAgent", SignInFieldRegistry.Of(SignInField.UserAgent).GraphV1Path);
    }
}
