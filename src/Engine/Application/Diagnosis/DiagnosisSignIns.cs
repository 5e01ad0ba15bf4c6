using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>
/// Where Debug-StrongAuthFailure finds sign-ins: files (<see cref="FileDiagnosisSignIns"/>) or the tenant
/// (<see cref="LiveDiagnosisSignIns"/>). Two questions, asked in this order: which failures the requests name, then
/// everything around the located failures (their flows, their users' and apps' history).
/// </summary>
public interface IDiagnosisSignIns
{
    /// <summary>The sign-ins came from the tenant (next actions name permissions, not files).</summary>
    bool Live { get; }

    /// <summary>How the source reads in the diagnosis ("Microsoft Graph", "3 files").</summary>
    string Description { get; }

    /// <summary>Requests made so far (0 for files).</summary>
    int Requests { get; }

    /// <summary>Failures that one of <paramref name="requests"/> names (more may come than match: the caller matches).</summary>
    Task<IReadOnlyList<SignInEvent>> LocateAsync(IReadOnlyList<DiagnosisRequest> requests, IReadOnlyCollection<int> strongAuthCodes, CancellationToken cancellationToken);

    /// <summary>The sign-ins around <paramref name="scope"/>'s failures, and how far the data reaches.</summary>
    Task<DiagnosisContext> ReadContextAsync(DiagnosisScope scope, CancellationToken cancellationToken);
}

/// <summary>What to read around the located failures: their correlations, and their users and apps within the windows.</summary>
public sealed class DiagnosisScope
{
    public DiagnosisScope(IReadOnlyList<SignInEvent> failures, TimeSpan before, TimeSpan after, IReadOnlyCollection<int> strongAuthCodes)
    {
        Failures = failures;
        Before = before;
        After = after;
        StrongAuthCodes = strongAuthCodes;
    }

    public IReadOnlyList<SignInEvent> Failures { get; }

    /// <summary>How far before a failure its user's and app's history is read.</summary>
    public TimeSpan Before { get; }

    /// <summary>How far after a failure (the flow's end, the fallback).</summary>
    public TimeSpan After { get; }

    public IReadOnlyCollection<int> StrongAuthCodes { get; }
}

/// <summary>The sign-ins read around the failures (each once) and the span the data covers.</summary>
public sealed class DiagnosisContext
{
    public DiagnosisContext(IReadOnlyList<SignInEvent> signIns, DateTimeOffset? dataStart, DateTimeOffset? dataEnd)
    {
        SignIns = signIns;
        DataStart = dataStart;
        DataEnd = dataEnd;
    }

    public IReadOnlyList<SignInEvent> SignIns { get; }

    /// <summary>The earliest and latest time the source covers (files: the records seen; live: the windows asked).</summary>
    public DateTimeOffset? DataStart { get; }

    public DateTimeOffset? DataEnd { get; }
}
