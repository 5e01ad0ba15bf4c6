using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>
/// The host for a second pass over files already read once: their bad records and warnings were reported by the
/// first pass, so here they are dropped; progress still shows.
/// </summary>
internal sealed class QuietRunHost : IRunHost
{
    private readonly IRunHost _host;

    public QuietRunHost(IRunHost host) => _host = host;

    public Task WriteOutputAsync(object? value) => _host.WriteOutputAsync(value);

    public Task WriteVerboseAsync(string text) => Task.CompletedTask;

    public Task WriteWarningAsync(string text) => Task.CompletedTask;

    public Task WriteProgressAsync(RunProgress progress) => _host.WriteProgressAsync(progress);

    public Task WriteErrorAsync(EntraStrongAuthException failure, object? target) => Task.CompletedTask;
}
