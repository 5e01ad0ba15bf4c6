namespace EntraStrongAuth.Core.SignIns;

/// <summary>What a reader yields: a sign-in, or a problem where a sign-in should have been. Exactly one is set.</summary>
public readonly struct SignInReadItem
{
    public SignInReadItem(SignInEvent signIn)
    {
        SignIn = signIn;
        Problem = null;
    }

    public SignInReadItem(SignInReadProblem problem)
    {
        SignIn = null;
        Problem = problem;
    }

    public SignInEvent? SignIn { get; }

    public SignInReadProblem? Problem { get; }
}
