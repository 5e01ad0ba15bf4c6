using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Cmdlets.Infrastructure;
using EntraStrongAuth.Core.Connection;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Connection;

namespace EntraStrongAuth.Cmdlets.Connection;

/// <summary>
/// Reuse of a Connect-MgGraph session so an admin does not sign in twice. At the start of each command (pipeline
/// thread) <see cref="Observe"/> reads the session when the module has no connection of its own, and retires an
/// adopted connection whose session has gone (Disconnect-MgGraph) or changed (Connect-MgGraph as someone else).
/// When the command first needs Graph, <see cref="Adopt"/> makes a connection on that session without signing in.
/// Its token is asked of the session whenever the one held nears expiry; that PowerShell call must run on the
/// pipeline thread of the command then running, which <see cref="PipelineCommand"/> tracks.
/// </summary>
internal static class GraphSessionAdoption
{
    /// <summary>The session a command may adopt, or null (an own connection exists, or no connected session).</summary>
    public static GraphSessionSnapshot? Observe(PSCmdlet cmdlet)
    {
        var current = ConnectionStore.Current;
        if (current is not null && !current.Context.FromGraphSession)
        {
            return null;
        }

        GraphSessionSnapshot? session;
        bool moduleLoaded;
        try
        {
            session = GraphPowerShellSession.TryRead(cmdlet, out moduleLoaded);
        }
        catch (Exception ex) when (ex is RuntimeException or EntraStrongAuthException)
        {
            // A session we cannot read is one we do not use; the command goes on as if there were none.
            return null;
        }

        // Only a runspace that has the module can tell that the session ended or changed; another one (a
        // ForEach-Object -Parallel block) keeps using the adopted connection.
        if (current is not null && moduleLoaded && (session is null || !session.Describes(current.Context)))
        {
            ConnectionStore.Retire(current);
        }

        return session;
    }

    /// <summary>A connection on <paramref name="session"/>, made current unless another connection got there first.</summary>
    public static GraphConnection Adopt(GraphSessionSnapshot session) =>
        GraphConnection.Adopt(session.ToOptions(AcquireTokenAsync));

    /// <summary>What the command says, once, when it adopts the session.</summary>
    public static string Announcement(EntraStrongAuthContext context, GraphSessionSnapshot session) =>
        "No Connect-EntraStrongAuth connection: using the Microsoft Graph PowerShell session (Connect-MgGraph) of " + session.Describe() + "."
        + (context.MissingScopes.Count == 0
            ? " Its scopes include every permission the module reads with."
            : " Its scopes lack " + string.Join(", ", context.MissingScopes) + "; commands that read with them will be denied (Connect-MgGraph -Scopes adds them).");

    /// <summary>The token source of a connection on the session: asks it on the running command's pipeline thread.</summary>
    public static Task<string> AcquireTokenAsync(CancellationToken cancellationToken)
    {
        var command = PipelineCommand.Current ?? throw new EntraStrongAuthException(
            ErrorIds.GraphSessionTokenUnavailable,
            FailureKind.AuthenticationError,
            "The Microsoft Graph PowerShell session's token can only be asked for while an EntraStrongAuth command runs.",
            "Run the command again.");
        return command.InvokeOnPipelineThreadAsync(GraphPowerShellSession.AcquireToken, cancellationToken);
    }
}
