using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// Reads sign-in logs in every format the sources produce, as a lazy stream of <see cref="SignInReadItem"/>: each
/// record is yielded as soon as it is parsed, and memory stays bounded by the largest record whatever the file size.
/// Bad input never throws out of the enumeration (cancellation does): it becomes an item with a
/// <see cref="SignInReadProblem"/>, and reading goes on wherever the format allows.
/// </summary>
public static partial class SignInLogReader
{
    /// <summary>
    /// The format of a file, from its content (gzip, byte order marks and leading whitespace are looked through).
    /// Returns <see cref="SignInLogFormat.Auto"/> when the file is empty or matches no format, and for a ZIP archive,
    /// whose entries each have their own format (<see cref="ReadFile(string, SignInLogFormat, CancellationToken)"/> reads them).
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static SignInLogFormat DetectFormat(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (FileSystemFacts.NotRegularFile(path) is { } kind)
        {
            throw new IOException(NotRegularMessage(kind));
        }

        using var input = CompressedInput.Open(OpenFile(path), leaveOpen: false);
        return SignInFormatDetector.Detect(input.Prefix.Span).Format;
    }

    /// <summary>Reads a file (any format, gzip or not); <see cref="SignInLogFormat.Auto"/> detects the format.</summary>
    public static IEnumerable<SignInReadItem> ReadFile(string path, SignInLogFormat format, CancellationToken cancellationToken) =>
        ReadFile(path, format, onEntry: null, wholeRecordCodes: null, cancellationToken);

    /// <summary>
    /// Reads a file; a ZIP archive is read entry by entry, and <paramref name="onEntry"/> is told each entry's name
    /// (<c>archive.zip!entry.json</c>) before its items, for progress.
    /// </summary>
    public static IEnumerable<SignInReadItem> ReadFile(string path, SignInLogFormat format, Action<string>? onEntry, CancellationToken cancellationToken) =>
        ReadFile(path, format, onEntry, wholeRecordCodes: null, cancellationToken);

    /// <summary>
    /// Reads a file for failure analysis: only the records whose error code is in <paramref name="wholeRecordCodes"/>
    /// (the failures to classify) are filled whole; the others (successes, other failures) carry only what orders and
    /// links them: time, error code, ids, user, app, and the MFA evidence (authenticationDetails, additionalDetails,
    /// authenticationRequirement, tokenIssuerType), and report no problems in the fields they skip. Null: all whole.
    /// </summary>
    public static IEnumerable<SignInReadItem> ReadFile(string path, SignInLogFormat format, IEnumerable<int>? wholeRecordCodes, CancellationToken cancellationToken) =>
        ReadFile(path, format, onEntry: null, wholeRecordCodes, cancellationToken);

    /// <summary>Both of the above: ZIP entries reported to <paramref name="onEntry"/>, and lean records outside <paramref name="wholeRecordCodes"/>.</summary>
    public static IEnumerable<SignInReadItem> ReadFile(string path, SignInLogFormat format, Action<string>? onEntry, IEnumerable<int>? wholeRecordCodes, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return ReadFileCore(path, format, RecordScope.For(wholeRecordCodes), onEntry, onOpen: null, cancellationToken);
    }

    /// <summary>
    /// As above, and <paramref name="onOpen"/> is handed the file's stream once it is open, so progress can tell how far
    /// into the file the read is (its position against its length).
    /// </summary>
    internal static IEnumerable<SignInReadItem> ReadFile(string path, SignInLogFormat format, Action<string>? onEntry, IEnumerable<int>? wholeRecordCodes, Action<Stream> onOpen, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return ReadFileCore(path, format, RecordScope.For(wholeRecordCodes), onEntry, onOpen, cancellationToken);
    }

    /// <summary>
    /// Reads a stream (for example a Graph HTTP response body: <see cref="SignInLogFormat.GraphJson"/>). The stream
    /// is read forward only and is not disposed. <paramref name="sourceName"/> names the input in problems.
    /// </summary>
    public static IEnumerable<SignInReadItem> ReadStream(Stream stream, string sourceName, SignInLogFormat format, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (sourceName is null)
        {
            throw new ArgumentNullException(nameof(sourceName));
        }

        return Read(stream, sourceName, format, RecordScope.Whole, leaveOpen: true, onEntry: null, archiveDepth: 0, cancellationToken);
    }

