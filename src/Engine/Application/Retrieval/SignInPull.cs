using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>
/// Get-SignInLog's work once its parameters are bound: the range checked, the named accounts read in or-lists of
/// <see cref="NameBatches.Size"/>, at most -First sign-ins written; or, with -OutFile, the whole pull saved to disk.
/// </summary>
public sealed class SignInPull
{
    private readonly SignInPullOptions _options;
    private readonly IRunHost _host;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly List<string> _names;

    /// <summary>Checks the arguments at once: an -EndTime not after -StartTime is InvalidTimeRange, a -Filter whose parentheses or strings do not balance is InvalidFilter.</summary>
    public SignInPull(SignInPullOptions options, IRunHost host, DateTimeOffset now)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _end = options.End ?? now;
        _start = options.Start ?? _end.AddDays(-1);
        if (_end <= _start)
        {
            throw new EntraStrongAuthException(
                ErrorIds.InvalidTimeRange,
                FailureKind.InvalidArgument,
                "-EndTime (" + _end.ToString("u", CultureInfo.InvariantCulture) + ") must be after -StartTime (" + _start.ToString("u", CultureInfo.InvariantCulture) + ").",
                "Swap or correct the times; -StartTime defaults to 24 hours before -EndTime.");
        }

        if (!string.IsNullOrWhiteSpace(options.RawFilter))
        {
            RawFilterClause.Check(options.RawFilter!);
        }

        _names = options.UserPrincipalNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Writes each sign-in as it arrives; stops after -First.</summary>
    public async Task ReadAsync(ISignInQueryReader reader, CancellationToken cancellationToken)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var first = _options.First;
        long delivered = 0;
        foreach (var names in Batches())
        {
            var query = QueryFor(names, first > 0 ? first - delivered : 0);
            var result = await reader.ReadAsync(query, signIn => _host.WriteOutputAsync(signIn), cancellationToken).ConfigureAwait(false);
            delivered += result.Records;
            if (first > 0 && delivered >= first)
            {
                break;
            }
        }
    }

    /// <summary>Saves the pull to <paramref name="path"/> (resuming or overwriting) and writes the export's result.</summary>
    public async Task ExportAsync(LiveSignInReader reader, string path, bool resume, bool overwrite, CancellationToken cancellationToken)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var result = await reader.ExportAsync(QueryFor(_names, _options.First), path, resume, overwrite, cancellationToken).ConfigureAwait(false);
        await _host.WriteOutputAsync(result).ConfigureAwait(false);
    }

    private SignInQuery QueryFor(IReadOnlyList<string> names, long first) => new(_start, _end)
    {
        UserPrincipalNames = names,
        AppIds = _options.AppIds ?? Array.Empty<string>(),
        ErrorCodes = _options.ErrorCodes ?? Array.Empty<int>(),
        EventTypes = _options.EventTypes is { Count: > 0 } types ? types : new[] { SignInEventType.Interactive, SignInEventType.NonInteractive },
        RawFilter = _options.RawFilter,
        First = first,
    };

    // No names: one query for every account.
    private IEnumerable<IReadOnlyList<string>> Batches() =>
        _names.Count == 0 ? new[] { Array.Empty<string>() } : NameBatches.Of(_names);
}
