using System.Linq;
using System.Threading.Tasks;
using EntraStrongAuth.Engine.Application.Policies;
using EntraStrongAuth.Engine.Policies;
using EntraStrongAuth.Tests.Application;
using EntraStrongAuth.Tests.Policies;
using Xunit;

namespace EntraStrongAuth.Tests.Names;

/// <summary>Offline names: saved directory objects beside the policies, built-in roles and first-party apps; the ids stay.</summary>
public sealed class OfflinePolicyNamesTests
{
    [Fact]
    public void A_saved_getByIds_answer_is_read_as_names_not_as_unrecognized_records()
    {
        var content = PolicyFileReader.Read(PolicyParserTests.Fixture("directory-objects.getbyids.json"));

        Assert.Empty(content.Problems);
        Assert.Empty(content.Policies);
        Assert.Equal("Emergency access accounts", content.Names.ObjectName("8d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a"));
        Assert.Equal("Finance approvers", content.Names.ObjectName("1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d"));
        Assert.Equal("Contoso Finance", content.Names.AppName("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"));
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName)", true)]
    [InlineData("https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleDefinitions(id,displayName)", true)]
    [InlineData("https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies", false)]
    [InlineData(null, false)]
    public void A_selected_page_is_known_by_its_odata_context(string? context, bool named)
    {
        // GET /groups?$select=id,displayName: no property tells a group from a user but the page's context.
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "esa-selected-" + System.Guid.NewGuid().ToString("N") + ".json");
        var contextProperty = context is null ? string.Empty : "\"@odata.context\": \"" + context + "\", ";
        System.IO.File.WriteAllText(file, "{" + contextProperty + "\"value\": [ { \"id\": \"8d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a\", \"displayName\": \"Emergency access accounts\" } ] }");
        try
        {
            var content = PolicyFileReader.Read(file);

            Assert.Equal(named, content.Problems.Count == 0);
            var name = context is not null && context.Contains("roleDefinitions", System.StringComparison.Ordinal)
                ? content.Names.RoleName("8d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a")
                : content.Names.ObjectName("8d1e2f3a-4b5c-6d7e-8f9a-0b1c2d3e4f5a");
            Assert.Equal(named ? "Emergency access accounts" : null, name);
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }

    [Fact]
    public async Task Policies_read_with_the_directory_file_show_names_beside_their_ids()
    {
        var host = new RecordingRunHost();
        var (policies, _) = await PolicyReading.ReadFilesAsync(host, new[]
        {
            PolicyParserTests.Fixture("ca-policies.beta.json"),
            PolicyParserTests.Fixture("directory-objects.getbyids.json"),
        });

        var ca001 = policies.Single(p => p.DisplayName.StartsWith("CA001", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "5f2c8e1a-0b3d-4e6f-9a7c-1d2e3f4a5b6c" }, ca001.ExcludeUsers);
        Assert.Equal(new[] { "Break Glass 1" }, ca001.ExcludeUserNames);
        Assert.Equal(new[] { "All" }, ca001.IncludeUserNames);
        Assert.Equal(new[] { "Emergency access accounts" }, ca001.ExcludeGroupNames);

        var ca002 = policies.Single(p => p.DisplayName.StartsWith("CA002", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "Global Administrator", "Privileged Role Administrator" }, ca002.IncludeRoleNames);

        var ca004 = policies.Single(p => p.DisplayName.StartsWith("CA004", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "Contoso Finance" }, ca004.IncludeApplicationNames);
        Assert.Equal(new[] { "Finance team", "Finance approvers" }, ca004.IncludeGroupNames);

        // First-party apps are named from the shipped table even without a directory file.
        var ca006 = policies.Single(p => p.DisplayName.StartsWith("CA006", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "Office 365 Exchange Online", "Office 365 SharePoint Online" }, ca006.ExcludeApplicationNames);
    }
}
