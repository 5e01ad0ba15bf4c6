using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Headless;

/// <summary>
/// Picks the workload identity for a headless account from where its sign-ins come from (the environment with the
/// most matching sign-ins; ties to the earlier one in the data), and writes the migration steps around what it reached.
/// </summary>
internal static class WorkloadIdentityAdvisor
{
    public static WorkloadIdentityRecommendation Recommend(SignInAggregate a, HeadlessData data)
    {
        int best = -1;
        for (int i = 0; i < a.EnvironmentHits.Length; i++)
        {
            if (a.EnvironmentHits[i] > 0 && (best < 0 || a.EnvironmentHits[i] > a.EnvironmentHits[best]))
            {
                best = i;
            }
        }

        var resources = a.Resources.Ranked();
        var apps = a.Apps.Ranked();
        var reached = resources.Count == 0 ? "the resources the account's sign-ins reached" : string.Join(", ", resources);
        WorkloadIdentityKind kind;
        string reason;
        if (best < 0)
        {
            kind = WorkloadIdentityKind.CertificateServicePrincipal;
            reason = "sign-ins come from no recognised cloud or CI environment (" + Sources(a) + "), so a managed identity or federation cannot vouch for it";
        }
        else
        {
            var environment = data.Environments[best];
            kind = environment.IdentityKind;
            reason = a.EnvironmentHits[best] + " of " + a.Total + " sign-ins come from " + environment.Name + " (" + a.EnvironmentFacts[best] + ")";
        }

        return new WorkloadIdentityRecommendation(kind, reason, Steps(kind, best < 0 ? null : data.Environments[best].Name, a.User, reached))
        {
            Resources = resources,
            Apps = apps,
        };
    }

    private static string Sources(SignInAggregate a)
    {
        var asn = a.Asns.Top();
        var ip = a.Ips.Top();
        return asn.Value > 0 ? "mostly AS" + asn.Key.ToString(System.Globalization.CultureInfo.InvariantCulture) : ip.Key ?? "no address";
    }

    private static string[] Steps(WorkloadIdentityKind kind, string? environment, string user, string reached)
    {
        var create = kind switch
        {
            WorkloadIdentityKind.ManagedIdentity =>
                "Create a managed identity for the workload in " + (environment ?? "Azure") + " (system-assigned on the VM / Automation account / Function, or user-assigned if several hosts share it).",
            WorkloadIdentityKind.WorkloadIdentityFederation =>
                "Create an app registration (or user-assigned managed identity) and add a federated identity credential trusting " + (environment ?? "the workload's") + " OIDC issuer, scoped to the repository/branch, service connection or service account that runs the job.",
            _ =>
                "Create an app registration with a certificate credential (private key kept in the host's certificate store or a key vault, never in the script).",
        };
        var change = kind switch
        {
            WorkloadIdentityKind.ManagedIdentity => "Change the script to sign in with the managed identity (az login --identity, Connect-AzAccount -Identity, Connect-MgGraph -Identity, ManagedIdentityCredential) and remove the stored password.",
            WorkloadIdentityKind.WorkloadIdentityFederation => "Change the pipeline to exchange its OIDC token (azure/login with client-id and no secret, an Azure DevOps workload-identity service connection, or Azure Workload ID on the pod) and remove the stored password.",
            _ => "Change the script to sign in as the app with the certificate (az login --service-principal --certificate, Connect-AzAccount -CertificateThumbprint, Connect-MgGraph -CertificateThumbprint) and remove the stored password.",
        };
        return new[]
        {
            create,
            "Grant it only the access " + user + " used: application permissions or Azure RBAC roles equivalent to " + reached + ".",
            change,
            "Run the job once and confirm its sign-ins appear as service principal or managed identity sign-ins, with no user sign-ins for " + user + ".",
            "Block sign-in for " + user + " (or remove its password and licences) once the job has run cleanly; do not exclude it from Conditional Access to keep it working.",
        };
    }
}
