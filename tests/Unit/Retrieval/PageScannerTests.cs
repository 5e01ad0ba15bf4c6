using System.Text;
using EntraStrongAuth.Engine.Retrieval;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

public class PageScannerTests
{
    [Fact]
    public void A_complete_page_gives_its_next_link()
    {
        var body = """{"@odata.context":"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns","value":[{"id":"1","status":{"errorCode":0}}],"@odata.nextLink":"https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=abc"}""";

        Assert.True(PageScanner.TryScan(Encoding.UTF8.GetBytes(body), out var next));
        Assert.Equal("https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=abc", next);
    }

    [Fact]
    public void The_last_page_has_no_link()
    {
        Assert.True(PageScanner.TryScan(Encoding.UTF8.GetBytes("""{"value":[]}"""), out var next));
        Assert.Null(next);
    }

    [Theory]
    [InlineData("""{"value":[{"id":"1"},{"id":""")]
    [InlineData("""{"value":[{"id":"1"}]""")]
    [InlineData("")]
    [InlineData("""{"error":{"code":"x"}}""")]
    [InlineData("""{"value":{}}""")]
    [InlineData("""{"value":[]} trailing""")]
    public void A_cut_or_wrong_body_is_not_a_page(string body)
    {
        Assert.False(PageScanner.TryScan(Encoding.UTF8.GetBytes(body), out _));
    }
}
