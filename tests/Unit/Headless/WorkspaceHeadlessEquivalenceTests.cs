using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Core.Workspace.Headless;
using EntraStrongAuth.Engine.Application.Headless;
using EntraStrongAuth.Engine.SignIns;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using EntraStrongAuth.Tests.Application;
using Xunit;
using Xunit.Abstractions;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>
/// Scoring from a workspace's groups and run starts (<see cref="WorkspaceHeadlessSource"/> over
/// <see cref="HeadlessKqlModel"/>) gives the findings that scoring every sign-in gives: same accounts, scores, every
/// evidence line, recommendation, counts and addresses, per account and per account + app, on generated tenants of
/// several seeds. The reference adds the sign-ins in time order: past 16 distinct values a top-k table keeps the
/// first 16 to arrive, and time order is the order the groups reproduce.
/// </summary>
public sealed class WorkspaceHeadlessEquivalenceTests : IDisposable
{
    private const int Users = 80;
    private const int Days = 14;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "esa-headless-ws-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public WorkspaceHeadlessEquivalenceTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(20261201)]
    [InlineData(314159)]
    public async Task Findings_from_the_workspace_groups_equal_scoring_every_sign_in(int seed)
    {
        var signIns = Generate(seed);
        var expected = Describe(Reference(signIns));
        var model = new HeadlessKqlModel(signIns);
        var actual = Describe(await FromWorkspace(model, signIns));

        Assert.Equal(expected, actual);
        Assert.Equal(expected, Describe(await FromWorkspace(new HeadlessKqlModel(signIns) { Reversed = true }, signIns)));
        Assert.Contains(expected, f => f.Contains("\nCadence ", StringComparison.Ordinal));
        Assert.Contains(expected, f => f.Contains("\nInteractiveMfa ", StringComparison.Ordinal));
        _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "seed {0}: {1:N0} sign-ins, {2} findings (per account and per account + app) equal; {3:N0} rows, {4:N0} bytes back", seed, signIns.Count, expected.Count, model.RowsReturned, model.BytesReturned));
    }

    [Fact]
    public async Task A_result_cut_at_the_cap_is_read_again_in_slices_of_the_accounts_with_the_same_findings()
    {
        var signIns = Generate(7);
        var whole = new HeadlessKqlModel(signIns);
        var expected = Describe(await FromWorkspace(whole, signIns));
        var groups = (int)whole.RowsReturned;
        var capped = new HeadlessKqlModel(signIns) { RowCap = groups / 5 };
        var host = new RecordingRunHost();

        var actual = Describe(await FromWorkspace(capped, signIns, host));

        Assert.Equal(expected, actual);
        Assert.DoesNotContain("hash(", capped.Queries[0], StringComparison.Ordinal);
        Assert.Contains(capped.Queries, q => q.Contains("| where hash(Account, 2) == 1", StringComparison.Ordinal));
        Assert.Contains(host.Verbose, v => v.Contains("reading it again in 2 slices", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_result_still_cut_in_the_most_slices_is_an_error_not_a_partial_answer()
    {
        var signIns = HeadlessSignIns.Every(TimeSpan.FromMinutes(5), 10).Select(t => HeadlessSignIns.Script(t)).ToList();
        var model = new HeadlessKqlModel(signIns) { RowCap = 0 };
        var scorer = new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = 0 });
        var source = new WorkspaceHeadlessSource(model, new RecordingRunHost());

        var failure = await Assert.ThrowsAsync<EntraStrongAuth.Core.Errors.EntraStrongAuthException>(
            () => source.ReadAsync(Scope(signIns), (_, _) => true, scorer, CancellationToken.None));

        Assert.Contains("256 slices", failure.Message, StringComparison.Ordinal);
        Assert.Empty(scorer.Findings());
    }

    [Fact]
    public async Task The_workspace_returns_rows_per_group_not_per_sign_in_and_at_least_100_times_fewer_bytes()
    {
        var signIns = Generate(20261201);
        var model = new HeadlessKqlModel(signIns);
        await FromWorkspace(model, signIns);
        var file = new FileInfo(Path.Combine(_folder, OutputFormat.Named("la-json").FileName)).Length;

        // The leanest per-sign-in pull: only the columns the groups query reads, one row per sign-in.
        var lean = JsonSerializer.Serialize(signIns.Select(e => new object?[] { e.CreatedDateTime }.Concat(HeadlessKqlModel.GroupKey(e)).ToArray())).Length;
        _output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0:N0} sign-ins ({1:N0} bytes as Log Analytics rows, {2:N0} as the lean projection) came back as {3:N0} rows of {4:N0} bytes: {5:N0}x fewer rows, {6:N0}x / {7:N1}x fewer bytes",
            signIns.Count,
            file,
            lean,
            model.RowsReturned,
            model.BytesReturned,
            (double)signIns.Count / model.RowsReturned,
            (double)file / model.BytesReturned,
            (double)lean / model.BytesReturned));
        _output.WriteLine(string.Join(", ", model.BytesByQuery.Select(p => p.Key + " " + p.Value.ToString("N0", CultureInfo.InvariantCulture) + " bytes")));
        Assert.True(model.RowsReturned * 10 < signIns.Count, model.RowsReturned + " rows for " + signIns.Count + " sign-ins");
        Assert.True(model.BytesReturned * 100 <= file, model.BytesReturned + " bytes back for " + file + " bytes of sign-ins");
    }

    /// <summary>A finding as text: every field a reader sees, evidence and recommendation included.</summary>
    internal static List<string> Describe(IEnumerable<HeadlessFinding> findings) =>
        findings.Select(f => string.Join(
            "\n",
            new object?[]
            {
                f.User, f.UserPrincipalName, f.UserId, f.AppId, f.AppDisplayName, f.Score, f.SignIns, f.InteractiveSignIns, f.NonInteractiveSignIns,
                f.StrongAuthFailures, f.FirstSeen.ToString("O", CultureInfo.InvariantCulture), f.LastSeen.ToString("O", CultureInfo.InvariantCulture),
                string.Join(",", f.IpAddresses), f.Recommendation.Kind, f.Recommendation.Reason, string.Join(",", f.Recommendation.Resources),
                string.Join(",", f.Recommendation.Apps), string.Join("|", f.Recommendation.Steps),
            }.Concat(f.Evidence.Select(e => e.Signal + " " + e.Points + " " + e.Detail))))
        .ToList();

    private static HeadlessScoringOptions Options() => new() { MinimumScore = 0, PerApp = true };

    private static HeadlessKqlScope Scope(IReadOnlyList<SignInEvent> signIns) =>
        new(signIns.Min(e => e.CreatedDateTime), signIns.Max(e => e.CreatedDateTime).AddSeconds(1));

    private static IReadOnlyList<HeadlessFinding> Reference(IEnumerable<SignInEvent> signIns)
    {
        var scorer = new HeadlessScorer(Options());
        foreach (var e in signIns.OrderBy(e => e.CreatedDateTime))
        {
            scorer.Add(e);
        }

        return scorer.Findings();
    }

    private static async Task<IReadOnlyList<HeadlessFinding>> FromWorkspace(HeadlessKqlModel model, IReadOnlyList<SignInEvent> signIns, RecordingRunHost? host = null)
    {
        var scorer = new HeadlessScorer(Options());
        await new WorkspaceHeadlessSource(model, host ?? new RecordingRunHost()).ReadAsync(Scope(signIns), (_, _) => true, scorer, CancellationToken.None);
        Assert.Equal(signIns.Count, scorer.SignIns);
        return scorer.Findings();
    }

    /// <summary>The --headless deck as Log Analytics rows, read as the file path reads them.</summary>
    private List<SignInEvent> Generate(int seed)
    {
        var options = new GeneratorOptions { Seed = seed, Users = Users, Days = Days, Headless = true, OutputDirectory = _folder, Formats = new[] { OutputFormat.Named("la-json") } };
        GeneratorRun.Run(options);
        var signIns = new List<SignInEvent>();
        foreach (var item in SignInLogReader.ReadFile(Path.Combine(_folder, OutputFormat.Named("la-json").FileName), SignInLogFormat.Auto, CancellationToken.None))
        {
            Assert.Null(item.Problem);
            signIns.Add(item.SignIn!);
        }

        return signIns;
    }
}
