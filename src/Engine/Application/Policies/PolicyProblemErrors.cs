using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Policies;

namespace EntraStrongAuth.Engine.Application.Policies;

/// <summary>A policy or strength record that could not be read, as a non-terminating error with its stable id and advice.</summary>
public static class PolicyProblemErrors
{
    public static EntraStrongAuthException ToException(PolicyReadProblem problem)
    {
        var unreadable = problem.ErrorId == Engine.Policies.PolicyFileReader.FileUnreadable;
        var advice = unreadable
            ? "Save the Graph response as JSON: a page {\"value\": [ … ]} or an array of policies or strengths (e.g. Get-MgBetaIdentityConditionalAccessPolicy -All | ConvertTo-Json -Depth 10)."
            : "The other records are still used; fix or re-export this one.";
        return new EntraStrongAuthException(problem.ErrorId, unreadable ? FailureKind.ReadError : FailureKind.InvalidData, problem.ToString(), advice);
    }
}
