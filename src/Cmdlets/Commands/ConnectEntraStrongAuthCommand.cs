using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>Signs in to Microsoft Graph for the EntraStrongAuth commands. Parameter names follow Connect-MgGraph.</summary>
[Cmdlet(VerbsCommunications.Connect, "EntraStrongAuth", DefaultParameterSetName = ClientSecretSet)]
[OutputType(typeof(EntraStrongAuthContext))]
public sealed class ConnectEntraStrongAuthCommand : AsyncPSCmdlet
{
    private const string AccessTokenSet = "AccessToken";
    private const string ClientSecretSet = "ClientSecret";

    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    public System.Security.SecureString? AccessToken { get; set; }

    /// <summary>The app's client id as the user name and its client secret as the password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [Credential]
    public PSCredential? ClientSecretCredential { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [Parameter(ParameterSetName = AccessTokenSet)]
    [Alias("Tenant")]
    [ValidateNotNullOrEmpty]
    public string? TenantId { get; set; }

    [Parameter]
    [ValidateSet("Global", "USGov", "USGovDoD", "China")]
    public string Environment { get; set; } = "Global";

    /// <summary>A private cloud or test endpoint; requires -AuthorityHost and replaces -Environment.</summary>
    [Parameter]
    public Uri? GraphEndpoint { get; set; }

    [Parameter]
    public Uri? AuthorityHost { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        var options = BuildOptions();
        await WriteVerboseAsync("Connecting to " + options.Environment.GraphEndpoint + " (" + options.Environment.Name + ") with " + options.Kind + ".").ConfigureAwait(false);
        var connection = await GraphConnection.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        ConnectionStore.Set(connection);
        await WriteVerboseAsync("Connected to tenant " + (connection.Context.TenantDisplayName ?? connection.Context.TenantId) + ".").ConfigureAwait(false);
        if (PassThru)
        {
            await WriteObjectAsync(connection.Context).ConfigureAwait(false);
        }
    }

    private ConnectionOptions BuildOptions()
    {
        var environment = ResolveEnvironment();
        return ParameterSetName == AccessTokenSet
            ? new ConnectionOptions(CredentialKind.AccessToken, environment) { Secret = AccessToken, TenantId = TenantId }
            : new ConnectionOptions(CredentialKind.ClientSecret, environment)
            {
                TenantId = TenantId,
                ClientId = ClientSecretCredential?.UserName,
                Secret = ClientSecretCredential?.Password,
            };
    }

    private CloudEnvironment ResolveEnvironment()
    {
        if (GraphEndpoint is null && AuthorityHost is null)
        {
            return CloudEnvironment.Get(Environment);
        }

        if (GraphEndpoint is null || AuthorityHost is null || !GraphEndpoint.IsAbsoluteUri || !AuthorityHost.IsAbsoluteUri)
        {
            throw new TerminatingErrorException(ErrorRecords.Create(
                "IncompleteCustomEnvironment",
                Core.Errors.FailureKind.InvalidArgument,
                "A custom environment needs both -GraphEndpoint and -AuthorityHost as absolute URLs.",
                null,
                "Pass both, e.g. -GraphEndpoint https://graph.contoso.example -AuthorityHost https://login.contoso.example."));
        }

        // Azure.Identity only talks to a TLS-protected authority; say so before it fails with a generic error.
        if (AuthorityHost.Scheme != Uri.UriSchemeHttps)
        {
            throw new TerminatingErrorException(ErrorRecords.Create(
                "InvalidAuthorityHost",
                Core.Errors.FailureKind.InvalidArgument,
                "-AuthorityHost must be an https:// URL; got '" + AuthorityHost + "'.",
                AuthorityHost,
                "Pass the sign-in endpoint of the cloud over https, e.g. https://login.contoso.example/."));
        }

        return CloudEnvironment.Custom(AuthorityHost, GraphEndpoint);
    }
}
