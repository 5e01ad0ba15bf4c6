using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Remediation;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Remediation;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class LiveRemediationSourceTests
{
    private static readonly DateTimeOffset Fixed = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Users_are_read_over_both_windows_and_workloads_after_the_fix_once_each()
    {
        var options = new RemediationOptions(Fixed.AddDays(-7), Fixed, Fixed.AddDays(7));
        var workload = new SignInEvent { Id = "w1", ServicePrincipalId = "sp-1", AppId = "app-1", CreatedDateTime = Fixed.AddDays(1) };
        var reader = new FakeSignInQueryReader(
            new SignInEvent { Id = "u1", UserPrincipalName = "adele@contoso.com", CreatedDateTime = Fixed.AddDays(-1) },
            workload);
        var subjects = new[]
        {
            new RemediationSubject("adele@contoso.com", null, null),
            new RemediationSubject(null, null, "app-1", "sp-1"),
        };
        var seen = new List<string?>();

        await new LiveRemediationSource(reader).ReadAsync(subjects, options, s => { seen.Add(s.Id); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(new[] { "u1", "w1" }, seen);
        var userQuery = reader.Queries[0];
        Assert.Equal(new[] { "adele@contoso.com" }, userQuery.UserPrincipalNames);
        Assert.Equal((Fixed.AddDays(-7), Fixed.AddDays(7)), (userQuery.Start, userQuery.End));
        Assert.All(reader.Queries.Where(q => q.ServicePrincipalIds.Count > 0), q => Assert.Equal(Fixed, q.Start));
        Assert.Contains(reader.Queries, q => q.ServicePrincipalIds.SequenceEqual(new[] { "sp-1" }));
    }
}
