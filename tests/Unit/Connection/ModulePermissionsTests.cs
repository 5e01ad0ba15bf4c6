using System;
using System.Linq;
using EntraStrongAuth.Core.Connection;
using Xunit;

namespace EntraStrongAuth.Tests.Connection;

/// <summary>The module's permission table: which of its permissions a set of scopes lacks, broader ones counting.</summary>
public class ModulePermissionsTests
{
    [Fact]
    public void Nothing_granted_lacks_every_permission_in_table_order()
    {
        Assert.Equal(ModulePermissions.All.Select(p => p.Name), ModulePermissions.MissingFrom(Array.Empty<string>()));
        Assert.Equal(
            new[] { "AuditLog.Read.All", "Policy.Read.All", "UserAuthenticationMethod.Read.All", "GroupMember.Read.All", "RoleManagement.Read.Directory" },
            ModulePermissions.All.Select(p => p.Name));
    }

    [Fact]
    public void Full_scope_uris_and_broader_permissions_count()
    {
        var missing = ModulePermissions.MissingFrom(new[]
        {
            "https://graph.microsoft.com/AuditLog.Read.All", "policy.read.all", "UserAuthenticationMethod.ReadWrite.All", "Directory.Read.All",
        });

        Assert.Empty(missing);
    }

    [Fact]
    public void Each_permission_is_granted_by_itself_and_not_by_an_unrelated_one()
    {
        foreach (var permission in ModulePermissions.All)
        {
            Assert.True(permission.IsGrantedBy(new[] { permission.Name }));
            Assert.False(permission.IsGrantedBy(new[] { "User.Read", "openid" }));
            Assert.False(string.IsNullOrWhiteSpace(permission.NeededFor));
        }
    }
}
