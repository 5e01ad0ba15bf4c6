namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>The admin center CSV download: every field quoted, CRLF line ends, the newest 57-column header.</summary>
internal sealed class AdminCsvWriter : CsvWriter
{
    public AdminCsvWriter(string path)
        : base(path, quoteAll: true, newLine: "\r\n") => WriteRow(AdminCsvColumns.All.Select(c => c.Header));

    protected override IEnumerable<string?> Cells(SignIn signIn) => AdminCsvColumns.All.Select(c => c.Value(signIn));
}
