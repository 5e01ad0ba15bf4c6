using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Connection;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application.Connection;
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Signs in to Microsoft Graph for the EntraStrongAuth commands. Parameter names and set names follow
/// Connect-MgGraph so its users need nothing new; workload identity federation and certificate files are additions.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "EntraStrongAuth", DefaultParameterSetName = UserSet)]
[OutputType(typeof(EntraStrongAuthContext))]
public sealed class ConnectEntraStrongAuthCommand : AsyncPSCmdlet
{
    private const string UserSet = "UserParameterSet";
    private const string SecretSet = "AppSecretCredentialParameterSet";
    private const string ThumbprintSet = "AppCertificateParameterSet";
    private const string SubjectSet = "AppCertificateSubjectParameterSet";
    private const string CertificateObjectSet = "AppCertificateObjectParameterSet";
    private const string CertificateFileSet = "AppCertificateFileParameterSet";
    private const string IdentitySet = "IdentityParameterSet";
    private const string WorkloadIdentitySet = "WorkloadIdentityParameterSet";
    private const string EnvironmentVariableSet = "EnvironmentVariableParameterSet";
    private const string AccessTokenSet = "AccessTokenParameterSet";
    private const string GraphSessionSet = "GraphSessionParameterSet";

    /// <summary>Delegated permissions to ask for; default AuditLog.Read.All and Policy.Read.All.</summary>
    [Parameter(ParameterSetName = UserSet, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? Scopes { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
    [Parameter(Mandatory = true, ParameterSetName = SubjectSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateObjectSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateFileSet)]
    [Parameter(ParameterSetName = IdentitySet)]
    [Parameter(ParameterSetName = WorkloadIdentitySet)]
    [Alias("AppId", "ApplicationId")]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
    [Parameter(Mandatory = true, ParameterSetName = SubjectSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateObjectSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateFileSet)]
    [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
    [Parameter(ParameterSetName = WorkloadIdentitySet)]
    [Parameter(ParameterSetName = AccessTokenSet)]
    [Alias("Tenant")]
    [ValidateNotNullOrEmpty]
    public string? TenantId { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [Alias("UseDeviceAuthentication", "DeviceCode")]
    public SwitchParameter UseDeviceCode { get; set; }

    [Parameter(ParameterSetName = UserSet)]
    [ValidateNotNullOrEmpty]
    public string? LoginHint { get; set; }

    /// <summary>The app's client id as the user name and its client secret as the password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
    [Credential]
    public PSCredential? ClientSecretCredential { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = SubjectSet)]
    [Alias("CertificateSubject")]
    [ValidateNotNullOrEmpty]
    public string? CertificateSubjectName { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CertificateObjectSet)]
    [ValidateNotNull]
    public X509Certificate2? Certificate { get; set; }

    /// <summary>A PFX (PKCS#12) or PEM file holding the certificate and its private key.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CertificateFileSet)]
    [ValidateNotNullOrEmpty]
    public string? CertificatePath { get; set; }

    [Parameter(ParameterSetName = CertificateFileSet)]
    public SecureString? CertificatePassword { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = IdentitySet)]
    [Alias("ManagedIdentity", "MI")]
    public SwitchParameter Identity { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = WorkloadIdentitySet)]
    public SwitchParameter WorkloadIdentity { get; set; }

    /// <summary>The other issuer's token; default $env:AZURE_FEDERATED_TOKEN_FILE.</summary>
    [Parameter(ParameterSetName = WorkloadIdentitySet)]
    [ValidateNotNullOrEmpty]
    public string? FederatedTokenFile { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = EnvironmentVariableSet)]
    [Alias("EnvironmentVariables")]
    public SwitchParameter EnvironmentVariable { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    public SecureString? AccessToken { get; set; }

    /// <summary>
    /// Adopt the connected Microsoft Graph PowerShell session (Connect-MgGraph) instead of signing in: its tenant,
    /// account, scopes and cloud, with its token asked of it as needed. Commands do this on their own when there is
    /// no other connection; the switch makes it explicit, proves the session with one request and shows its context.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = GraphSessionSet)]
    [Alias("UseMgContext")]
    public SwitchParameter UseGraphSession { get; set; }

    [Parameter]
    [ValidateSet("Global", "USGov", "USGovDoD", "China")]
    public string Environment { get; set; } = "Global";

    /// <summary>A private cloud or test endpoint; replaces -Environment's Graph endpoint.</summary>
    [Parameter]
    public Uri? GraphEndpoint { get; set; }

    [Parameter]
    public Uri? AuthorityHost { get; set; }

    /// <summary>A private cloud or test endpoint for the Log Analytics query API (-WorkspaceId); replaces -Environment's.</summary>
    [Parameter]
    public Uri? LogAnalyticsEndpoint { get; set; }

    /// <summary>With -AccessToken: a token for the Log Analytics query API, for the commands' -WorkspaceId.</summary>
    [Parameter(ParameterSetName = AccessTokenSet)]
    public SecureString? LogAnalyticsAccessToken { get; set; }

    /// <summary>Requests any command of this connection may start per -ThrottleWindow (Graph reports: about 5 per 10 s).</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int MaxRequestsPerWindow { get; set; } = 5;

    [Parameter]
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromSeconds(10);

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName == GraphSessionSet)
        {
            await ConnectToGraphSessionAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Paths resolve against the session's current location and the host is asked about itself: pipeline thread only.
        var options = await InvokeOnPipelineAsync(BuildOptions).ConfigureAwait(false);
        await WriteVerboseAsync("Connecting to " + options.Environment.GraphEndpoint + " (" + options.Environment.Name + ") with " + options.Kind
            + (options.Source is null ? string.Empty : " from " + options.Source) + ".").ConfigureAwait(false);
        CheckThrottleWindow();

        var connection = await GraphConnection.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await UseAsync(connection).ConfigureAwait(false);
    }

