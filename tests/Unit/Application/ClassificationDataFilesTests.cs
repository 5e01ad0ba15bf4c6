using System;
using System.IO;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Application.Failures;
using Xunit;

namespace EntraStrongAuth.Tests.Application;

public class ClassificationDataFilesTests
{
    [Fact]
    public async Task No_file_gives_the_built_in_tables_and_says_so()
    {
        var host = new RecordingRunHost();

        var classifier = await ClassificationDataFiles.ClassifierAsync(Array.Empty<string>(), host);

        Assert.NotNull(classifier);
        Assert.Equal(
            "Classification data: " + ClassificationData.BuiltIn.AutomationApps.Count + " automation apps, " + ClassificationData.BuiltIn.ScriptingUserAgents.Count + " user-agent patterns, rules from " + ClassificationData.BuiltIn.Rules.Source + ".",
            Assert.Single(host.Verbose));
    }

    [Fact]
    public async Task A_file_that_is_not_json_ends_the_command_with_classification_data_invalid()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
        await File.WriteAllTextAsync(file, "not json");
        try
        {
            var error = await Assert.ThrowsAsync<EntraStrongAuthException>(() => ClassificationDataFiles.ClassifierAsync(new[] { file }, new RecordingRunHost()));

            Assert.Equal(ClassificationDataFiles.InvalidErrorId, error.ErrorId);
            Assert.Equal(FailureKind.InvalidData, error.Kind);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