    // archiveDepth: how many ZIP archives the stream is inside; one inside another is read, no deeper (each is held in memory).
    private static IEnumerable<SignInReadItem> Read(Stream stream, string source, SignInLogFormat format, RecordScope scope, bool leaveOpen, Action<string>? onEntry, int archiveDepth, CancellationToken cancellationToken)
    {
        CompressedInput? input = null;
        SignInReadItem? failure = null;
        try
        {
            input = CompressedInput.Open(stream, leaveOpen);
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            failure = SignInProblems.UnreadableFile(source, ex);
            if (!leaveOpen)
            {
                stream.Dispose();
            }
        }

        if (failure is { } unreadable)
        {
            yield return unreadable;
            yield break;
        }

        using (input)
        {
            // A ZIP inside gzip, inside another ZIP, or from a stream: ZipArchive buffers it (its directory is at the end).
            if (!leaveOpen && ZipSignInArchive.IsZip(input!.Prefix.Span) && archiveDepth >= MaxArchiveDepth)
            {
                yield return SignInProblems.Create(SignInProblems.Unreadable, source, "The ZIP archive is inside two others: archives are read at most two deep. Extract it and read the files.");
                yield break;
            }

            if (!leaveOpen && ZipSignInArchive.IsZip(input!.Prefix.Span))
            {
                foreach (var item in ZipSignInArchive.Read(input.Content, source, onEntry, (entry, name) => Read(entry, name, format, scope, leaveOpen: false, onEntry, archiveDepth + 1, cancellationToken), cancellationToken))
                {
                    yield return item;
                }

                if (input.Failure is { } broken)
                {
                    yield return SignInProblems.UnreadableFile(source, broken);
                }

                yield break;
            }

            var guess = SignInFormatDetector.Detect(input!.Prefix.Span);

            // Damage inside the first 64 KB: what came before it is read, unless it is too little to tell the format.
            if (input.Failure is { } damaged && (guess.IsEmpty || (format == SignInLogFormat.Auto && guess.Format == SignInLogFormat.Auto)))
            {
                yield return SignInProblems.UnreadableFile(source, damaged);
                yield break;
            }

            if (guess.IsEmpty)
            {
                yield return SignInProblems.Create(SignInProblems.LogEmpty, source, "The file is empty" + (input.IsGzip ? " (after decompression)" : string.Empty) + ": it holds no sign-ins.");
                yield break;
            }

            if (format == SignInLogFormat.Auto)
            {
                if (guess.Format == SignInLogFormat.Auto)
                {
                    yield return SignInProblems.Create(SignInProblems.FormatUnknown, source, "The sign-in log format is not recognised. " + guess.Evidence + " " + SignInFormatDetector.KnownFormats);
                    yield break;
                }

                format = guess.Format;
            }

            using var records = Open(input.Content, input.Prefix, source, format, scope, cancellationToken);
            while (true)
            {
                SignInReadItem item;
                var last = false;
                try
                {
                    if (!records.TryRead(out item))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (IsReadFailure(ex))
                {
                    item = SignInProblems.UnreadableFile(source, ex);
                    last = true;
                }

                // Compressed data that ended early cuts the record it was in: the damage, not a truncation, is the news.
                if (input.Failure is not null && item.Problem?.ErrorId == SignInProblems.Truncated)
                {
                    continue;
                }

                yield return item;
                if (last)
                {
                    break;
                }
            }

            if (input.Failure is { } endedEarly)
            {
                yield return SignInProblems.UnreadableFile(source, endedEarly);
            }
        }
    }

    /// <summary>The reader of a format; a CSV's delimiter is found in <paramref name="prefix"/>, the content's first bytes (already read by format detection).</summary>
    private static ISignInRecordSource Open(Stream content, ReadOnlyMemory<byte> prefix, string source, SignInLogFormat format, RecordScope scope, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case SignInLogFormat.AdminCenterCsv:
            case SignInLogFormat.LogAnalyticsCsv:
                // Utf8Text.Encoding counts each byte sequence that is not UTF-8, for the CSV reader's warning.
                var text = new StreamReader(content, Utf8Text.Encoding, detectEncodingFromByteOrderMarks: false, 64 * 1024);
                return new CsvSignInReader(text, CsvDelimiter.Detect(Utf8Text.Decode(prefix.Span)), source, format, scope, cancellationToken);
            case SignInLogFormat.LogAnalyticsJson:
                return Json(LogAnalyticsColumns.Table);
            case SignInLogFormat.DiagnosticArchive:
                return Json(SignInJsonNames.DiagnosticEnvelope);
            case SignInLogFormat.LogAnalyticsQueryResult:
                return new LogAnalyticsQueryResultReader(content, source, cancellationToken);
            case SignInLogFormat.GraphJson:
                return Json(SignInJsonNames.SignIn);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Not a sign-in log format.");
        }

        ISignInRecordSource Json(Utf8NameTable<SignInField> names) =>
            new JsonRecordStream(content, source, names, SignInJsonNames.FieldNames(names), scope, cancellationToken);
    }
}
