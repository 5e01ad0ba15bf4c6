using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace EntraStrongAuth.Tests.Hostile;

/// <summary>
/// A temporary folder a case writes its input into: plain, gzip and ZIP files, FIFOs, links and unreadable files.
/// Disposing it gives permissions back, unblocks any reader left waiting on a FIFO, and deletes everything.
/// </summary>
internal sealed class HostileFolder : IDisposable
{
    private readonly List<string> _fifos = [];
    private readonly List<string> _locked = [];

    public HostileFolder(string caseName)
    {
        Root = Directory.CreateTempSubdirectory("esa-hostile-" + caseName + "-").FullName;
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Bytes(string name, byte[] content)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Text(string name, string content) => Bytes(name, Encoding.UTF8.GetBytes(content));

    public string Gzip(string name, byte[] content) => Bytes(name, HostileBytes.Gzip(content));

    public string Zip(string name, params (string Entry, byte[] Content)[] entries) => Bytes(name, HostileBytes.Zip(entries));

    /// <summary>A named pipe: opening it for reading blocks until a writer comes, forever if none does.</summary>
    public string Fifo(string name)
    {
        var path = PathOf(name);
        Run("mkfifo", path);
        _fifos.Add(path);
        return path;
    }

    /// <summary>A directory link (to a parent: a cycle, or to anything else).</summary>
    public string DirectoryLink(string name, string target)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>chmod 000: unreadable to anyone but root.</summary>
    public string Unreadable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("chmod 000 needs Unix file permissions.");
        }

        File.SetUnixFileMode(path, UnixFileMode.None);
        _locked.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var path in _locked)
        {
            if (OperatingSystem.IsWindows())
            {
                break;
            }

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // A reader still blocked in open() on a FIFO is released by a writer opening the other end; without a
        // reader, a non-blocking open fails at once (ENXIO) instead of waiting for one.
        foreach (var fifo in _fifos)
        {
            var writer = open(fifo, OpenWriteOnly | OpenNonBlocking);
            if (writer >= 0)
            {
                _ = close(writer);
            }
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A reader still holding a file: the temp folder is cleaned by the OS instead.
        }
    }

    private const int OpenWriteOnly = 1;
    private const int OpenNonBlocking = 0x800;

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int descriptor);

    private static void Run(string tool, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, [argument]) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(tool + " " + argument + " failed with exit code " + process.ExitCode);
        }
    }
}
