using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraStrongAuth.Core.Errors;
using EntraStrongAuth.Core.Retrieval;
using EntraStrongAuth.Core.SignIns;

namespace EntraStrongAuth.Engine.Retrieval;

/// <summary>
/// Get-SignInLog -OutFile: streams the raw Graph signIn objects to disk, one per line (NDJSON, which Import-SignInLog
/// and Get-StrongAuthFailure -Path read back), and keeps a checkpoint after every page so -Resume continues an
/// interrupted pull: the file is cut back to the last checkpointed length and each slice restarts where it stood.
/// </summary>
public sealed class SignInNdjsonExport : IRetrievalPageSink, IDisposable
{
    private static readonly byte[] NewLine = { (byte)'\n' };

    private readonly FileStream _output;
    private readonly string _checkpointPath;

    private SignInNdjsonExport(FileStream output, string checkpointPath)
    {
        _output = output;
        _checkpointPath = checkpointPath;
    }

    public void Dispose() => _output.Dispose();

    /// <summary>Runs a pull into <paramref name="path"/>; with <paramref name="resume"/> the saved query is continued and <paramref name="query"/> is ignored.</summary>
    public static async Task<SignInExportResult> RunAsync(SignInRetriever retriever, SignInQuery? query, string path, bool resume, bool overwrite, Func<SignInReadProblem, Task> onProblem, RetrievalEvents events, CancellationToken cancellationToken)
    {
        if (retriever is null)
        {
            throw new ArgumentNullException(nameof(retriever));
        }

        var checkpointPath = CheckpointFile.PathFor(path);
        RetrievalCheckpoint? checkpoint = null;
        FileStream output;
        if (resume)
        {
            if (!File.Exists(checkpointPath) || !File.Exists(path))
            {
                throw new EntraStrongAuthException(
                    ErrorIds.NothingToResume,
                    FailureKind.ObjectNotFound,
                    "There is no interrupted pull to resume for '" + path + "' (no " + Path.GetFileName(checkpointPath) + " beside it).",
                    "The previous run finished (its checkpoint is removed at the end) or never started: run without -Resume.");
            }

            long length;
            (checkpoint, length) = CheckpointFile.Read(checkpointPath);
            output = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);

            // Records written after the last checkpoint are fetched again, so they are cut off here first.
            output.SetLength(length);
            output.Seek(length, SeekOrigin.Begin);
        }
        else
        {
            if (File.Exists(path) && !overwrite)
            {
                throw new EntraStrongAuthException(
                    ErrorIds.OutFileExists,
                    FailureKind.InvalidArgument,
                    "'" + path + "' already exists.",
                    "Pass -Resume to continue an interrupted pull into it, -Force to replace it, or another -OutFile.");
            }

            output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            if (File.Exists(checkpointPath))
            {
                File.Delete(checkpointPath);
            }
        }

        var effectiveQuery = checkpoint?.Query ?? query ?? throw new ArgumentNullException(nameof(query));
        using var export = new SignInNdjsonExport(output, checkpointPath);
        var progress = await retriever.RunAsync(effectiveQuery, _ => Task.CompletedTask, onProblem, events, checkpoint, export, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        File.Delete(checkpointPath);
        return new SignInExportResult(Path.GetFullPath(path), progress.Records, effectiveQuery.Start, effectiveQuery.End, progress.Requests, progress.Throttled, progress.Retries, resumed: resume);
    }

    async Task IRetrievalPageSink.PageDeliveredAsync(ReadOnlyMemory<byte> page, IReadOnlyCollection<string> newIds, RetrievalCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (newIds.Count > 0)
        {
            WriteNewRecords(page, newIds);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        CheckpointFile.Write(_checkpointPath, checkpoint, _output.Position);
    }

    private void WriteNewRecords(ReadOnlyMemory<byte> page, IReadOnlyCollection<string> newIds)
    {
        var wanted = newIds as ISet<string> ?? new HashSet<string>(newIds, StringComparer.Ordinal);
        using var document = JsonDocument.Parse(page);
        using var line = new MemoryStream();
        foreach (var record in document.RootElement.GetProperty("value").EnumerateArray())
        {
            if (!record.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || !wanted.Contains(id.GetString()!))
            {
                continue;
            }

            // Re-written compact, so a pretty-printed page still gives one record per line.
            line.SetLength(0);
            using (var writer = new Utf8JsonWriter(line))
            {
                record.WriteTo(writer);
            }

            _output.Write(line.GetBuffer(), 0, (int)line.Length);
            _output.Write(NewLine, 0, 1);
        }
    }
}
