using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Enrollment;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Core.Strength;
using EntraStrongAuth.Engine.Application.Enrollment;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class MfaEnrollmentTesterTests
{
    private const string AlexId = "6f1c3a52-1d7e-4f8a-9b0c-2a3b4c5d6e7f";

    [Fact]
    public async Task A_user_named_twice_is_looked_up_and_answered_once()
    {
        var data = new FakeEnrollmentData(FakeEnrollmentData.User(AlexId, "alex@contoso.com"));
        var host = new RecordingRunHost();
        var tester = new MfaEnrollmentTester(data, new MfaEnrollmentTestOptions(), host);

        await tester.AddUsersAsync(null, new[] { "alex@contoso.com" }, oneUser: false, CancellationToken.None);
        await tester.AddUsersAsync(null, new[] { "ALEX@contoso.com" }, oneUser: false, CancellationToken.None);
        await tester.CompleteAsync(CancellationToken.None);

        var result = Assert.IsType<MfaEnrollmentResult>(Assert.Single(host.Output));
        Assert.Equal(AlexId, result.UserId);
        Assert.Equal(AuthenticationStrength.MultifactorId, result.StrengthId);
        Assert.Single(Assert.Single(data.Batches));
        Assert.Empty(host.Errors);
        Assert.Equal("1 users from the registration report: 1 results, 0 not capable now; excluded: none; 1 requests to Microsoft Graph.", Assert.Single(host.Verbose));
        // The count with its rate (issue 18: progress shows totals and rates).
        Assert.Matches(@"^1 users looked up \([\d.,]+/s\)$", Assert.Single(host.Progress).Status);
    }

    [Fact]
    public async Task Report_lookups_go_fifteen_at_a_time_and_live_ones_twenty()
    {
        var names = Enumerable.Range(1, 21).Select(i => "user" + i + "@contoso.com").ToArray();
        var report = new FakeEnrollmentData();
        var live = new FakeEnrollmentData();

        var fromReport = new MfaEnrollmentTester(report, new MfaEnrollmentTestOptions(), new RecordingRunHost());
        var fromLive = new MfaEnrollmentTester(live, new MfaEnrollmentTestOptions { Live = true }, new RecordingRunHost());
        foreach (var name in names)
        {
            await fromReport.AddUsersAsync(null, new[] { name }, oneUser: false, CancellationToken.None);
            await fromLive.AddUsersAsync(null, new[] { name }, oneUser: false, CancellationToken.None);
        }

        await fromReport.CompleteAsync(CancellationToken.None);
        await fromLive.CompleteAsync(CancellationToken.None);

        Assert.Equal(new[] { 15, 6 }, report.Batches.Select(b => b.Count));
        Assert.Equal(new[] { 20, 1 }, live.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task A_guid_given_as_a_name_is_an_id_and_one_piped_object_names_one_user()
    {
        var data = new FakeEnrollmentData();
        var tester = new MfaEnrollmentTester(data, new MfaEnrollmentTestOptions(), new RecordingRunHost());

        await tester.AddUsersAsync(null, new[] { AlexId }, oneUser: false, CancellationToken.None);
        await tester.AddUsersAsync(new[] { "id-2" }, new[] { "blake@contoso.com" }, oneUser: true, CancellationToken.None);
        await tester.AddUsersAsync(new[] { "id-3" }, new[] { "casey@contoso.com" }, oneUser: false, CancellationToken.None);
        await tester.CompleteAsync(CancellationToken.None);

        var targets = Assert.Single(data.Batches);
        Assert.Equal(
            new[] { (AlexId, (string?)null), ("id-2", "blake@contoso.com"), ("id-3", null), (null, "casey@contoso.com") },
            targets.Select(t => (t.UserId, t.UserPrincipalName)));
    }

    [Fact]
    public async Task With_quiet_a_user_not_found_answers_false_with_an_error_naming_them()
    {
        var data = new FakeEnrollmentData(FakeEnrollmentData.User(AlexId, "alex@contoso.com"));
        var host = new RecordingRunHost();
        var tester = new MfaEnrollmentTester(data, new MfaEnrollmentTestOptions { Quiet = true }, host);

        await tester.AddUsersAsync(null, new[] { "nobody@contoso.com", "alex@contoso.com" }, oneUser: false, CancellationToken.None);
        await tester.CompleteAsync(CancellationToken.None);

        Assert.Equal(new object?[] { false, true }, host.Output);
        var (failure, target) = Assert.Single(host.Errors);
        Assert.Equal("UserNotFound", failure.ErrorId);
        Assert.Equal(Core.Errors.FailureKind.ObjectNotFound, failure.Kind);
        Assert.Equal("nobody@contoso.com", target);
    }

    [Fact]
    public async Task A_named_user_who_is_excluded_still_gets_a_result_that_says_so()
    {
        var data = new FakeEnrollmentData(FakeEnrollmentData.User(AlexId, "breakglass@contoso.com"));
        var host = new RecordingRunHost();
        var options = new MfaEnrollmentTestOptions { ExcludeUserPrincipalNames = new[] { "BREAK*" } };
        var tester = new MfaEnrollmentTester(data, options, host);

        await tester.AddUsersAsync(null, new[] { "breakglass@contoso.com" }, oneUser: false, CancellationToken.None);
        await tester.CompleteAsync(CancellationToken.None);

        var result = Assert.IsType<MfaEnrollmentResult>(Assert.Single(host.Output));
        Assert.Equal(EnrollmentExclusion.BreakGlass, result.ExcludedKind);
        Assert.Contains("excluded: 1 BreakGlass", Assert.Single(host.Verbose), StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_counts_excluded_guests_without_answering_for_them_and_ends_its_progress()
    {
        var data = new FakeEnrollmentData(
            FakeEnrollmentData.User(AlexId, "alex@contoso.com"),
            FakeEnrollmentData.User("guest-1", "pat_fabrikam.com#EXT#@contoso.com", userType: "guest"));
        var host = new RecordingRunHost();
        var tester = new MfaEnrollmentTester(data, new MfaEnrollmentTestOptions { ExcludeGuests = true, FromFiles = true }, host);

        await tester.TestAllAsync(Array.Empty<object>(), CancellationToken.None);

        var result = Assert.IsType<MfaEnrollmentResult>(Assert.Single(host.Output));
        Assert.Equal(AlexId, result.UserId);
        Assert.Equal("2 users from the files: 1 results, 0 not capable now; excluded: 1 Guest; 0 requests to Microsoft Graph.", Assert.Single(host.Verbose));
        var progress = Assert.Single(host.Progress);
        Assert.True(progress.Completed);
        Assert.Equal("Reading the registration report", progress.Status);
    }

    [Fact]
    public async Task All_that_sets_every_user_aside_or_finds_none_says_so_instead_of_ending_silently()
    {
        var guestsOnly = new FakeEnrollmentData(FakeEnrollmentData.User("guest-1", "pat_fabrikam.com#EXT#@contoso.com", userType: "guest"));
        var host = new RecordingRunHost();
        await new MfaEnrollmentTester(guestsOnly, new MfaEnrollmentTestOptions { ExcludeGuests = true, FromFiles = true }, host).TestAllAsync(Array.Empty<object>(), CancellationToken.None);

        Assert.Empty(host.Output);
        var warning = Assert.Single(host.Warnings);
        Assert.StartsWith("No user was tested: all 1 users from the files were set aside (1 Guest).", warning, StringComparison.Ordinal);

        var empty = new RecordingRunHost();
        await new MfaEnrollmentTester(new FakeEnrollmentData(), new MfaEnrollmentTestOptions { FromFiles = true }, empty).TestAllAsync(Array.Empty<object>(), CancellationToken.None);
        Assert.StartsWith("No user was tested: the files held no users.", Assert.Single(empty.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_is_tested_against_the_strength_it_failed()
    {
        var data = new FakeEnrollmentData(FakeEnrollmentData.User(AlexId, "alex@contoso.com"));
        var host = new RecordingRunHost();
        var tester = new MfaEnrollmentTester(data, new MfaEnrollmentTestOptions(), host);
        var failure = TestFailures.Of(new SignInEvent { UserId = AlexId, UserPrincipalName = "alex@contoso.com", ErrorCode = 53003 }, FailureCause.IncompleteEnrollment, "Phishing-resistant MFA");

        await tester.AddFailureAsync(failure, CancellationToken.None);
        await tester.AddFailureAsync(TestFailures.Of(new SignInEvent { ErrorCode = 53003 }, FailureCause.IncompleteEnrollment), CancellationToken.None);
        await tester.CompleteAsync(CancellationToken.None);

        var result = Assert.IsType<MfaEnrollmentResult>(Assert.Single(host.Output));
        Assert.Equal(AuthenticationStrength.PhishingResistantMfaId, result.StrengthId);
        Assert.False(result.IsCapable);
        Assert.Single(Assert.Single(data.Batches));
    }

    [Fact]
    public async Task An_unknown_strength_name_ends_the_run_with_its_error_id()
    {
        var tester = new MfaEnrollmentTester(new FakeEnrollmentData(), new MfaEnrollmentTestOptions(), new RecordingRunHost());

        var error = await Assert.ThrowsAsync<Core.Errors.EntraStrongAuthException>(() => tester.ChooseStrengthsAsync(new object[] { "No such strength" }, CancellationToken.None));

        Assert.Equal("AuthenticationStrengthNotFound", error.ErrorId);
    }
}
