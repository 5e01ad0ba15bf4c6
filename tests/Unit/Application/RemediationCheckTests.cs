using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Remediation;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Remediation;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class RemediationCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Fixed = Now.AddDays(-3);

    [Fact]
    public async Task Users_times_apps_are_the_subjects_and_each_gets_a_result()
    {
        var host = new RecordingRunHost();
        var options = new RemediationCheckOptions(Fixed) { UserPrincipalNames = new[] { "adele@contoso.com", "bob@contoso.com" }, AppIds = new[] { "app-1" } };
        var check = new RemediationCheck(options, host, Now);
        check.AddSubject(new RemediationSubject("adele@contoso.com", null, "app-1"));

        await check.StartAsync();
        await check.ObserveAsync(new SignInEvent { UserPrincipalName = "adele@contoso.com", AppId = "app-1", ErrorCode = 50076, CreatedDateTime = Fixed.AddDays(-1) });
        await check.CompleteAsync();

        Assert.Equal("Before: 2026-11-21 00:00:00Z to 2026-11-28 00:00:00Z; after: to 2026-12-01 00:00:00Z; 2 subjects.", host.Verbose[0]);
        Assert.Equal(2, host.Output.Count);
        Assert.All(host.Output, o => Assert.IsType<RemediationResult>(o));
        Assert.StartsWith("1 sign-ins of the subjects counted; ", host.Verbose[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_answers_once_and_no_subject_is_an_error()
    {
        var quiet = new RecordingRunHost();
        var check = new RemediationCheck(new RemediationCheckOptions(Fixed) { AppIds = new[] { "app-1" }, Quiet = true }, quiet, Now);
        await check.StartAsync();
        await check.CompleteAsync();
        Assert.Equal(new object?[] { false }, quiet.Output);

        var none = new RemediationCheck(new RemediationCheckOptions(Fixed), new RecordingRunHost(), Now);
        var error = await Assert.ThrowsAsync<EntraStrongAuthException>(none.StartAsync);
        Assert.Equal("NoRemediationSubject", error.ErrorId);
    }

    [Fact]
    public void Windows_out_of_order_or_a_fix_in_the_future_are_refused_with_their_ids()
    {
        EntraStrongAuthException Refused(RemediationCheckOptions options) =>
            Assert.Throws<EntraStrongAuthException>(() => new RemediationCheck(options, new RecordingRunHost(), Now));

        Assert.Equal("FixedAtInFuture", Refused(new RemediationCheckOptions(Now.AddHours(1))).ErrorId);
        Assert.Equal("InvalidRemediationWindow", Refused(new RemediationCheckOptions(Fixed) { Window = TimeSpan.Zero }).ErrorId);
        Assert.Equal("InvalidRemediationWindow", Refused(new RemediationCheckOptions(Fixed) { AfterEnd = Fixed.AddDays(-1) }).ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, Refused(new RemediationCheckOptions(Fixed) { BeforeStart = Fixed }).Kind);
    }
}
