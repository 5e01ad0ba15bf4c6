namespace EntraStrongAuth.Core.Enrollment;

/// <summary>One result of reading a registration export: a row, or a problem with a line (exactly one is set).</summary>
public sealed class RegistrationReadItem
{
    public RegistrationReadItem(UserRegistration registration)
    {
        Registration = registration ?? throw new System.ArgumentNullException(nameof(registration));
    }

    public RegistrationReadItem(RegistrationReadProblem problem)
    {
        Problem = problem ?? throw new System.ArgumentNullException(nameof(problem));
    }

    public UserRegistration? Registration { get; }

    public RegistrationReadProblem? Problem { get; }
}
