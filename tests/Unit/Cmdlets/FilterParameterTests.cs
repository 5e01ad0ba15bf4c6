using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using EntraStrongAuth.Cmdlets.Commands;
using EntraStrongAuth.Cmdlets.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.Cmdlets;

/// <summary>The filter parameters the commands share are declared alike everywhere: same validation, same wildcard support.</summary>
public class FilterParameterTests
{
    private static readonly Type[] Commands = typeof(GetStrongAuthFailureCommand).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null)
        .ToArray();

    [Theory]
    [InlineData("UserPrincipalName")]
    [InlineData("AppId")]
    [InlineData("ExcludeUserPrincipalName")]
    public void Every_name_filter_refuses_empty_values(string name)
    {
        var declared = Commands.Select(c => c.GetProperty(name)).Where(p => p is not null).ToList();

        Assert.True(declared.Count >= 3, name + " is declared by only " + declared.Count + " commands");
        Assert.All(declared, p => Assert.NotNull(p!.GetCustomAttribute<ValidateNotNullOrEmptyAttribute>()));
    }

    [Fact]
    public void Exclusions_take_wildcards_everywhere()
    {
        var declared = Commands.Select(c => c.GetProperty("ExcludeUserPrincipalName")).Where(p => p is not null).ToList();

        Assert.Equal(4, declared.Count); // Get-StrongAuthFailure and Find-HeadlessUserSignIn (one base), Test-MfaEnrollment, Export-StrongAuthReport
        Assert.All(declared, p => Assert.NotNull(p!.GetCustomAttribute<SupportsWildcardsAttribute>()));
    }

    [Theory]
    [InlineData(typeof(GetStrongAuthFailureCommand))]
    [InlineData(typeof(FindHeadlessUserSignInCommand))]
    public void The_sign_in_analysis_commands_share_one_declaration_of_their_filters(Type command)
    {
        foreach (var name in new[] { "UserPrincipalName", "AppId", "ExcludeUserPrincipalName", "ExcludeGuest", "StartTime", "EndTime" })
        {
            Assert.Equal(typeof(SignInFilterCommandBase), command.GetProperty(name)!.DeclaringType);
        }

        Assert.NotNull(command.GetProperty("UserPrincipalName")!.GetCustomAttribute<SupportsWildcardsAttribute>());
    }
}
