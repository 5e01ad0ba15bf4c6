using System.IO;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>What a writer needs to know beyond the sign-ins themselves.</summary>
internal sealed record OutputContext(Tenant Tenant, int Seed, int PageSize, bool LogAnalyticsNested);

/// <summary>The --formats names, their file names and writers.</summary>
internal sealed record OutputFormat(string Name, string FileName, Func<string, OutputContext, SignInWriter> Create)
{
    public static readonly IReadOnlyList<OutputFormat> All = new OutputFormat[]
    {
        new("graph-json", "signins.graph.json", (path, _) => new JsonArrayWriter(path, indented: false)),
        new("graph-pages", "signins.graph-pages.ndjson", (path, c) => new GraphPagesWriter(path, c.PageSize, c.Seed)),
        new("admin-json", "signins.admin.json", (path, _) => new JsonArrayWriter(path, indented: true)),
        new("admin-csv", "signins.admin.csv", (path, _) => new AdminCsvWriter(path)),
        new("la-json", "signins.la.json", (path, c) => new LogAnalyticsJsonWriter(path, c.Tenant, c.LogAnalyticsNested)),
        new("la-csv", "signins.la.csv", (path, c) => new LogAnalyticsCsvWriter(path, c.Tenant)),
        new("diag-archive", "signins.diag-archive.ndjson", (path, c) => new DiagnosticArchiveWriter(path, c.Tenant)),
    };

    public static OutputFormat Named(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown format '{name}'. Known: {string.Join(", ", All.Select(f => f.Name))}.");

    public SignInWriter Open(string directory, OutputContext context) => Create(Path.Combine(directory, FileName), context);
}
