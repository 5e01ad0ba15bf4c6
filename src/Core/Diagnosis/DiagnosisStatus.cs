namespace EntraStrongAuth.Core.Diagnosis;

/// <summary>What one diagnosis step found, in the words of the portal's sign-in diagnostic.</summary>
public enum DiagnosisStatus
{
    /// <summary>The step looked and found nothing wrong here.</summary>
    Ok,

    /// <summary>The step found something that explains or contributes to the failure.</summary>
    Problem,

    /// <summary>The input lacked what the step needs; its NextAction says what would answer it.</summary>
    Unknown,
}
