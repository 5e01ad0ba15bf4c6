using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Enrollment;

namespace EntraStrongAuth.Engine.Application.Enrollment;

/// <summary>
/// Test-MfaEnrollment's -Path files sorted by what their content holds: registration reports, users' methods, the
/// methods policy, strengths and CA policies. A file that cannot be read or holds none of these is an error; the
/// other files are still used.
/// </summary>
internal sealed class EnrollmentFileSet
{
    public List<string> Reports { get; } = new();

    public List<string> MethodFiles { get; } = new();

    public List<string> PolicyFiles { get; } = new();

    public List<string> StrengthFiles { get; } = new();

    public List<string> MemberFiles { get; } = new();

    public static async Task<EnrollmentFileSet> SortAsync(IEnumerable<string> files, IRunHost host)
    {
        var set = new EnrollmentFileSet();
        foreach (var file in files)
        {
            await set.AddAsync(file, host).ConfigureAwait(false);
        }

        return set;
    }

    public static EntraStrongAuthException Unreadable(string file, string why) =>
        new(EnrollmentFileReader.FileUnreadable, FailureKind.ReadError, "Cannot use '" + file + "': " + why + ".", "Pass the files Get-Help Test-MfaEnrollment -Parameter Path lists; the other files were read.");

    private async Task AddAsync(string file, IRunHost host)
    {
        EnrollmentFileKind kind;
        try
        {
            kind = EnrollmentFileSniffer.Detect(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await host.WriteErrorAsync(Unreadable(file, ex.Message), file).ConfigureAwait(false);
            return;
        }

        var list = kind switch
        {
            EnrollmentFileKind.RegistrationExport or EnrollmentFileKind.RegistrationJson => Reports,
            EnrollmentFileKind.UserMethods => MethodFiles,
            EnrollmentFileKind.MethodsPolicy => PolicyFiles,
            EnrollmentFileKind.PoliciesOrStrengths => StrengthFiles,
            EnrollmentFileKind.DirectoryMembers => MemberFiles,
            _ => null,
        };
        if (list is null)
        {
            await host.WriteErrorAsync(
                Unreadable(file, "it holds none of the shapes Test-MfaEnrollment reads (registration report CSV or JSON, a user's authentication methods, the Authentication methods policy, strengths or Conditional Access policies, groups or directory roles with their members)"),
                file).ConfigureAwait(false);
            return;
        }

        list.Add(file);
        await host.WriteVerboseAsync("Read " + file + " as " + kind + ".").ConfigureAwait(false);
    }
}
