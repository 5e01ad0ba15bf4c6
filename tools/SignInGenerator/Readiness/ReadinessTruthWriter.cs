using System.IO;
using EntraStrongAuth.SignInGenerator.TenantAuth;

namespace EntraStrongAuth.SignInGenerator.Readiness;

/// <summary>
/// readiness-truth.csv (with tenant-auth only, as readiness needs the tenant's policies): one row per policy, user and
/// client app in the policy's scope, with the true verdict and the true reasons to break (BreakReason names, ';').
/// </summary>
internal static class ReadinessTruthWriter
{
    public const string FileName = "readiness-truth.csv";

    public static string Write(string folder, ReadinessTruth truth, TenantAuthData auth)
    {
        string path = Path.Combine(folder, FileName);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("policyId,policyName,userId,userPrincipalName,persona,appId,appDisplayName,verdict,reasons");
        foreach (var row in truth.Rows(auth))
        {
            writer.WriteLine(string.Join(",", row.Policy.Policy.Id, Quoted(row.Policy.Policy.DisplayName), row.User.Id, Quoted(row.User.UserPrincipalName), row.User.Persona.Name,
                row.App.Id, Quoted(row.App.DisplayName), row.Verdict, string.Join(";", row.Reasons)));
        }

        return path;
    }

    private static string Quoted(string text) => !text.Contains(',', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
