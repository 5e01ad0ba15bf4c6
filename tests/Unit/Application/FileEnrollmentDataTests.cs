using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Engine.Application.Enrollment;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class FileEnrollmentDataTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Enrollment", "Fixtures", name);

    [Fact]
    public async Task Files_are_sorted_by_content_and_named_users_found_in_the_report_or_not_found()
    {
        var host = new RecordingRunHost();
        var report = Fixture("registration-details.v1-list.json");
        var policy = Fixture("methods-policy.json");

        var data = await FileEnrollmentData.OpenAsync(new[] { report, policy }, host);
        var lookups = await data.LookupAsync(
            new[] { new EnrollmentTarget(null, "alexw@contoso.com"), new EnrollmentTarget(null, "nobody@contoso.com") },
            live: false,
            CancellationToken.None);

        Assert.Equal(new[] { "Read " + report + " as RegistrationJson.", "Read " + policy + " as MethodsPolicy." }, host.Verbose);
        Assert.Equal("AlexW@Contoso.com", lookups[0].Snapshot!.UserPrincipalName);
        Assert.Equal(MethodsSource.File, lookups[0].Snapshot!.Source);
        Assert.Null(lookups[1].Snapshot);
        Assert.Equal("UserNotFound", lookups[1].Error!.ErrorId);
        Assert.Contains("in the -Path files", lookups[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, data.Requests);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task A_file_of_no_known_shape_is_an_error_and_the_policy_unknown_without_a_policy_file()
    {
        var host = new RecordingRunHost();
        var other = Path.Combine(AppContext.BaseDirectory, "Policies", "Fixtures", "not-json.json");

        var data = await FileEnrollmentData.OpenAsync(new[] { other }, host);
        var (policy, membership) = await data.ReadMethodsPolicyAsync(CancellationToken.None);

        var (failure, target) = Assert.Single(host.Errors);
        Assert.Equal("EnrollmentFileUnreadable", failure.ErrorId);
        Assert.Equal(other, target);
        Assert.StartsWith("No Authentication methods policy among the -Path files", Assert.Single(host.Warnings), StringComparison.Ordinal);
        Assert.False(policy.IsKnown);
        Assert.NotNull(data.MethodsPolicyUnavailableReason);
        Assert.True(membership.IsComplete);
    }

    [Fact]
    public async Task Reading_all_users_gives_every_report_row_once()
    {
        var data = await FileEnrollmentData.OpenAsync(new[] { Fixture("registration-details.v1-list.json") }, new RecordingRunHost());
        var users = new System.Collections.Generic.List<UserMethodsSnapshot>();

        await data.ReadAllAsync(u => { users.Add(u); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Contains(users, u => u.UserPrincipalName == "BiancaP@Contoso.com");
        Assert.Equal(users.Count, users.Select(u => u.UserId).Distinct().Count());
    }
}
