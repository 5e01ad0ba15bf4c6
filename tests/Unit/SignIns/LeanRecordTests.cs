using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using EntraStrongAuth.Tests.Classification;
using Xunit;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>
/// The lean read Get-StrongAuthFailure uses (only the failures it classifies read whole): it must find exactly what
/// reading every record whole finds, in every format the generator writes.
/// </summary>
public sealed class LeanRecordTests : IDisposable
{
    private static readonly string[] Formats = { "graph-json", "graph-pages", "admin-csv", "la-json", "la-csv", "diag-archive" };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "esa-lean-" + Guid.NewGuid().ToString("N"));
    private readonly GeneratorOptions _options;

    public LeanRecordTests()
    {
        _options = new GeneratorOptions { Seed = 20261130, Users = 40, Days = 5, OutputDirectory = _folder, Formats = Formats.Select(OutputFormat.Named).ToArray() };
        GeneratorRun.Run(_options);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Lean_read_finds_the_same_failures_as_a_whole_read_in_every_format()
    {
        foreach (var format in Formats)
        {
            var file = Path.Combine(_folder, OutputFormat.Named(format).FileName);
            var whole = Analyze(file, lean: false);
            var lean = Analyze(file, lean: true);

            Assert.True(whole.Count > 50, format + ": " + whole.Count + " failures");
            Assert.Equal(whole, lean);
        }
    }

    [Fact]
    public void Only_the_classified_failures_are_read_whole()
    {
        var file = Path.Combine(_folder, OutputFormat.Named("graph-json").FileName);
        var codes = new StrongAuthAnalyzer().ErrorCodes;
        var signIns = SignInLogReader.ReadFile(file, SignInLogFormat.Auto, codes, CancellationToken.None).SignIns();
        var whole = SignInLogReader.ReadFile(file, SignInLogFormat.Auto, CancellationToken.None).SignIns().ToDictionary(s => s.Id!, StringComparer.Ordinal);

        var classified = signIns.Where(s => codes.Contains(s.ErrorCode)).ToList();
        var lean = signIns.Where(s => !codes.Contains(s.ErrorCode)).ToList();
        Assert.NotEmpty(classified);
        Assert.NotEmpty(lean);
        Assert.All(classified, s => Assert.Equal(whole[s.Id!].UserAgent, s.UserAgent));
        Assert.All(classified, s => Assert.Equal(whole[s.Id!].AppliedConditionalAccessPolicies.Count, s.AppliedConditionalAccessPolicies.Count));
        Assert.All(lean, s =>
        {
            var full = whole[s.Id!];
            Assert.Equal((full.CreatedDateTime, full.ErrorCode, full.CorrelationId, full.OriginalRequestId, full.SessionId), (s.CreatedDateTime, s.ErrorCode, s.CorrelationId, s.OriginalRequestId, s.SessionId));
            Assert.Equal((full.UserId, full.UserPrincipalName, full.AppId, full.AuthenticationRequirement, full.AdditionalDetails), (s.UserId, s.UserPrincipalName, s.AppId, s.AuthenticationRequirement, s.AdditionalDetails));
            Assert.Equal(full.AuthenticationDetails.Count, s.AuthenticationDetails.Count);
            Assert.Null(s.UserAgent);
            Assert.Empty(s.AppliedConditionalAccessPolicies);
        });
    }

    [Fact]
    public void A_lean_record_reports_no_problem_in_a_field_it_skips()
    {
        const string Record = "{\"id\":\"ID\",\"createdDateTime\":\"2026-03-02T09:00:00Z\",\"status\":{\"errorCode\":CODE},\"isInteractive\":\"maybe\"}";
        var text = "[" + Record.Replace("ID", "a").Replace("CODE", "0") + "," + Record.Replace("ID", "b").Replace("CODE", "50076") + "]";
        using var file = SignInFixtures.Temp("lean.json", text);

        var items = SignInLogReader.ReadFile(file.FullName, SignInLogFormat.Auto, new[] { 50076 }, CancellationToken.None).ToList();

        Assert.Equal(2, items.SignIns().Count);
        Assert.Equal("isInteractive", Assert.Single(items.Problems()).Field);
    }

    private List<string> Analyze(string file, bool lean)
    {
        var analyzer = new StrongAuthAnalyzer(new StrongAuthAnalyzerOptions { IncludeBenign = true, Now = new DateTimeOffset(_options.End.AddDays(1), TimeSpan.Zero) });
        var failures = new List<StrongAuthFailure>();
        foreach (var item in SignInLogReader.ReadFile(file, SignInLogFormat.Auto, lean ? analyzer.ErrorCodes : null, CancellationToken.None))
        {
            Assert.Null(item.Problem);
            failures.AddRange(analyzer.Observe(item.SignIn!));
        }

        failures.AddRange(analyzer.Complete());
        return failures.Select(AnalyzerRun.Outcome).OrderBy(o => o, StringComparer.Ordinal).ToList();
    }
}
