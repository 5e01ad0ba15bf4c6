namespace EntraStrongAuth.Core.Errors;

/// <summary>
/// What kind of failure happened, independent of PowerShell (Core cannot reference it). The Cmdlets layer maps
/// each kind to an <c>ErrorCategory</c>, so the mapping lives in one place.
/// </summary>
public enum FailureKind
{
    InvalidArgument,
    InvalidData,
    ObjectNotFound,
    AuthenticationError,
    PermissionDenied,
    ConnectionError,
    ResourceUnavailable,
    ReadError,
    NotConnected,
    OperationStopped,
    Unexpected,
}
