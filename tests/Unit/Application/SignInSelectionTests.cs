using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Filtering;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class SignInSelectionTests
{
    [Fact]
    public void Names_apps_and_exclusions_select_and_only_a_selected_read_counts_an_exclusion()
    {
        var selection = new SignInSelection(["svc-*"], ["04B07795-8DDB-461A-BBEE-02F9E1BF7B46"], ["svc-old*"], excludeGuests: false);
        var cli = new SignInEvent { UserPrincipalName = " SVC-build@contoso.com ", AppId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46" };
        var otherApp = new SignInEvent { UserPrincipalName = "svc-build@contoso.com", AppId = "1950a258-227b-4e31-a9cf-717495945fc2" };
        var person = new SignInEvent { UserPrincipalName = "adele@contoso.com", AppId = cli.AppId };
        var retired = new SignInEvent { UserPrincipalName = "svc-old@contoso.com", AppId = cli.AppId, ErrorCode = 50076 };

        Assert.True(selection.Selects(cli));
        Assert.False(selection.Selects(otherApp));
        Assert.False(selection.Selects(person));
        Assert.True(selection.WantsAccount(otherApp));
        Assert.False(selection.WantsAccount(retired));
        Assert.Equal(0, selection.Exclusions.SignIns);
        Assert.False(selection.Selects(retired));
        Assert.Equal((1L, 1L), (selection.Exclusions.SignIns, selection.Exclusions.Failures));
    }
}
