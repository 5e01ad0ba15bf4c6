namespace EntraStrongAuth.Core.Enrollment;

/// <summary>Where a user's registered methods came from; decides how fresh and how detailed the answer is.</summary>
public enum MethodsSource
{
    /// <summary>users/{id}/authentication/methods, read now: current, with per-method details (AAGUID, phone type, TAP use).</summary>
    Live,

    /// <summary>The registration report: may lag up to a day; method names only (no AAGUID, no TAP one-time flag).</summary>
    RegistrationReport,

    /// <summary>A saved file (Graph JSON of the methods list, or a registration report export).</summary>
    File,
}
