using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraStrongAuth.Core.Connection;

/// <summary>
/// The Microsoft Graph permissions the module's live commands read with, each with the broader permissions that
/// include it. One table: Get-EntraStrongAuthContext's MissingScopes, the verbose note when a Graph PowerShell
/// session is adopted, and the help's list of scopes (a Pester test compares them) all come from it.
/// </summary>
public static class ModulePermissions
{
    /// <summary>Every permission the module reads with, in the order the help lists them.</summary>
    public static IReadOnlyList<ModuleScope> All { get; } = new[]
    {
        new ModuleScope("AuditLog.Read.All", "sign-in logs and the registration report: Get-SignInLog, Get-StrongAuthFailure and Find-HeadlessUserSignIn on the tenant, Debug-StrongAuthFailure, Test-MfaEnrollment"),
        new ModuleScope("Policy.Read.All", "Conditional Access details in sign-ins, policies and authentication strengths: Get-StrongAuthPolicy, Get-AuthenticationStrength, Test-StrongAuthReadiness, Debug-StrongAuthFailure", "Policy.ReadWrite.ConditionalAccess"),
        new ModuleScope("UserAuthenticationMethod.Read.All", "users' registered methods: Test-MfaEnrollment, Debug-StrongAuthFailure, Test-StrongAuthReadiness", "UserAuthenticationMethod.ReadWrite.All"),
        new ModuleScope("GroupMember.Read.All", "members of the groups a methods policy or Conditional Access policy targets: Test-MfaEnrollment", "Group.Read.All", "Directory.Read.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"),
        new ModuleScope("RoleManagement.Read.Directory", "members of the directory roles a policy targets: Test-MfaEnrollment", "Directory.Read.All", "RoleManagement.ReadWrite.Directory", "Directory.ReadWrite.All"),
    };

    /// <summary>The names of the permissions <paramref name="granted"/> lacks, in table order.</summary>
    public static IReadOnlyList<string> MissingFrom(IEnumerable<string> granted)
    {
        if (granted is null)
        {
            throw new ArgumentNullException(nameof(granted));
        }

        var list = granted as IReadOnlyCollection<string> ?? granted.ToArray();
        return All.Where(entry => !entry.IsGrantedBy(list)).Select(entry => entry.Name).ToArray();
    }
}