    /// <summary>-UseGraphSession: the cloud, tenant and account are the session's; one request proves its token works.</summary>
    private async Task ConnectToGraphSessionAsync(CancellationToken cancellationToken)
    {
        CheckThrottleWindow();
        foreach (var parameter in new[] { nameof(Environment), nameof(GraphEndpoint), nameof(AuthorityHost), nameof(LogAnalyticsEndpoint) })
        {
            if (MyInvocation.BoundParameters.ContainsKey(parameter))
            {
                throw new TerminatingErrorException(ErrorRecords.Create(
                    ErrorIds.ParameterConflict,
                    Core.Errors.FailureKind.InvalidArgument,
                    "-UseGraphSession takes the cloud from the Microsoft Graph PowerShell session; -" + parameter + " cannot be combined with it.",
                    parameter,
                    "Leave out -" + parameter + " (Connect-MgGraph -Environment chooses the session's cloud), or sign in with Connect-EntraStrongAuth -" + parameter + "."));
            }
        }

        var session = await InvokeOnPipelineAsync(() => GraphPowerShellSession.TryRead(this)).ConfigureAwait(false) ?? throw new TerminatingErrorException(ErrorRecords.Create(
            ErrorIds.GraphSessionNotFound,
            Core.Errors.FailureKind.NotConnected,
            "-UseGraphSession found no connected Microsoft Graph PowerShell session: the " + GraphPowerShellSession.ModuleName + " module is not loaded, or Get-MgContext returns nothing.",
            null,
            "Run Connect-MgGraph -Scopes " + string.Join(", ", ModulePermissions.All.Select(permission => permission.Name)) + " first, or sign in with Connect-EntraStrongAuth."));
        await WriteVerboseAsync("Using the Microsoft Graph PowerShell session (Connect-MgGraph) of " + session.Describe() + ".").ConfigureAwait(false);
        var connection = await GraphConnection.ConnectAsync(session.ToOptions(GraphSessionAdoption.AcquireTokenAsync), cancellationToken).ConfigureAwait(false);
        await UseAsync(connection).ConfigureAwait(false);
    }

