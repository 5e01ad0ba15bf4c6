using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>What a data source found for one target: the user's methods, or why there are none.</summary>
public sealed class EnrollmentLookup
{
    private EnrollmentLookup(EnrollmentTarget target, UserMethodsSnapshot? snapshot, bool? accountEnabled, EntraStrongAuthException? error)
    {
        Target = target;
        Snapshot = snapshot;
        AccountEnabled = accountEnabled;
        Error = error;
    }

    public EnrollmentTarget Target { get; }

    public UserMethodsSnapshot? Snapshot { get; }

    /// <summary>Known only from a live lookup (the registration report leaves disabled accounts out).</summary>
    public bool? AccountEnabled { get; }

    public EntraStrongAuthException? Error { get; }

    public static EnrollmentLookup Found(EnrollmentTarget target, UserMethodsSnapshot snapshot, bool? accountEnabled) => new(target, snapshot, accountEnabled, null);

    public static EnrollmentLookup Failed(EnrollmentTarget target, EntraStrongAuthException error) => new(target, null, null, error);

    public static EnrollmentLookup NotFound(EnrollmentTarget target, string where) => new(
        target,
        null,
        null,
        new EntraStrongAuthException(
            ErrorIds.UserNotFound,
            FailureKind.ObjectNotFound,
            "User '" + target.DisplayKey + "' was not found " + where + ".",
            "Check the user principal name or object id; a user deleted or renamed since the data was taken is not found."));
}
