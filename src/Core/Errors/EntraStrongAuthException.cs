using System;

namespace EntraStrongAuth.Core.Errors;

/// <summary>
/// A failure the user can act on: a stable error id (becomes the FullyQualifiedErrorId), a kind (becomes the
/// ErrorCategory) and a recommended action. Messages never contain secrets or tokens.
/// </summary>
public class EntraStrongAuthException : Exception
{
    public EntraStrongAuthException()
        : this(ErrorIds.UnexpectedError, FailureKind.Unexpected, "An unexpected error occurred.")
    {
    }

    public EntraStrongAuthException(string message)
        : this(ErrorIds.UnexpectedError, FailureKind.Unexpected, message)
    {
    }

    public EntraStrongAuthException(string message, Exception innerException)
        : this(ErrorIds.UnexpectedError, FailureKind.Unexpected, message, null, innerException)
    {
    }

    public EntraStrongAuthException(string errorId, FailureKind kind, string message, string? recommendedAction = null, Exception? innerException = null)
        : base(MessageText.Escape(message), innerException)
    {
        // Messages quote the input (file names, user agents): its control characters are escaped here, once for every error.
        ErrorId = errorId;
        Kind = kind;
        RecommendedAction = recommendedAction is null ? null : MessageText.Escape(recommendedAction);
    }

    /// <summary>Stable PascalCase id, e.g. <c>AuthenticationFailed</c>. Scripts may match on it.</summary>
    public string ErrorId { get; }

    public FailureKind Kind { get; }

    public string? RecommendedAction { get; }
}
