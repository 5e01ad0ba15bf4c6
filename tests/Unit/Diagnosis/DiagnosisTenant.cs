using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Diagnosis;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using EntraStrongAuth.Tests.Application;
using EntraStrongAuth.Tests.Generator;
using Xunit;

namespace EntraStrongAuth.Tests.Diagnosis;

/// <summary>
/// One generated tenant (seed 42, 60 users, 7 days) as Graph JSON with its tenant-auth files and truth.csv, shared by
/// the offline diagnosis tests: diagnoses run against it as Debug-StrongAuthFailure -Path … -TenantDataPath … would.
/// </summary>
public sealed class DiagnosisTenant : IDisposable
{
    public DiagnosisTenant()
        : this(42, 60)
    {
    }

    internal DiagnosisTenant(int seed, int users)
    {
        Folder = GeneratedTenant.NewFolder();
        GeneratorRun.Run(new GeneratorOptions { Seed = seed, Users = users, OutputDirectory = Folder, Formats = new[] { OutputFormat.Named("graph-json"), OutputFormat.Named("admin-csv") }, TenantAuth = true });
        var truth = CsvTable.Read(Path.Combine(Folder, "truth.csv"));
        int Column(string name) => truth.Header.ToList().IndexOf(name);
        Truth = truth.Rows.Select(r => new TruthRow(r[Column("signInId")], r[Column("trueCause")], r[Column("correlationId")], int.Parse(r[Column("errorCode")], System.Globalization.CultureInfo.InvariantCulture), r[Column("userPrincipalName")])).ToList();
    }

    public string Folder { get; }

    public IReadOnlyList<TruthRow> Truth { get; }

    public string SignIns => Path.Combine(Folder, "signins.graph.json");

    public string AdminCsv => Path.Combine(Folder, "signins.admin.csv");

    /// <summary>The tenant-auth files: saved Graph answers, as a user passes them to -TenantDataPath.</summary>
    public IReadOnlyList<string> TenantData => Directory.GetFiles(Path.Combine(Folder, TenantAuthFiles.Folder));

    internal async Task<(IReadOnlyList<StrongAuthDiagnosis> Diagnoses, RecordingRunHost Host)> DiagnoseAsync(IEnumerable<DiagnosisRequest> requests, bool withTenantData = true, string? signIns = null, int historyDays = 7)
    {
        var host = new RecordingRunHost();
        var diagnosis = new FailureDiagnosis(new FailureDiagnosisOptions { History = TimeSpan.FromDays(historyDays) }, host);
        foreach (var request in requests)
        {
            diagnosis.Add(request);
        }

        var tenant = withTenantData ? await FileEnrollmentData.OpenAsync(TenantData, new RecordingRunHost()) : null;
        await diagnosis.RunAsync(new FileDiagnosisSignIns(new[] { signIns ?? SignIns }, host, SignInLogFormat.Auto), tenant, "no tenant data was given", CancellationToken.None);
        return (host.Output.OfType<StrongAuthDiagnosis>().ToList(), host);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public sealed record TruthRow(string SignInId, string Cause, string CorrelationId, int ErrorCode, string UserPrincipalName);
}

[CollectionDefinition(Name)]
public sealed class DiagnosisTenantGroup : ICollectionFixture<DiagnosisTenant>
{
    public const string Name = "Diagnosis tenant";
}
