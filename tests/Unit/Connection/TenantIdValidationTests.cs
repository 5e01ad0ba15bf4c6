using System;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Connection;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>-TenantId becomes part of the authority URL: only a GUID or a DNS name gets that far, for every kind of sign-in.</summary>
public class TenantIdValidationTests
{
    [Theory]
    [InlineData("contoso/../../x?y=1", "'/' at position 8")]
    [InlineData("contoso.onmicrosoft.com?x=1", "'?' at position 24")]
    [InlineData("contoso..com", "position 9")]
    [InlineData("-contoso.com", "'-' at position 1")]
    [InlineData("contoso com", "U+0020 at position 8")]
    [InlineData("contoso\u001b[2J.com", "U+001B at position 8")]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47}", "'}' at position 37")]
    public void A_tenant_that_is_neither_a_guid_nor_a_domain_name_is_an_argument_error_naming_the_position(string tenant, string located)
    {
        foreach (var kind in new[] { CredentialKind.ClientSecret, CredentialKind.WorkloadIdentity, CredentialKind.InteractiveBrowser, CredentialKind.DeviceCode, CredentialKind.AccessToken })
        {
            var options = new ConnectionOptions(kind, CloudEnvironment.Get("Global"))
            {
                TenantId = tenant,
                ClientId = "00000000-0000-0000-0000-0000000000aa",
                Secret = TestSecrets.Secure("s3cret-value"),
                FederatedTokenFile = "/nonexistent/token",
                DeviceCodePrompt = (_, _) => System.Threading.Tasks.Task.CompletedTask,
            };

            var error = Assert.Throws<EntraStrongAuthException>(() => AzureCredentialFactory.Create(options));

            Assert.Equal(ErrorIds.InvalidTenantId, error.ErrorId);
            Assert.Equal(FailureKind.InvalidArgument, error.Kind);
            Assert.Contains(located, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b", error.Message, StringComparison.Ordinal);
            Assert.Contains("GUID", error.RecommendedAction, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47")]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("Contoso-EU.example")]
    [InlineData("organizations")]
    public void Tenant_ids_and_domain_names_are_accepted(string tenant)
    {
        var options = new ConnectionOptions(CredentialKind.ClientSecret, CloudEnvironment.Get("Global"))
        {
            TenantId = tenant,
            ClientId = "00000000-0000-0000-0000-0000000000aa",
            Secret = TestSecrets.Secure("s3cret-value"),
        };

        Assert.NotNull(AzureCredentialFactory.Create(options));
    }
}
