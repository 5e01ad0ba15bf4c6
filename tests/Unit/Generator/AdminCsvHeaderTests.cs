using System;
using System.IO;
using System.Linq;
using Xunit;

namespace EntraStrongAuth.Tests.Generator;

/// <summary>The admin center CSV must start with the newest real download header, odd spaces and duplicate column included.</summary>
[Collection(GeneratedTenantGroup.Name)]
public class AdminCsvHeaderTests
{
    private readonly GeneratedTenant tenant;

    public AdminCsvHeaderTests(GeneratedTenant tenant) => this.tenant = tenant;

    [Fact]
    public void First_line_equals_the_reference_header_byte_for_byte()
    {
        byte[] reference = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Generator", "Data", "InteractiveSignIns_header_2025-01-24_57cols.csv"));
        byte[] generated = File.ReadAllBytes(tenant.PathOf("admin-csv"));

        Assert.Equal(reference, generated.Take(reference.Length).ToArray());
        Assert.Equal((byte)'"', generated[reference.Length]);
    }

    [Fact]
    public void Every_row_has_the_header_s_57_fields()
    {
        var table = CsvTable.Read(tenant.PathOf("admin-csv"));

        Assert.Equal(57, table.Header.Count);
        Assert.All(table.Rows, row => Assert.Equal(57, row.Count));
        Assert.Equal(2, table.Header.Count(h => h == "Incoming token type"));
    }
}
