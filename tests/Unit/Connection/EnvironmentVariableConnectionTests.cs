using System;
using System.Collections.Generic;
using System.Net;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

public class EnvironmentVariableConnectionTests
{
    private static readonly CloudEnvironment Global = CloudEnvironment.Get("Global");

    private static Func<string, string?> Variables(params (string Name, string Value)[] values)
    {
        var table = new Dictionary<string, string>();
        foreach (var (name, value) in values)
        {
            table[name] = value;
        }

        return name => table.TryGetValue(name, out var value) ? value : null;
    }

    [Fact]
    public void A_client_secret_in_the_environment_becomes_a_secret_sign_in()
    {
        var options = EnvironmentVariableConnection.Resolve(Global, Variables(("AZURE_TENANT_ID", "t"), ("AZURE_CLIENT_ID", "c"), ("AZURE_CLIENT_SECRET", "s3cret")));

        Assert.Equal(CredentialKind.ClientSecret, options.Kind);
        Assert.Equal("t", options.TenantId);
        Assert.Equal("c", options.ClientId);
        Assert.Equal("s3cret", new NetworkCredential(string.Empty, options.Secret).Password);
        Assert.Equal(EnvironmentVariableConnection.Source, options.Source);
    }

    [Fact]
    public void A_certificate_path_and_password_become_a_certificate_sign_in()
    {
        var options = EnvironmentVariableConnection.Resolve(Global, Variables(
            ("AZURE_TENANT_ID", "t"), ("AZURE_CLIENT_ID", "c"), ("AZURE_CLIENT_CERTIFICATE_PATH", "/certs/app.pfx"), ("AZURE_CLIENT_CERTIFICATE_PASSWORD", "pw")));

        Assert.Equal(CredentialKind.Certificate, options.Kind);
        Assert.Equal("/certs/app.pfx", options.Certificate!.Path);
        Assert.Equal("pw", new NetworkCredential(string.Empty, options.Certificate.Password).Password);
    }

    [Fact]
    public void A_federated_token_file_becomes_a_workload_identity_sign_in()
    {
        var options = EnvironmentVariableConnection.Resolve(Global, Variables(("AZURE_TENANT_ID", "t"), ("AZURE_CLIENT_ID", "c"), ("AZURE_FEDERATED_TOKEN_FILE", "/var/run/token")));

        Assert.Equal(CredentialKind.WorkloadIdentity, options.Kind);
        Assert.Equal("/var/run/token", options.FederatedTokenFile);
    }

    [Fact]
    public void Missing_variables_are_named_and_values_are_not_shown()
    {
        var error = Assert.Throws<EntraStrongAuthException>(() => EnvironmentVariableConnection.Resolve(Global, Variables(("AZURE_CLIENT_ID", "visible-client-id"))));

        Assert.Equal("EnvironmentVariableMissing", error.ErrorId);
        Assert.Contains("AZURE_TENANT_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("AZURE_CLIENT_SECRET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AZURE_CLIENT_ID,", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("visible-client-id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_users_password_in_the_environment_is_refused_with_the_reason()
    {
        var error = Assert.Throws<EntraStrongAuthException>(() => EnvironmentVariableConnection.Resolve(Global, Variables(
            ("AZURE_TENANT_ID", "t"), ("AZURE_CLIENT_ID", "c"), ("AZURE_USERNAME", "svc@contoso.com"), ("AZURE_PASSWORD", "hunter2"))));

        Assert.Equal("EnvironmentUserPasswordRefused", error.ErrorId);
        Assert.Contains("MFA", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("svc@contoso.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workload_identity_takes_its_parameters_first_and_the_variables_for_the_rest()
    {
        var variables = Variables(("AZURE_TENANT_ID", "env-tenant"), ("AZURE_CLIENT_ID", "env-client"), ("AZURE_FEDERATED_TOKEN_FILE", "/var/run/token"));

        var fromVariables = EnvironmentVariableConnection.WorkloadIdentity(Global, variables, null, null, null);
        var fromParameters = EnvironmentVariableConnection.WorkloadIdentity(Global, variables, "t", "c", "/tmp/other");

        Assert.Equal(CredentialKind.WorkloadIdentity, fromVariables.Kind);
        Assert.Equal(("env-tenant", "env-client", "/var/run/token"), (fromVariables.TenantId, fromVariables.ClientId, fromVariables.FederatedTokenFile));
        Assert.Equal(("t", "c", "/tmp/other"), (fromParameters.TenantId, fromParameters.ClientId, fromParameters.FederatedTokenFile));
        Assert.Null(fromParameters.Source);
    }
}
