using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Connection;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>Shows the current connection: tenant, app, cloud, scopes. Never a token.</summary>
[Cmdlet(VerbsCommon.Get, "EntraStrongAuthContext")]
[OutputType(typeof(EntraStrongAuthContext))]
public sealed class GetEntraStrongAuthContextCommand : AsyncPSCmdlet
{
    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        // Like Get-MgContext: no output (not an error) when not connected.
        if (ConnectionStore.Current is { } connection)
        {
            await WriteObjectAsync(connection.Context).ConfigureAwait(false);
        }
    }
}
