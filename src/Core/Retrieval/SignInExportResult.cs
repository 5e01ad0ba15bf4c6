using System;

namespace EntraStrongAuth.Core.Retrieval;

/// <summary>What Get-SignInLog -OutFile returns: where the sign-ins went and what the pull cost.</summary>
public sealed class SignInExportResult
{
    public SignInExportResult(string path, long records, DateTimeOffset start, DateTimeOffset end, int requests, int throttled, int retries, bool resumed)
    {
        Path = path;
        Records = records;
        StartTime = start;
        EndTime = end;
        Requests = requests;
        Throttled = throttled;
        Retries = retries;
        Resumed = resumed;
    }

    public string Path { get; }

    /// <summary>Records in the file, including those written before a resume.</summary>
    public long Records { get; }

    public DateTimeOffset StartTime { get; }

    public DateTimeOffset EndTime { get; }

    /// <summary>Requests made by this run (a resumed run counts only its own).</summary>
    public int Requests { get; }

    public int Throttled { get; }

    public int Retries { get; }

    public bool Resumed { get; }
}
