namespace EntraStrongAuth.Core.SignIns;

/// <summary>
/// What a reader yields: a sign-in, a problem where a sign-in should have been, or a warning about how the input was
/// read (a column not understood, a time read from another field). Exactly one is set.
/// </summary>
public readonly struct SignInReadItem
{
    public SignInReadItem(SignInEvent signIn)
    {
        SignIn = signIn;
        Problem = null;
        Warning = null;
    }

    public SignInReadItem(SignInReadProblem problem)
    {
        SignIn = null;
        Problem = problem;
        Warning = null;
    }

    /// <summary>A warning: the records are still read, but the user should know how (it names the file).</summary>
    public SignInReadItem(string warning)
    {
        SignIn = null;
        Problem = null;
        Warning = warning;
    }

    public SignInEvent? SignIn { get; }

    public SignInReadProblem? Problem { get; }

    /// <summary>Something read differently from what the input says, or not read at all; the cmdlets show it with -WarningAction.</summary>
    public string? Warning { get; }
}
