using System;
using System.Management.Automation;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>
/// The Engine's <see cref="IRunHost"/> on a cmdlet's streams: each report is queued for the pipeline thread (the
/// only thread that may call the Write methods), and a domain error becomes an ErrorRecord with its stable id.
/// </summary>
internal sealed class CmdletRunHost : IRunHost
{
    private readonly Func<Action<Cmdlet>, Task> _post;

    public CmdletRunHost(Func<Action<Cmdlet>, Task> post)
    {
        _post = post;
    }

    public Task WriteOutputAsync(object? value) => _post(cmdlet => cmdlet.WriteObject(value));

    public Task WriteVerboseAsync(string text) => _post(cmdlet => cmdlet.WriteVerbose(MessageText.Escape(text)));

    public Task WriteWarningAsync(string text) => _post(cmdlet => cmdlet.WriteWarning(MessageText.Escape(text)));

    public Task WriteProgressAsync(RunProgress progress)
    {
        var record = ToRecord(progress);
        return _post(cmdlet => cmdlet.WriteProgress(record));
    }

    public Task WriteErrorAsync(EntraStrongAuthException failure, object? target)
    {
        var record = ErrorRecords.From(failure, target);
        return _post(cmdlet => cmdlet.WriteError(record));
    }

    internal static ProgressRecord ToRecord(RunProgress progress) => new(progress.ActivityId, MessageText.Escape(progress.Activity), MessageText.Escape(progress.Status))
    {
        PercentComplete = progress.PercentComplete,
        SecondsRemaining = progress.SecondsRemaining,
        RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
    };

    /// <summary>A progress record whose texts (a file or ZIP entry name) have their control characters escaped.</summary>
    internal static ProgressRecord Escaped(ProgressRecord record)
    {
        record.Activity = MessageText.Escape(record.Activity);
        record.StatusDescription = MessageText.Escape(record.StatusDescription);
        if (record.CurrentOperation is { } operation)
        {
            record.CurrentOperation = MessageText.Escape(operation);
        }

        return record;
    }
}
