using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class SignInPullTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Names_are_read_once_each_in_batches_over_the_last_day_by_default()
    {
        var names = Enumerable.Range(1, 16).Select(i => "user" + i + "@contoso.com").Append("USER1@contoso.com").ToArray();
        var reader = new FakeSignInQueryReader(new SignInEvent { UserPrincipalName = "user2@contoso.com", CreatedDateTime = Now.AddHours(-2) });
        var host = new RecordingRunHost();

        await new SignInPull(new SignInPullOptions { UserPrincipalNames = names }, host, Now).ReadAsync(reader, CancellationToken.None);

        Assert.Equal(new[] { 15, 1 }, reader.Queries.Select(q => q.UserPrincipalNames.Count));
        Assert.All(reader.Queries, q => Assert.Equal((Now.AddDays(-1), Now), (q.Start, q.End)));
        Assert.Equal("user2@contoso.com", Assert.IsType<SignInEvent>(Assert.Single(host.Output)).UserPrincipalName);
    }

    [Fact]
    public async Task First_stops_after_enough_sign_ins_and_asks_each_query_for_what_is_left()
    {
        var signIns = Enumerable.Range(1, 20).Select(i => new SignInEvent { UserPrincipalName = "user" + i + "@contoso.com", CreatedDateTime = Now.AddMinutes(-i) }).ToArray();
        var reader = new FakeSignInQueryReader(signIns);
        var names = signIns.Select(s => s.UserPrincipalName!).ToArray();

        await new SignInPull(new SignInPullOptions { UserPrincipalNames = names, First = 10 }, new RecordingRunHost(), Now).ReadAsync(reader, CancellationToken.None);

        var query = Assert.Single(reader.Queries);
        Assert.Equal(10, query.First);
    }

    [Fact]
    public void An_end_not_after_the_start_is_refused_with_its_id()
    {
        var error = Assert.Throws<EntraStrongAuthException>(() => new SignInPull(new SignInPullOptions { Start = Now, End = Now }, new RecordingRunHost(), Now));

        Assert.Equal("InvalidTimeRange", error.ErrorId);
    }
    [Fact]
    public void A_filter_that_closes_more_than_it_opens_is_refused_before_any_query()
    {
        var options = new SignInPullOptions { RawFilter = "userPrincipalName eq 'nobody@x.com') or (userPrincipalName eq 'o''neil@x.com'" };

        var error = Assert.Throws<EntraStrongAuthException>(() => new SignInPull(options, new RecordingRunHost(), Now));

        Assert.Equal("InvalidFilter", error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Contains("position 36", error.Message, StringComparison.Ordinal);
    }
}
