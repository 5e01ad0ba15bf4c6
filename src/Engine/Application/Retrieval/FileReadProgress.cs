using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using EntraStrongAuth.Core.Progress;

namespace EntraStrongAuth.Engine.Application.Retrieval;

/// <summary>
/// What a read of sign-in files has done so far, as one Write-Progress report: the file, the sign-ins read with their
/// rate, how many failed, and the bytes read of the files' total size, which gives the percentage and the seconds left.
/// The sizes are taken once, before the read; a file that grows while it is read counts as done at its first size.
/// </summary>
internal sealed class FileReadProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int _fileCount;
    private readonly long _totalBytes;
    private long _bytesOfFilesDone;
    private long _currentSize;
    private Stream? _current;
    private string _shown = string.Empty;
    private int _fileNumber;

    public FileReadProgress(IReadOnlyList<string> files)
    {
        _fileCount = files.Count;
        _totalBytes = files.Sum(SizeOf);
    }

    public long SignIns { get; private set; }

    public long Failed { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The next file starts: <paramref name="index"/> counts from 0.</summary>
    public void Starting(string file, int index)
    {
        _fileNumber = index + 1;
        _shown = Path.GetFileName(file);
        _currentSize = SizeOf(file);
        _current = null;
    }

    /// <summary>Inside a ZIP archive progress names the entry being read: archive.zip!entry.json.</summary>
    public void Entry(string file, string entry) => _shown = Path.GetFileName(file) + entry.Substring(file.Length);

    /// <summary>The file's stream, once open: its position is how far the read is.</summary>
    public void Opened(Stream stream) => _current = stream;

    public void Read(int errorCode)
    {
        SignIns++;
        if (errorCode != 0)
        {
            Failed++;
        }
    }

    /// <summary>The file is read (or skipped): all its bytes count as done.</summary>
    public void FileDone()
    {
        _bytesOfFilesDone += _currentSize;
        _currentSize = 0;
        _current = null;
    }

    public RunProgress Report(int activityId, string activity, bool completed)
    {
        var elapsed = _clock.Elapsed;
        var read = completed ? _totalBytes : _bytesOfFilesDone + CurrentPosition();
        var line = new ProgressLine(elapsed);
        if (!completed)
        {
            line.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, "File {0} of {1}: {2}", _fileNumber, _fileCount, _shown));
        }
        else
        {
            line.Count(_fileCount, _fileCount == 1 ? "file" : "files");
        }

        line.CountWithRate(SignIns, "sign-ins read").Count(Failed, "failed").BytesOf(read, _totalBytes);
        return new RunProgress(activityId, activity, line.ToString())
        {
            PercentComplete = ProgressEstimate.Percent(read, _totalBytes),
            SecondsRemaining = ProgressEstimate.SecondsRemaining(read, _totalBytes, elapsed),
            Completed = completed,
        };
    }

    // A stream closed at the end of its file no longer tells its position (CanSeek turns false): the file is read.
    private long CurrentPosition() =>
        _current is null ? 0 : _current.CanSeek ? Math.Min(_current.Position, _currentSize) : _currentSize;

    private static long SizeOf(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Exists ? info.Length : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The read itself reports an unreadable file; progress only counts it as empty.
            return 0;
        }
    }
}
