using System.IO;
using EntraStrongAuth.Core.Errors;

namespace EntraStrongAuth.Engine.Connection;

/// <summary>
/// The other issuer's token file for workload identity federation. Checked once up front so a wrong path is
/// reported as such rather than as a sign-in failure; Azure.Identity re-reads it at each token request because
/// Kubernetes and CI runners rotate it.
/// </summary>
internal static class FederatedTokenFile
{
    public static string Check(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new EntraStrongAuthException(
                ErrorIds.MissingConnectionParameter,
                FailureKind.InvalidArgument,
                "Workload identity federation needs a token file and none was given; AZURE_FEDERATED_TOKEN_FILE is not set.",
                "Pass -FederatedTokenFile, or run where the platform sets AZURE_FEDERATED_TOKEN_FILE (AKS workload identity, a CI runner).");
        }

        if (!File.Exists(path))
        {
            throw new EntraStrongAuthException(
                ErrorIds.FederatedTokenFileNotFound,
                FailureKind.ObjectNotFound,
                "The federated token file '" + path + "' does not exist.",
                "Check the path, and that the platform has mounted the token (for AKS: the pod's service account is annotated for workload identity).");
        }

        return path!;
    }
}
