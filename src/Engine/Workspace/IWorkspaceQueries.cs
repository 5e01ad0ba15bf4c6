using System.Threading;
using System.Threading.Tasks;

namespace EntraStrongAuth.Engine.Workspace;

/// <summary>
/// Runs KQL against one Log Analytics workspace through the query API. The live client waits out throttling,
/// retries transient faults and turns the service's errors into <c>EntraStrongAuthException</c>s with stable ids;
/// unit tests use a fake that answers from rows in memory.
/// </summary>
public interface IWorkspaceQueries
{
    /// <summary>The first table of the query's result, whole (aggregate queries: rows grow with accounts, not sign-ins).</summary>
    /// <param name="kql">The query text; every value in it went through <c>KqlLiteral</c>.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    Task<WorkspaceTable> QueryAsync(string kql, CancellationToken cancellationToken);
}
