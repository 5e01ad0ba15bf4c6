using System;
using System.Management.Automation;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>Thrown by async work to end the command with this exact error record (raised on the pipeline thread).</summary>
public sealed class TerminatingErrorException : Exception
{
    public TerminatingErrorException()
        : this(new ErrorRecord(new InvalidOperationException(), ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, null))
    {
    }

    public TerminatingErrorException(string message)
        : this(new ErrorRecord(new InvalidOperationException(message), ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, null))
    {
    }

    public TerminatingErrorException(string message, Exception innerException)
        : this(new ErrorRecord(new InvalidOperationException(message, innerException), ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, null))
    {
    }

    public TerminatingErrorException(ErrorRecord errorRecord)
        : base(errorRecord?.Exception?.Message)
    {
        ErrorRecord = errorRecord ?? throw new ArgumentNullException(nameof(errorRecord));
    }

    public ErrorRecord ErrorRecord { get; }
}
