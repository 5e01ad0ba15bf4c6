using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application;

namespace EntraStrongAuth.Tests.Application;

/// <summary>A run host that keeps everything a service reports, in order, for assertions.</summary>
internal sealed class RecordingRunHost : IRunHost
{
    private readonly ConcurrentQueue<object?> _output = new();
    private readonly ConcurrentQueue<string> _verbose = new();
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly ConcurrentQueue<RunProgress> _progress = new();
    private readonly ConcurrentQueue<(EntraStrongAuthException Failure, object? Target)> _errors = new();

    public IReadOnlyList<object?> Output => _output.ToList();

    public IReadOnlyList<string> Verbose => _verbose.ToList();

    public IReadOnlyList<string> Warnings => _warnings.ToList();

    public IReadOnlyList<RunProgress> Progress => _progress.ToList();

    public IReadOnlyList<(EntraStrongAuthException Failure, object? Target)> Errors => _errors.ToList();

    public IReadOnlyList<string> ErrorIds => _errors.Select(e => e.Failure.ErrorId).ToList();

    public Task WriteOutputAsync(object? value)
    {
        _output.Enqueue(value);
        return Task.CompletedTask;
    }

    public Task WriteVerboseAsync(string text)
    {
        _verbose.Enqueue(text);
        return Task.CompletedTask;
    }

    public Task WriteWarningAsync(string text)
    {
        _warnings.Enqueue(text);
        return Task.CompletedTask;
    }

    public Task WriteProgressAsync(RunProgress progress)
    {
        _progress.Enqueue(progress);
        return Task.CompletedTask;
    }

    public Task WriteErrorAsync(EntraStrongAuthException failure, object? target)
    {
        _errors.Enqueue((failure, target));
        return Task.CompletedTask;
    }
}
