using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>
/// Runs another service inside a diagnosis: its output is kept for a step, and its errors and warnings become that
/// step's "why not" (a missing permission is one step's Unknown, not an error of the whole command).
/// </summary>
internal sealed class CapturingRunHost : IRunHost
{
    private readonly List<object?> _output = new();
    private readonly List<string> _problems = new();

    public IReadOnlyList<object?> Output => _output;

    /// <summary>The errors' messages and the warnings, in order, or null when there were none.</summary>
    public string? Problems => _problems.Count == 0 ? null : string.Join(" ", _problems.Distinct());

    public Task WriteOutputAsync(object? value)
    {
        _output.Add(value);
        return Task.CompletedTask;
    }

    public Task WriteVerboseAsync(string text) => Task.CompletedTask;

    public Task WriteWarningAsync(string text)
    {
        _problems.Add(text);
        return Task.CompletedTask;
    }

    public Task WriteProgressAsync(RunProgress progress) => Task.CompletedTask;

    public Task WriteErrorAsync(EntraStrongAuthException failure, object? target)
    {
        _problems.Add(failure.Message + (failure.RecommendedAction is { } action ? " " + action : string.Empty));
        return Task.CompletedTask;
    }
}
