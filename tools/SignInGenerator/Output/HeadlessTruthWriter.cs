using System.IO;
using EntraStrongAuth.SignInGenerator.Model;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// headless-truth.csv (--headless only), the answer key for headless scoring: one row per user with its persona and
/// whether a script really signs in as it.
/// </summary>
internal static class HeadlessTruthWriter
{
    public const string FileName = "headless-truth.csv";

    public static string Write(string folder, IEnumerable<TenantUser> users)
    {
        string path = Path.Combine(folder, FileName);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("userPrincipalName,userId,persona,isHeadless");
        foreach (var user in users)
        {
            writer.WriteLine(string.Join(",", user.UserPrincipalName, user.Id, user.Persona.Name, user.Persona.IsHeadless ? "true" : "false"));
        }

        return path;
    }
}
