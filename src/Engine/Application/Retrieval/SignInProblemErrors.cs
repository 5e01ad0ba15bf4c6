using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>A record the reader could not map, as a non-terminating error with its stable id and advice.</summary>
public static class SignInProblemErrors
{
    public static EntraStrongAuthException ToException(SignInReadProblem problem)
    {
        var kind = problem.ErrorId == ErrorIds.SignInLogUnreadable ? FailureKind.ReadError : FailureKind.InvalidData;
        var advice = problem.ErrorId == ErrorIds.SignInLogFormatUnknown
            ? "Pass -Format to say what the file is, or check that it is a sign-in log export."
            : "The other records are still read; fix or re-export the file to include this one.";
        return new EntraStrongAuthException(problem.ErrorId, kind, problem.ToString(), advice);
    }
}
