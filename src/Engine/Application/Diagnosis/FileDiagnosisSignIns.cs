using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Diagnosis;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.Application.Retrieval;

namespace EntraStrongAuth.Engine.Application.Diagnosis;

/// <summary>
/// Sign-in files as a diagnosis source, in two streaming passes: the first finds the named failures (reporting bad
/// records once), the second keeps only the sign-ins around them, so memory follows what is relevant, not the files.
/// </summary>
public sealed class FileDiagnosisSignIns : IDiagnosisSignIns
{
    private readonly IReadOnlyList<string> _files;
    private readonly IRunHost _host;
    private readonly SignInLogFormat _format;

    public FileDiagnosisSignIns(IReadOnlyList<string> files, IRunHost host, SignInLogFormat format)
    {
        _files = files ?? throw new ArgumentNullException(nameof(files));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _format = format;
    }

    public bool Live => false;

    public string Description => _files.Count == 1 ? _files[0] : _files.Count.ToString(CultureInfo.InvariantCulture) + " files";

    public int Requests => 0;

    public async Task<IReadOnlyList<SignInEvent>> LocateAsync(IReadOnlyList<DiagnosisRequest> requests, IReadOnlyCollection<int> strongAuthCodes, CancellationToken cancellationToken)
    {
        var found = new List<SignInEvent>();
        var codes = strongAuthCodes.Concat(requests.SelectMany(r => r.ErrorCodes)).Distinct().ToList();
        await new SignInFileReading(_host, _format, codes).ReadAsync(
            _files,
            signIn =>
            {
                if (!signIn.IsSuccess && requests.Any(r => r.Matches(signIn)))
                {
                    found.Add(signIn);
                }

                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return found;
    }

    public async Task<DiagnosisContext> ReadContextAsync(DiagnosisScope scope, CancellationToken cancellationToken)
    {
        var keys = new ScopeKeys(scope);
        var kept = new List<SignInEvent>();
        DateTimeOffset? first = null;
        DateTimeOffset? last = null;
        await new SignInFileReading(new QuietRunHost(_host), _format, null).ReadAsync(
            _files,
            signIn =>
            {
                first = first is { } f && f <= signIn.CreatedDateTime ? f : signIn.CreatedDateTime;
                last = last is { } l && l >= signIn.CreatedDateTime ? l : signIn.CreatedDateTime;
                if (keys.Wants(signIn))
                {
                    kept.Add(signIn);
                }

                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return new DiagnosisContext(kept, first, last);
    }
}
