using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>Forgets the current Graph connection. Safe to run when not connected.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "EntraStrongAuth")]
[OutputType(typeof(void))]
public sealed class DisconnectEntraStrongAuthCommand : AsyncPSCmdlet
{
    protected override Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        ConnectionStore.Set(null);
        return Task.CompletedTask;
    }
}
