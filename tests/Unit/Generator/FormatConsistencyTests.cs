using System.IO;
using System.Linq;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>Every format must carry the same sign-ins, so readers of all formats can be held to the same findings.</summary>
[Collection(GeneratedTenantGroup.Name)]
public class FormatConsistencyTests
{
    private readonly GeneratedTenant tenant;

    public FormatConsistencyTests(GeneratedTenant tenant) => this.tenant = tenant;

    public static TheoryData<string> Formats() => new(OutputFormat.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Formats))]
    public void Format_carries_the_same_sign_ins_in_the_same_order_as_graph_json(string format)
    {
        var reference = SignInFiles.Read("graph-json", tenant.PathOf("graph-json"));

        var actual = SignInFiles.Read(format, tenant.PathOf(format));

        Assert.Equal(tenant.Summary.SignIns, reference.Count);
        Assert.Equal(reference, actual);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_apostrophe_user_is_written_as_is(string format)
    {
        // Graph does not escape the apostrophe; neither may we, or readers are never tested on it.
        Assert.Contains("liam.o'neil@contoso.com", File.ReadAllText(tenant.PathOf(format)), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_pages_link_to_a_next_page_except_the_last()
    {
        var pages = SignInFiles.Lines(tenant.PathOf("graph-pages")).ToList();

        Assert.All(pages, p => Assert.StartsWith("https://graph.microsoft.com/beta/$metadata#auditLogs/signIns", p.GetProperty("@odata.context").GetString(), System.StringComparison.Ordinal));
        Assert.All(pages.SkipLast(1), p => Assert.True(p.TryGetProperty("@odata.nextLink", out _)));
        Assert.False(pages[^1].TryGetProperty("@odata.nextLink", out _));
        Assert.All(pages, p => Assert.InRange(p.GetProperty("value").GetArrayLength(), 1, 1000));
    }

    [Fact]
    public void Log_analytics_rows_belong_to_the_table_their_interactivity_says()
    {
        var rows = SignInFiles.Array(tenant.PathOf("la-json"));

        Assert.Contains(rows, r => r.GetProperty("Type").GetString() == "SigninLogs");
        Assert.Contains(rows, r => r.GetProperty("Type").GetString() == "AADNonInteractiveUserSignInLogs");
        Assert.All(rows, r => Assert.Equal(r.GetProperty("IsInteractive").GetBoolean(), r.GetProperty("Type").GetString() == "SigninLogs"));
        Assert.All(rows, r => Assert.Equal(System.Text.Json.JsonValueKind.String, r.GetProperty("ResultType").ValueKind));
    }

    [Fact]
    public void Log_analytics_json_columns_are_nested_where_dynamic_and_text_where_string()
    {
        var rows = SignInFiles.Array(tenant.PathOf("la-json"));
        var interactive = rows.First(r => r.GetProperty("Type").GetString() == "SigninLogs");
        var silent = rows.First(r => r.GetProperty("Type").GetString() == "AADNonInteractiveUserSignInLogs");

        Assert.Equal(System.Text.Json.JsonValueKind.Array, interactive.GetProperty("ConditionalAccessPolicies").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, interactive.GetProperty("Status").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.String, interactive.GetProperty("AuthenticationDetails").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.String, silent.GetProperty("ConditionalAccessPolicies").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.String, silent.GetProperty("Status").ValueKind);
    }

    [Fact]
    public void Diagnostic_archive_category_follows_interactivity()
    {
        foreach (var record in SignInFiles.Lines(tenant.PathOf("diag-archive")))
        {
            bool interactive = record.GetProperty("properties").GetProperty("isInteractive").GetBoolean();
            Assert.Equal(interactive ? "SignInLogs" : "NonInteractiveUserSignInLogs", record.GetProperty("category").GetString());
            Assert.Equal("Sign-in activity", record.GetProperty("operationName").GetString());
        }
    }
}
