using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EntraStrongAuth.Core.Classification;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.RealRecords;

/// <summary>
/// Real public sign-in records (Fixtures/README.md names each source): every file is read whole, and every failure
/// has a hand label in Fixtures/labels.csv that the classifier must reproduce.
/// </summary>
public class RealRecordTests
{
    private static readonly string Folder = Path.Combine(RepositoryFolder.Root(), "tests", "Unit", "RealRecords", "Fixtures");

    [Theory]
    [InlineData("msticpy-aad-logons.la.json", 86, 2)]
    [InlineData("graph-docs-signin-list-beta.json", 2, 1)]
    [InlineData("panther-azure-signin-rule-tests.diag-archive.ndjson", 26, 11)]
    public void Each_file_is_read_whole_and_every_failure_is_labelled(string file, int records, int failures)
    {
        var signIns = Read(file);

        Assert.Equal(records, signIns.Count);
        var failed = signIns.Select((s, i) => (Record: i + 1, SignIn: s)).Where(x => !x.SignIn.IsSuccess).ToList();
        Assert.Equal(failures, failed.Count);
        var labelled = Labels().Where(l => l.File == file).Select(l => l.Record).ToList();
        Assert.Equal(labelled, failed.Select(x => x.Record).ToList());
    }

    public static TheoryData<Label> AllLabels()
    {
        var data = new TheoryData<Label>();
        foreach (var label in Labels())
        {
            data.Add(label);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllLabels))]
    public void Each_labelled_failure_gets_its_expected_cause(Label label)
    {
        var signIn = Read(label.File)[label.Record - 1];

        Assert.Equal(label.ErrorCode, signIn.ErrorCode);
        Assert.Equal(label.Id, signIn.Id ?? string.Empty);
        var failure = StrongAuthClassifier.Default.Classify(signIn);
        Assert.True(label.Cause == failure.CauseKind, label + ": got " + failure.CauseKind + " (" + failure.RuleId + ")");
        Assert.NotEmpty(failure.Remedy);
    }

    [Theory]
    [InlineData("msticpy-aad-logons.la.json", "2a292f6a-7658-495a-92ea-b750ca502b00")]
    [InlineData("graph-docs-signin-list-beta.json")]
    [InlineData("panther-azure-signin-rule-tests.diag-archive.ndjson")]
    public void The_analyzer_reports_only_the_strong_auth_family_under_the_labelled_cause(string file, params string[] reportedIds)
    {
        // 90072 is in the family (the catalog marks it strong-auth); 50053, 50126 and 7000215 are not.
        // Distinct ids: counting the row the demo export holds twice once is the reading side's job.
        var analyzer = new StrongAuthAnalyzer(new StrongAuthAnalyzerOptions { IncludeBenign = true, Now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        var reported = Read(file).SelectMany(analyzer.Observe).ToList();
        reported.AddRange(analyzer.Complete());

        Assert.Equal(reportedIds, reported.Select(f => f.SignInId).Distinct().ToArray());
        var labels = Labels().Where(l => l.File == file).ToList();
        Assert.All(reported, f => Assert.Equal(labels.First(l => l.Id == f.SignInId).Cause, f.CauseKind));
    }

    [Fact]
    public void The_demo_tenants_90072_without_tenant_ids_does_not_flatly_advise_a_guest_invitation()
    {
        // Megan Bowen is the demo tenant's own user; the row carries no homeTenantId/resourceTenantId, so the guest
        // advice of the code's catalog entry must be marked as applying only to a user from another organisation.
        var failure = StrongAuthClassifier.Default.Classify(Read("msticpy-aad-logons.la.json")[9]);

        Assert.StartsWith("The record does not say whether the user is a guest here", failure.Remedy[0], StringComparison.Ordinal);
        Assert.Contains("do not invite them", failure.Remedy[0], StringComparison.Ordinal);
        Assert.Contains(failure.Evidence, e => e.Field == "tenantRelation" && e.Value is null);
    }

    [Fact]
    public void The_graph_docs_failed_password_is_read_as_the_members_interactive_sign_in_it_is()
    {
        var signIn = Read("graph-docs-signin-list-beta.json")[0];

        Assert.Equal("testaccount1@contoso.com", signIn.UserPrincipalName);
        Assert.True(signIn.IsInteractive);
        Assert.Equal("none", signIn.CrossTenantAccessType);
        Assert.Equal("99081087-73c4-48d1-a112-f60ff75114f7", signIn.ResourceTenantId);
    }

    private static List<SignInEvent> Read(string file)
    {
        var signIns = new List<SignInEvent>();
        foreach (var item in SignInLogReader.ReadFile(Path.Combine(Folder, file), SignInLogFormat.Auto, CancellationToken.None))
        {
            Assert.True(item.Problem is null, file + ": " + item.Problem);
            if (item.Warning is not null)
            {
                // A note about the file (names not understood, how a time was read), not a record.
                continue;
            }

            signIns.Add(item.SignIn!);
        }

        return signIns;
    }

    private static IEnumerable<Label> Labels() =>
        File.ReadAllLines(Path.Combine(Folder, "labels.csv")).Skip(1).Where(line => line.Length > 0).Select(Label.Parse);

    /// <summary>One row of labels.csv: file, record (1-based), id, errorCode, cause, reason.</summary>
    public sealed class Label
    {
        private Label(string file, int record, string id, int errorCode, FailureCause cause, string reason)
        {
            File = file;
            Record = record;
            Id = id;
            ErrorCode = errorCode;
            Cause = cause;
            Reason = reason;
        }

        public string File { get; }

        public int Record { get; }

        public string Id { get; }

        public int ErrorCode { get; }

        public FailureCause Cause { get; }

        public string Reason { get; }

        public static Label Parse(string line)
        {
            var parts = line.Split(new[] { ',' }, 6);
            var number = System.Globalization.CultureInfo.InvariantCulture;
            return new Label(parts[0], int.Parse(parts[1], number), parts[2], int.Parse(parts[3], number), Enum.Parse<FailureCause>(parts[4]), parts[5].Trim('"'));
        }

        public override string ToString() => File + " #" + Record + " " + ErrorCode + " → " + Cause;
    }
}
