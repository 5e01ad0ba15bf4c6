using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Connection;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Shows the current connection: tenant, app, cloud, scopes, and the module's permissions the scopes lack. Never a
/// token. With no connection of the module's own but a connected Graph PowerShell session, shows that session as the
/// connection the commands will use (AuthType GraphSession, Source Connect-MgGraph); no request is made for it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EntraStrongAuthContext")]
[OutputType(typeof(EntraStrongAuthContext))]
public sealed class GetEntraStrongAuthContextCommand : AsyncPSCmdlet
{
    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        // Like Get-MgContext: no output (not an error) when not connected.
        if (CurrentConnection() is { } connection)
        {
            await WriteObjectAsync(connection.Context).ConfigureAwait(false);
        }
    }
}
