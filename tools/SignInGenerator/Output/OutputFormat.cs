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

    /// <summary>
    /// The same tenant with evidence left out, as real tools and permissions give it; never written by default (the
    /// samples stay as they are), named in --formats for the accuracy test's thin variants.
    /// </summary>
    public static readonly IReadOnlyList<OutputFormat> Thin = new OutputFormat[]
    {
        new("graph-v1", "signins.graph-v1.json", (path, _) => new ThinGraphJsonWriter(path, ThinShape.GraphV1)),
        new("graph-no-ca", "signins.graph-no-ca.json", (path, _) => new ThinGraphJsonWriter(path, ThinShape.NoConditionalAccess)),
        new("graph-no-auth-details", "signins.graph-no-auth-details.json", (path, _) => new ThinGraphJsonWriter(path, ThinShape.NoAuthenticationDetails)),
        new("la-json-no-dynamic", "signins.la-no-dynamic.json", (path, c) => new LogAnalyticsJsonWriter(path, c.Tenant, nestAll: false, withoutDynamicColumns: true)),
    };

    public static OutputFormat Named(string name) =>
        All.Concat(Thin).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown format '{name}'. Known: {string.Join(", ", All.Concat(Thin).Select(f => f.Name))}.");

    public SignInWriter Open(string directory, OutputContext context) => Create(Path.Combine(directory, FileName), context);
}
