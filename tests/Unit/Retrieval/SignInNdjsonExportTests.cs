using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Engine.Retrieval;
using EntraStrongAuth.GraphSimulator;
using Xunit;

namespace EntraStrongAuth.Tests.Retrieval;

public class SignInNdjsonExportTests
{
    private static string[] IdsIn(string path) =>
        File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!).ToArray();

    private static Task<Core.Retrieval.SignInExportResult> ExportAsync(SimulatedGraph graph, Core.Retrieval.SignInQuery? query, string path, bool resume, bool overwrite = false) =>
        SignInNdjsonExport.RunAsync(
            new SignInRetriever(graph.Connection, SimulatedGraph.FastRetries()),
            query,
            path,
            resume,
            overwrite,
            problem => throw new InvalidOperationException(problem.ToString()),
            new RetrievalEvents(),
            CancellationToken.None);

    [Fact]
    public async Task An_interrupted_pull_resumes_to_exactly_the_tenants_records()
    {
        await using var graph = await SimulatedGraph.StartAsync();
        var query = graph.WholeRange();
        var truth = graph.Truth(query).Select(s => s.Id).OrderBy(i => i, StringComparer.Ordinal).ToArray();
        var path = Path.Combine(Path.GetTempPath(), "esa-export-" + Guid.NewGuid().ToString("N") + ".ndjson");
        try
        {
            // The token is revoked after a few pages: the run fails with guidance and leaves a checkpoint.
            graph.Host.Faults.OnNth(7, FaultKind.Unauthorized, r => r.IsSignIns);
            var failure = await Assert.ThrowsAsync<EntraStrongAuthException>(() => ExportAsync(graph, query, path, resume: false));
            Assert.Equal("GraphUnauthorized", failure.ErrorId);
            var before = IdsIn(path);
            Assert.NotEmpty(before);
            Assert.True(before.Length < truth.Length);
            Assert.True(File.Exists(path + ".checkpoint.json"));

            // A crash between writing records and saving the checkpoint leaves lines the checkpoint does not cover.
            File.AppendAllText(path, "{\"id\":\"written-after-the-checkpoint\"}\n");

            var result = await ExportAsync(graph, null, path, resume: true);

            Assert.Equal(truth, IdsIn(path).OrderBy(i => i, StringComparer.Ordinal).ToArray());
            Assert.Equal(truth.Length, result.Records);
            Assert.True(result.Resumed);
            Assert.False(File.Exists(path + ".checkpoint.json"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".checkpoint.json");
        }
    }

    [Fact]
    public async Task An_existing_file_is_not_replaced_without_force_and_a_finished_pull_cannot_be_resumed()
    {
        await using var graph = await SimulatedGraph.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), "esa-export-" + Guid.NewGuid().ToString("N") + ".ndjson");
        File.WriteAllText(path, "keep me\n");
        try
        {
            var exists = await Assert.ThrowsAsync<EntraStrongAuthException>(() => ExportAsync(graph, graph.WholeRange(), path, resume: false));
            var nothing = await Assert.ThrowsAsync<EntraStrongAuthException>(() => ExportAsync(graph, null, path, resume: true));
            var replaced = await ExportAsync(graph, graph.WholeRange(), path, resume: false, overwrite: true);

            Assert.Equal("OutFileExists", exists.ErrorId);
            Assert.Equal("NothingToResume", nothing.ErrorId);
            Assert.Equal(graph.Truth(graph.WholeRange()).Count, IdsIn(path).Length);
            Assert.Equal(IdsIn(path).Length, replaced.Records);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
