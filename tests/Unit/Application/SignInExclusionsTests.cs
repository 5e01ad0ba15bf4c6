using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Filtering;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class SignInExclusionsTests
{
    private const string Contoso = "9f81ed5b-f8fd-4218-b0c0-4831cfddfbb0";
    private const string Fabrikam = "2b4c6d8e-1f3a-4b5c-9d7e-0a1b2c3d4e5f";

    [Theory]
    [InlineData("Guest", null, null, true)]
    [InlineData("guest", Contoso, Contoso, true)]
    [InlineData("member", Fabrikam, Contoso, true)]
    [InlineData("member", Contoso, Contoso, false)]
    [InlineData("member", Contoso, null, false)]
    [InlineData(null, null, null, false)]
    public void A_guest_is_told_by_user_type_or_by_a_home_tenant_other_than_the_resource_tenant(string? userType, string? home, string? resource, bool expected)
    {
        var signIn = new SignInEvent { UserType = userType, HomeTenantId = home, ResourceTenantId = resource };

        Assert.Equal(expected, SignInExclusions.IsGuest(signIn));
    }

    [Fact]
    public void Named_accounts_match_wildcards_ignoring_case_and_every_exclusion_is_counted()
    {
        var exclusions = new SignInExclusions(["BreakGlass*@contoso.com"], guests: true);

        Assert.True(exclusions.Excludes(new SignInEvent { UserPrincipalName = "breakglass01@CONTOSO.com", ErrorCode = 50076 }));
        Assert.True(exclusions.Excludes(new SignInEvent { UserPrincipalName = "breakglass02@contoso.com", ErrorCode = 0 }));
        Assert.True(exclusions.Excludes(new SignInEvent { UserPrincipalName = "jodie@fabrikam.com", UserType = "Guest", ErrorCode = 50076 }));
        Assert.False(exclusions.Excludes(new SignInEvent { UserPrincipalName = "adele@contoso.com", ErrorCode = 50076 }));
        Assert.False(exclusions.Excludes(new SignInEvent { ErrorCode = 50076 }));

        Assert.Equal((3L, 2L), (exclusions.SignIns, exclusions.Failures));
    }

    [Fact]
    public void Without_exclusions_nothing_is_excluded_or_counted()
    {
        var exclusions = new SignInExclusions(null, guests: false);

        Assert.False(exclusions.IsActive);
        Assert.False(exclusions.Excludes(new SignInEvent { UserType = "Guest", ErrorCode = 50076 }));
        Assert.Equal(0L, exclusions.SignIns);
    }
}
