using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace EntraStrongAuth.Engine.Enrollment;

/// <summary>
/// Tells the kind of an enrollment file without parsing it whole: the property names each Graph shape must carry
/// appear in its first record, so the first 64 KB decide. Order matters: a methods policy names method types too.
/// </summary>
public static class EnrollmentFileSniffer
{
    private const int PeekBytes = 64 * 1024;

    // users('id-or-upn')/authentication/methods in the @odata.context of a saved methods response.
    private static readonly Regex ContextUser = new(@"users\('(?<user>[^']+)'\)/authentication/methods", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static EnrollmentFileKind Detect(string path)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return EnrollmentFileKind.RegistrationExport;
        }

        var head = Peek(path);
        if (Has(head, "authenticationMethodConfigurations"))
        {
            return EnrollmentFileKind.MethodsPolicy;
        }

        if (Has(head, "methodsRegistered") || Has(head, "isMfaRegistered"))
        {
            return EnrollmentFileKind.RegistrationJson;
        }

        if (Has(head, "allowedCombinations") || Has(head, "grantControls"))
        {
            return EnrollmentFileKind.PoliciesOrStrengths;
        }

        if (DirectoryMembersJsonParser.LooksLikeMembers(head))
        {
            return EnrollmentFileKind.DirectoryMembers;
        }

        // A phoneMethods list has no @odata.type, but phoneType is the phone method's own property.
        return Has(head, "/authentication/methods") || Has(head, "AuthenticationMethod\"") || Has(head, "\"phoneType\"")
            ? EnrollmentFileKind.UserMethods
            : EnrollmentFileKind.Unknown;
    }

    /// <summary>
    /// Whose methods a saved methods response holds: the user in its @odata.context, else the file name without its
    /// extension (save one file per user as &lt;id or UPN&gt;.json).
    /// </summary>
    public static string UserOfMethodsFile(string path)
    {
        var match = ContextUser.Match(Peek(path));
        return match.Success ? Uri.UnescapeDataString(match.Groups["user"].Value) : Path.GetFileNameWithoutExtension(path);
    }

    private static bool Has(string head, string text) => head.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;

    private static string Peek(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[PeekBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
