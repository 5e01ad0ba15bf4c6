using System.Management.Automation;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Cmdlets.Infrastructure;

/// <summary>Builds ErrorRecords: the one place where a failure kind becomes a PowerShell ErrorCategory.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(EntraStrongAuthException failure, object? target)
    {
        var record = new ErrorRecord(failure, failure.ErrorId, CategoryOf(failure.Kind), target);

        // The error views print the target's name (CategoryInfo), and a file or ZIP entry name comes from the input.
        record.CategoryInfo.TargetName = MessageText.Escape(record.CategoryInfo.TargetName);
        if (failure.RecommendedAction is { } action)
        {
            record.ErrorDetails = new ErrorDetails(failure.Message) { RecommendedAction = action };
        }

        return record;
    }

    /// <summary>
    /// A record whose message (from any exception, not only ours) shows control characters escaped: the message a host
    /// displays is ErrorDetails.Message when set, so an unsafe exception message gets an escaped copy there.
    /// </summary>
    public static ErrorRecord Escaped(ErrorRecord record)
    {
        var message = record.ErrorDetails?.Message ?? record.Exception?.Message;
        if (message is null || MessageText.Escape(message) is var escaped && ReferenceEquals(escaped, message))
        {
            return record;
        }

        record.ErrorDetails = new ErrorDetails(escaped) { RecommendedAction = record.ErrorDetails?.RecommendedAction };
        return record;
    }

    public static ErrorRecord Create(string errorId, FailureKind kind, string message, object? target, string? recommendedAction = null) =>
        From(new EntraStrongAuthException(errorId, kind, message, recommendedAction), target);

    internal static ErrorCategory CategoryOf(FailureKind kind) => kind switch
    {
        FailureKind.InvalidArgument => ErrorCategory.InvalidArgument,
        FailureKind.InvalidData => ErrorCategory.InvalidData,
        FailureKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        FailureKind.AuthenticationError => ErrorCategory.AuthenticationError,
        FailureKind.PermissionDenied => ErrorCategory.PermissionDenied,
        FailureKind.ConnectionError => ErrorCategory.ConnectionError,
        FailureKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        FailureKind.ReadError => ErrorCategory.ReadError,
        FailureKind.NotConnected => ErrorCategory.InvalidOperation,
        FailureKind.OperationStopped => ErrorCategory.OperationStopped,
        _ => ErrorCategory.NotSpecified,
    };
}
