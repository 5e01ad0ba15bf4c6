using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;

namespace EntraStrongAuth.Cmdlets.Commands;

/// <summary>
/// Forgets the current Graph connection. Safe to run when not connected. It changes the session's state (every later
/// command finds no connection), so it honours -WhatIf and -Confirm like Remove-* commands; the impact is low (nothing
/// is revoked and a new Connect-EntraStrongAuth restores it), so it never prompts unless asked to.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "EntraStrongAuth", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class DisconnectEntraStrongAuthCommand : AsyncPSCmdlet
{
    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        // Nothing to forget is not an error, and there is nothing to ask about either.
        if (ConnectionStore.Current is not { } connection)
        {
            return;
        }

        var context = connection.Context;
        var target = "the Microsoft Graph connection to tenant " + (context.TenantDisplayName ?? context.TenantId ?? "(unknown)")
            + (context.Account is null ? string.Empty : " as " + context.Account);
        if (await InvokeOnPipelineAsync(() => ShouldProcess(target, "Disconnect")).ConfigureAwait(false))
        {
            ConnectionStore.Set(null);
        }
    }
}