    private async Task UseAsync(GraphConnection connection)
    {
        connection.SetRequestLimit(MaxRequestsPerWindow, ThrottleWindow);
        ConnectionStore.Set(connection);
        var context = connection.Context;
        await WriteVerboseAsync("Connected to tenant " + (context.TenantDisplayName ?? context.TenantId)
            + (context.Account is null ? string.Empty : " as " + context.Account)
            + "; permissions: " + string.Join(", ", context.Scopes) + "."
            + (context.MissingScopes.Count == 0 ? string.Empty : " Missing for some commands: " + string.Join(", ", context.MissingScopes) + ".")).ConfigureAwait(false);
        if (PassThru)
        {
            await WriteObjectAsync(context).ConfigureAwait(false);
        }
    }

    private void CheckThrottleWindow()
    {
        if (ThrottleWindow <= TimeSpan.Zero)
        {
            throw new TerminatingErrorException(ErrorRecords.Create(
                ErrorIds.InvalidThrottleWindow,
                Core.Errors.FailureKind.InvalidArgument,
                "-ThrottleWindow must be positive; got " + ThrottleWindow + ".",
                ThrottleWindow,
                "Pass a window such as 00:00:10 (Graph's reporting service allows about 5 requests per 10 seconds)."));
        }
    }

    private ConnectionOptions BuildOptions()
    {
        var kind = KindOfParameterSet();
        var environment = CloudEnvironmentResolver.Resolve(Environment, GraphEndpoint, AuthorityHost, kind, LogAnalyticsEndpoint);
        return ParameterSetName switch
        {
            EnvironmentVariableSet => EnvironmentVariableConnection.Resolve(environment, System.Environment.GetEnvironmentVariable),
            SecretSet => new ConnectionOptions(kind, environment)
            {
                TenantId = TenantId,
                ClientId = ClientSecretCredential?.UserName,
                Secret = ClientSecretCredential?.Password,
            },
            WorkloadIdentitySet => EnvironmentVariableConnection.WorkloadIdentity(
                environment,
                System.Environment.GetEnvironmentVariable,
                TenantId,
                ClientId,
                FederatedTokenFile is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(FederatedTokenFile)),
            _ => new ConnectionOptions(kind, environment)
            {
                TenantId = TenantId,
                ClientId = ClientId,
                Secret = AccessToken,
                LogAnalyticsAccessToken = LogAnalyticsAccessToken,
                Certificate = CertificateOfParameterSet(),
                LoginHint = LoginHint,
                Scopes = Scopes ?? Array.Empty<string>(),
                DeviceCodePrompt = kind == CredentialKind.DeviceCode ? (message, _) => WriteHostAsync(message) : null,
            },
        };
    }

    private CredentialKind KindOfParameterSet() => ParameterSetName switch
    {
        UserSet => UseDeviceCode || !BrowserAvailability.CanOpen(System.Environment.GetEnvironmentVariable, System.Environment.UserInteractive && Host.Name != "ServerRemoteHost")
            ? CredentialKind.DeviceCode
            : CredentialKind.InteractiveBrowser,
        SecretSet => CredentialKind.ClientSecret,
        ThumbprintSet or SubjectSet or CertificateObjectSet or CertificateFileSet => CredentialKind.Certificate,
        IdentitySet => CredentialKind.ManagedIdentity,
        WorkloadIdentitySet => CredentialKind.WorkloadIdentity,
        AccessTokenSet => CredentialKind.AccessToken,

        // Resolved from the variables themselves; the kind only decides whether an authority host is needed.
        _ => CredentialKind.ClientSecret,
    };

    private CertificateSource? CertificateOfParameterSet() => ParameterSetName switch
    {
        ThumbprintSet => CertificateSource.FromThumbprint(CertificateThumbprint!),
        SubjectSet => CertificateSource.FromSubjectName(CertificateSubjectName!),
        CertificateObjectSet => CertificateSource.FromCertificate(Certificate!),
        CertificateFileSet => CertificateSource.FromFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath), CertificatePassword),
        _ => null,
    };
}
