using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EntraStrongAuth.Core.Headless;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using Xunit;

namespace EntraStrongAuth.Tests.Headless;

/// <summary>
/// The same sign-ins in every export format admins have must flag the same accounts: a signal whose field one reader
/// leaves empty (authenticationProtocol, originalTransferMethod, autonomousSystemNumber …) would quietly weaken
/// Find-HeadlessUserSignIn for that format only.
/// </summary>
public sealed class HeadlessFormatParityTests : IClassFixture<HeadlessFormatParityTests.Tenant>
{
    private readonly Tenant _tenant;

    public HeadlessFormatParityTests(Tenant tenant)
    {
        _tenant = tenant;
    }

    public static TheoryData<string> Formats()
    {
        var data = new TheoryData<string>();
        foreach (var format in OutputFormat.All.Where(f => f.Name != "graph-json"))
        {
            data.Add(format.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_flags_the_same_accounts_with_the_same_signals_as_graph_json(string format)
    {
        var (reference, _) = _tenant.Scores("graph-json");
        var (other, interactivityKnown) = _tenant.Scores(format);

        var flagged = reference.Where(r => r.Value.Score >= 50).Select(r => r.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var otherFlagged = other.Where(r => r.Value.Score >= 50).Select(r => r.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(flagged);
        Assert.Equal(flagged, otherFlagged);
        foreach (var user in flagged)
        {
            // A file that does not say which sign-ins were interactive (an admin-center CSV under a neutral name: only
            // the download's file name tells its tabs apart) must not claim "no interactive sign-in"; all else agrees.
            var expected = reference[user].Evidence.Where(e => interactivityKnown || e.Signal != HeadlessSignalKeys.NoInteractive);
            Assert.Equal(Signals(expected), Signals(other[user].Evidence));
        }
    }

    private static string Signals(IEnumerable<HeadlessEvidence> evidence) => string.Join(", ", evidence.Select(e => e.Signal).OrderBy(s => s, StringComparer.Ordinal));

    /// <summary>One generated tenant in every format, shared by the theory's cases.</summary>
    public sealed class Tenant : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "esa-headless-formats-" + Guid.NewGuid().ToString("N"));

        public Tenant()
        {
            GeneratorRun.Run(new GeneratorOptions { Seed = 20261202, Users = 90, Days = 7, Headless = true, OutputDirectory = _folder, Formats = OutputFormat.All });
        }

        /// <summary>Every account's finding, and whether the file said which sign-ins were interactive.</summary>
        public (Dictionary<string, HeadlessFinding> Findings, bool InteractivityKnown) Scores(string format)
        {
            var scorer = new HeadlessScorer(new HeadlessScoringOptions { MinimumScore = 0 });
            var known = false;
            foreach (var item in SignInLogReader.ReadFile(Path.Combine(_folder, OutputFormat.Named(format).FileName), SignInLogFormat.Auto, CancellationToken.None))
            {
                Assert.Null(item.Problem);
                known |= item.SignIn!.IsInteractive.HasValue || item.SignIn.SignInEventTypes.Count > 0;
                scorer.Add(item.SignIn);
            }

            return (scorer.Findings().ToDictionary(f => f.User, StringComparer.OrdinalIgnoreCase), known);
        }

        public void Dispose()
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
