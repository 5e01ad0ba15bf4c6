using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using EntraStrongAuth.SignInGenerator.Cli;
using EntraStrongAuth.SignInGenerator.Output;

namespace EntraStrongAuth.SignInGenerator;

/// <summary>What a run produced.</summary>
internal sealed record RunSummary(long SignIns, long Failures, int Users, int Days, IReadOnlyList<(string Path, long Bytes)> Files, TimeSpan Elapsed);

/// <summary>
/// Generates the tenant and streams every sign-in to all requested writers at once, so each format carries exactly
/// the same sign-ins (same ids), then the truth and the personas, then the .gz copies.
/// </summary>
internal static class GeneratorRun
{
    public static RunSummary Run(GeneratorOptions options)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputDirectory);
        int users = options.TargetBytes is null ? options.Users : Math.Max(options.Users, GeneratorOptions.TargetModeMinimumUsers);
        var stream = new SignInStream(options.Seed, users, options.End, options.Days, options.EffectiveActivity, options.Headless);
        var context = new OutputContext(stream.Tenant, options.Seed, options.PageSize, options.LogAnalyticsNested);

        var writers = options.Formats.Select(f => f.Open(options.OutputDirectory, context)).ToList();
        using var truth = new TruthWriter(Path.Combine(options.OutputDirectory, TruthWriter.FileName));
        var readiness = options.TenantAuth ? new Readiness.ReadinessTruth() : null;
        long signIns = 0, failures = 0;
        DateTime oldest = options.End;
        try
        {
            foreach (var signIn in stream.NewestFirst(options.TargetBytes is null ? options.Days : null))
            {
                foreach (var writer in writers)
                {
                    writer.Write(signIn);
                }

                truth.Write(signIn);
                readiness?.Observe(signIn);
                signIns++;
                failures += signIn.IsSuccess ? 0 : 1;
                oldest = signIn.CreatedDateTime;
                if (options.TargetBytes is { } target && writers[0].Length >= target)
                {
                    break;
                }
            }

            writers.ForEach(w => w.Complete());
            truth.Complete();
        }
        finally
        {
            writers.ForEach(w => w.Dispose());
        }

        PersonasJson.Write(Path.Combine(options.OutputDirectory, PersonasJson.FileName), options.Seed, stream.Tenant, stream.Users);
        var files = new List<(string, long)>();
        if (options.TenantAuth)
        {
            var auth = TenantAuth.TenantAuthBuilder.Build(options.Seed, stream.Tenant, stream.Users);
            files.AddRange(TenantAuthFiles.Write(options.OutputDirectory, auth).Select(p => (p, new FileInfo(p).Length)));
            string readinessTruth = Readiness.ReadinessTruthWriter.Write(options.OutputDirectory, readiness!, auth);
            files.Add((readinessTruth, new FileInfo(readinessTruth).Length));
        }

        foreach (var (format, writer) in options.Formats.Zip(writers))
        {
            files.Add((writer.Path, new FileInfo(writer.Path).Length));
            if (options.Compress(format))
            {
                string gz = Gzip(writer.Path);
                files.Add((gz, new FileInfo(gz).Length));
            }
        }

        files.Add((truth.Path, new FileInfo(truth.Path).Length));
        if (options.Headless)
        {
            string headless = HeadlessTruthWriter.Write(options.OutputDirectory, stream.Users);
            files.Add((headless, new FileInfo(headless).Length));
        }

        int days = (int)Math.Ceiling((options.End - oldest).TotalDays);
        return new RunSummary(signIns, failures, users, days, files, clock.Elapsed);
    }

    private static string Gzip(string path)
    {
        string target = path + ".gz";
        using var source = File.OpenRead(path);
        using var output = File.Create(target);
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize);
        source.CopyTo(gzip);
        return target;
    }
}
