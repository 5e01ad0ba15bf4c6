using System;
using System.Collections.Generic;
using System.Linq;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;
using static EntraStrongAuth.Tests.SignIns.SignInFixtures;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>
/// Slash dates as a spreadsheet re-saves a download: day first in en-GB or fr-FR, month first as the portal writes.
/// Before, every slash date was read month first: 05/11/2026 became 11 May and 30/11/2026 was an invalid record.
/// </summary>
public class SlashDateOrderTests
{
    // The admin center's download, one row with the date cell replaced per case (the real file's header and cells).
    private static string Csv(params string[] dates)
    {
        var lines = Text("admin-center-utc-plus-one.csv").TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var header = string.Concat("Date (UTC)", lines[0].AsSpan(lines[0].IndexOf(',', StringComparison.Ordinal)));
        var row = lines[1].Substring(lines[1].IndexOf(',', StringComparison.Ordinal));
        var rows = dates.Select((d, i) => "\"" + d + "\"" + row.Replace("7a1c0d3e-5b2f-4c8e-9d10-2f6e8b1a0c01", "7a1c0d3e-5b2f-4c8e-9d10-2f6e8b1a0c" + (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return string.Join("\r\n", new[] { header }.Concat(rows)) + "\r\n";
    }

    private static (List<SignInEvent> SignIns, List<SignInReadProblem> Problems, List<string> Warnings) Read(params string[] dates)
    {
        var items = ReadText(Csv(dates), "InteractiveSignIns_2026-11-01_2026-11-30.csv");
        return (items.SignIns(), items.Problems(), items.Where(i => i.Warning is not null).Select(i => i.Warning!).ToList());
    }

    [Fact]
    public void A_day_first_file_is_read_day_first_once_a_date_proves_it()
    {
        var (signIns, problems, warnings) = Read("30/11/2026 10:00:00", "05/11/2026 09:00:00");

        Assert.Empty(problems);
        Assert.Equal(
            new[] { new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero) },
            signIns.Select(s => s.CreatedDateTime));
        Assert.DoesNotContain(warnings, w => w.Contains("month first", StringComparison.Ordinal));
    }

    [Fact]
    public void Dates_read_before_the_proof_are_counted_and_located_in_a_warning()
    {
        var (signIns, problems, warnings) = Read("05/11/2026 09:00:00", "30/11/2026 10:00:00");

        Assert.Empty(problems);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), signIns[1].CreatedDateTime);
        var warning = Assert.Single(warnings, w => w.Contains("month first", StringComparison.Ordinal));
        Assert.Contains("1 date(s) from line 2", warning, StringComparison.Ordinal);
        Assert.Contains("before line 3", warning, StringComparison.Ordinal);
        Assert.Contains("30/11/2026", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_that_never_prove_an_order_are_read_month_first_with_a_warning()
    {
        var (signIns, problems, warnings) = Read("11/5/2026 9:00:00 AM", "11/6/2026 9:00:00 AM");

        Assert.Empty(problems);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero), signIns[0].CreatedDateTime);
        var warning = Assert.Single(warnings, w => w.Contains("could be day or month first", StringComparison.Ordinal));
        Assert.Contains("2 date(s)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_first_file_as_the_portal_writes_it_reads_without_a_word()
    {
        var (signIns, problems, warnings) = Read("11/30/2026 10:00:00 AM", "11/5/2026 9:00:00 AM");

        Assert.Empty(problems);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero), signIns[1].CreatedDateTime);
        Assert.DoesNotContain(warnings, w => w.Contains("first", StringComparison.Ordinal));
    }
}
