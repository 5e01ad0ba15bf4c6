using System;
using System.IO;
using System.Security.Cryptography;

namespace EntraStrongAuth.Engine.Application.Report;

/// <summary>The page's one style sheet and one script (embedded in the Engine), and the per-report nonce that admits them.</summary>
internal static class ReportAssets
{
    private static readonly Lazy<string> Css = new(() => Read("report.css"));
    private static readonly Lazy<string> Script = new(() => Read("report.js"));

    public static string StyleSheet => Css.Value;

    public static string PageScript => Script.Value;

    /// <summary>
    /// A fresh random nonce per report: the Content-Security-Policy runs only the blocks carrying it, so markup smuggled in
    /// through a log value (which is encoded anyway) could not guess it.
    /// </summary>
    public static string NewNonce()
    {
        var bytes = new byte[18];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        // Base64url without padding: a nonce of letters, digits, '-' and '_' reads the same in HTML and in the policy.
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }

    private static string Read(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream("EntraStrongAuth.Engine.Report." + name)
            ?? throw new InvalidOperationException("The report asset " + name + " is missing from the Engine assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
