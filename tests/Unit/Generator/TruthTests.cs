using System;
using System.Linq;
using EntraStrongAuth.Core.Classification;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>truth.csv is the answer key: exactly one row per failed sign-in, with a cause the classifier knows.</summary>
[Collection(GeneratedTenantGroup.Name)]
public class TruthTests
{
    private readonly GeneratedTenant tenant;

    public TruthTests(GeneratedTenant tenant) => this.tenant = tenant;

    [Fact]
    public void Truth_has_one_row_for_every_failure_and_none_for_successes()
    {
        var failures = SignInFiles.Read("graph-json", tenant.PathOf("graph-json")).Where(s => s.ErrorCode != 0).ToList();
        var truth = CsvTable.Read(System.IO.Path.Combine(tenant.Folder, "truth.csv"));
        int id = truth.Column("signInId"), code = truth.Column("errorCode");

        var rows = truth.Rows.Select(r => (r[id], int.Parse(r[code], System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.NotEmpty(failures);
        Assert.Equal(failures, rows);
        Assert.Equal(tenant.Summary.Failures, rows.Count);
    }

    [Fact]
    public void Every_true_cause_is_a_FailureCause_name()
    {
        var truth = CsvTable.Read(System.IO.Path.Combine(tenant.Folder, "truth.csv"));
        int cause = truth.Column("trueCause");

        Assert.All(truth.Rows, r => Assert.True(Enum.TryParse<FailureCause>(r[cause], out _), r[cause]));
    }

    [Fact]
    public void Resolved_interrupts_point_to_a_later_success_in_the_same_correlation()
    {
        var signIns = SignInFiles.Array(tenant.PathOf("graph-json")).ToDictionary(e => e.GetProperty("id").GetString()!);
        var truth = CsvTable.Read(System.IO.Path.Combine(tenant.Folder, "truth.csv"));
        int id = truth.Column("signInId"), resolvedBy = truth.Column("resolvedBy"), cause = truth.Column("trueCause");

        var resolved = truth.Rows.Where(r => r[resolvedBy].Length > 0).ToList();

        Assert.NotEmpty(resolved);
        foreach (var row in resolved)
        {
            var interrupt = signIns[row[id]];
            var success = signIns[row[resolvedBy]];
            Assert.Equal(nameof(FailureCause.BenignInterrupt), row[cause]);
            Assert.Equal(0, success.GetProperty("status").GetProperty("errorCode").GetInt32());
            Assert.Equal(interrupt.GetProperty("correlationId").GetString(), success.GetProperty("correlationId").GetString());
            Assert.Equal(row[id], success.GetProperty("originalRequestId").GetString());
            var gap = success.GetProperty("createdDateTime").GetDateTimeOffset() - interrupt.GetProperty("createdDateTime").GetDateTimeOffset();
            Assert.InRange(gap.TotalSeconds, 2, 60);
        }
    }
}
