using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application.Retrieval;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns.Hostile;

/// <summary>
/// Control characters from the input (ESC, BEL in a ZIP entry name, a user agent, a bad cell) never reach the
/// terminal raw: every message is escaped where it leaves for the host.
/// </summary>
public class MessageEscapingTests
{
    [Theory]
    [InlineData("a\u001B[31mred\u0007", "a\\u001B[31mred\\u0007")]
    [InlineData("csi \u009B2J del \u007F", "csi \\u009B2J del \\u007F")]
    [InlineData("cr\roverwrite", "cr\\u000Doverwrite")]
    [InlineData("bidi \u202Eevil\u2066", "bidi \\u202Eevil\\u2066")]
    [InlineData("two\nlines\tand a tab", "two\nlines\tand a tab")]
    public void Escape_makes_control_characters_visible(string text, string expected)
    {
        Assert.Equal(expected, MessageText.Escape(text));
    }

    [Fact]
    public void Plain_text_is_returned_as_is()
    {
        var text = "nothing to escape: ü, 日本, emoji 😀";

        Assert.Same(text, MessageText.Escape(text));
    }

    [Fact]
    public void Every_error_message_and_recommended_action_is_escaped()
    {
        var failure = new EntraStrongAuthException(ErrorIds.SignInRecordInvalid, FailureKind.InvalidData, "entry \u001B]0;pwned\u0007", "see \u001B[2J");

        Assert.Equal("entry \\u001B]0;pwned\\u0007", failure.Message);
        Assert.Equal("see \\u001B[2J", failure.RecommendedAction);
    }

    [Fact]
    public void A_bad_cell_with_escape_sequences_becomes_an_escaped_single_line_error()
    {
        var text = "TimeGenerated,ResultType,UserPrincipalName,Id\r\n\"\u001B[2J\u0007\nnot a time\",50076,u@contoso.com,a\r\n";

        var problem = Assert.Single(ReadText(text, "la.csv").Problems());
        var message = SignInProblemErrors.ToException(problem).Message;

        Assert.DoesNotContain('\u001B', message);
        Assert.DoesNotContain('\u0007', message);
        Assert.Contains("\"\\u001B[2J\\u0007\\u000Anot a time\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_entry_name_with_escape_sequences_is_escaped_in_its_error()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("evil\u001B]0;title\u0007.json").Open());
            entry.Write("not json at all");
        }

        using var file = Temp("download.zip", zip.ToArray());
        var problems = EntraStrongAuth.Engine.SignIns.SignInLogReader.ReadFile(file.FullName, Core.SignIns.SignInLogFormat.Auto, default).Problems();

        var message = SignInProblemErrors.ToException(Assert.Single(problems)).Message;
        Assert.Contains("evil\\u001B]0;title\\u0007.json", message, StringComparison.Ordinal);
        Assert.False(message.Any(c => c < ' ' && c != '\n'), message);
    }
}
