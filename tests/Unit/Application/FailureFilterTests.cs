using System;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Failures;
using EntraStrongAuth.Engine.Application.Filtering;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class FailureFilterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static StrongAuthFailure Failure(DateTimeOffset at, FailureCause cause) =>
        TestFailures.Of(new SignInEvent { UserPrincipalName = "adele@contoso.com", ErrorCode = 50076, CreatedDateTime = at }, cause);

    [Fact]
    public void Time_and_cause_bound_the_failures_both_ends_included()
    {
        var filter = new FailureFilter(new FailureAnalysisOptions
        {
            Filter = new SignInFilterOptions { Start = T0, End = T0.AddHours(1) },
            Causes = new[] { FailureCause.PolicyStepUp },
        });

        Assert.True(filter.Wants(Failure(T0, FailureCause.PolicyStepUp)));
        Assert.True(filter.Wants(Failure(T0.AddHours(1), FailureCause.PolicyStepUp)));
        Assert.False(filter.Wants(Failure(T0.AddTicks(-1), FailureCause.PolicyStepUp)));
        Assert.False(filter.Wants(Failure(T0.AddHours(1).AddTicks(1), FailureCause.PolicyStepUp)));
        Assert.False(filter.Wants(Failure(T0, FailureCause.IncompleteEnrollment)));
    }

    [Fact]
    public void Accounts_apps_and_exclusions_select_sign_ins_and_count_what_they_set_aside()
    {
        var filter = new FailureFilter(new FailureAnalysisOptions
        {
            Filter = new SignInFilterOptions { AppIds = new[] { "APP-1" }, ExcludeGuests = true },
        });

        Assert.True(filter.Selects(new SignInEvent { UserPrincipalName = "adele@contoso.com", AppId = "app-1" }));
        Assert.False(filter.Selects(new SignInEvent { UserPrincipalName = "adele@contoso.com", AppId = "app-2" }));
        Assert.False(filter.Selects(new SignInEvent { UserPrincipalName = "guest@fabrikam.com", AppId = "app-1", UserType = "Guest", ErrorCode = 50076 }));
        Assert.Equal((1L, 1L), (filter.Exclusions.SignIns, filter.Exclusions.Failures));
    }
}
