using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Policies;
using EntraStrongAuth.Core.Readiness;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Enrollment;
using EntraStrongAuth.Engine.Application.Readiness;
using EntraStrongAuth.Engine.Application.Retrieval;
using EntraStrongAuth.SignInGenerator;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;
using EntraStrongAuth.Tests.Application;
using EntraStrongAuth.Tests.Generator;

namespace EntraStrongAuth.Tests.Readiness;

/// <summary>
/// A generated tenant (the --headless deck, so scripts, a legacy IMAP client and their look-alikes are in it) as Graph
/// JSON with its tenant-auth files and readiness-truth.csv; every policy of the truth checked by ReadinessCheck as
/// Test-StrongAuthReadiness -Policy … -Path … -TenantDataPath … would, all from one read of the sign-ins.
/// </summary>
internal sealed class ReadinessTenant : IDisposable
{
    private ReadinessTenant(int seed, int users)
    {
        Folder = GeneratedTenant.NewFolder();
        GeneratorRun.Run(new GeneratorOptions { Seed = seed, Users = users, Headless = true, OutputDirectory = Folder, Formats = new[] { OutputFormat.Named("graph-json") }, TenantAuth = true });
        var table = CsvTable.Read(Path.Combine(Folder, "readiness-truth.csv"));
        int Column(string name) => table.Header.ToList().IndexOf(name);
        Truth = table.Rows.Select(r => new Subject(r[Column("policyId")], r[Column("userId")], r[Column("appId")], Enum.Parse<ReadinessVerdict>(r[Column("verdict")]),
            r[Column("reasons")].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<BreakReason>).ToHashSet(), r[Column("persona")])).ToList();
    }

    public string Folder { get; }

    /// <summary>readiness-truth.csv: the true verdict and reasons per policy, user and app.</summary>
    public IReadOnlyList<Subject> Truth { get; private set; }

    /// <summary>What ReadinessCheck said, in the same shape.</summary>
    public IReadOnlyList<Subject> Found { get; private set; } = Array.Empty<Subject>();

    public static async Task<ReadinessTenant> CheckAsync(int seed, int users)
    {
        var tenant = new ReadinessTenant(seed, users);
        try
        {
            tenant.Found = await tenant.RunAsync();
            return tenant;
        }
        catch
        {
            tenant.Dispose();
            throw;
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private async Task<IReadOnlyList<Subject>> RunAsync()
    {
        var data = await FileEnrollmentData.OpenAsync(Directory.GetFiles(Path.Combine(Folder, TenantAuthFiles.Folder)), new RecordingRunHost());
        var ids = Truth.Select(t => t.PolicyId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var policies = (await data.ReadPoliciesAsync(CancellationToken.None)).Where(p => ids.Contains(p.Id)).Append(new PlannedPolicy().ToPolicy()).ToList();
        var checks = policies.Select(p => (Policy: p, Host: new RecordingRunHost())).Select(c => (c.Policy, c.Host, Check: new ReadinessCheck(c.Policy, new ReadinessCheckOptions(), c.Host))).ToList();
        await new SignInFileReading(new RecordingRunHost(), SignInLogFormat.Auto, null).ReadAsync(new[] { Path.Combine(Folder, "signins.graph.json") }, s => Task.WhenAll(checks.Select(c => c.Check.ObserveAsync(s))), CancellationToken.None);
        var found = new List<Subject>();
        foreach (var (policy, host, check) in checks)
        {
            await check.CompleteAsync(data, "no tenant data", CancellationToken.None);
            found.AddRange(host.Output.OfType<ReadinessResult>().Select(r => new Subject(policy.Id, r.UserId ?? r.UserPrincipalName ?? string.Empty, r.AppId ?? string.Empty, r.VerdictKind, r.ReasonKinds.ToHashSet(), r.UserPrincipalName ?? string.Empty)));
        }

        return found;
    }

    /// <summary>One policy, user and app: the verdict and the reasons to break. Persona: the truth's persona, the found subject's UPN.</summary>
    public sealed record Subject(string PolicyId, string UserId, string AppId, ReadinessVerdict Verdict, IReadOnlySet<BreakReason> Reasons, string Who)
    {
        public (string, string, string) Key => (PolicyId.ToUpperInvariant(), UserId.ToUpperInvariant(), AppId.ToUpperInvariant());
    }
}
