using System.IO;
using System.Text;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// A CSV file of sign-ins: header once, then one row per sign-in built from the subclass's cells. Quoting style and
/// line ending are the only things the two CSV dialects (admin center, Log Analytics) disagree on.
/// </summary>
internal abstract class CsvWriter : SignInWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StringBuilder row = new();
    private readonly bool quoteAll;
    private readonly string newLine;
    private readonly StreamWriter text;
    private long length;

    protected CsvWriter(string path, bool quoteAll, string newLine)
        : base(path)
    {
        this.quoteAll = quoteAll;
        this.newLine = newLine;
        text = new StreamWriter(Stream, Utf8NoBom, 1 << 16);
    }

    public override long Length => length;

    public override void Write(SignIn signIn) => WriteRow(Cells(signIn));

    protected void WriteRow(IEnumerable<string?> cells)
    {
        row.Clear();
        foreach (string? cell in cells)
        {
            if (row.Length > 0)
            {
                row.Append(',');
            }

            AppendField(row, cell ?? "");
        }

        row.Append(newLine);
        length += Utf8NoBom.GetByteCount(row.ToString());
        text.Write(row);
    }

    protected abstract IEnumerable<string?> Cells(SignIn signIn);

    protected override void Finish() => text.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            text.Dispose();
        }

        base.Dispose(disposing);
    }

    // RFC 4180: double the quotes; quote a field that needs it, or every field in the admin center's style.
    private void AppendField(StringBuilder builder, string value)
    {
        bool quote = quoteAll || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            builder.Append(value);
            return;
        }

        builder.Append('"').Append(value.Replace("\"", "\"\"", System.StringComparison.Ordinal)).Append('"');
    }
}
