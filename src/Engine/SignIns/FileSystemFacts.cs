using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// What netstandard2.0 cannot say without opening a file: whether it is a regular file (opening a FIFO named
/// *.json blocks until a writer appears, a device may never end), and the real path behind its links (the same
/// file reached twice is read once). On Linux and macOS both come from the runtime's own native library
/// (libSystem.Native, part of every .NET on Unix), whose FileStatus has the same layout on every platform and
/// starts with Flags, then Mode. Elsewhere (Windows, .NET Framework) nothing is known and the answers are neutral:
/// "regular", and the full path.
/// </summary>
internal static class FileSystemFacts
{
    private const string SystemNative = "libSystem.Native";
    private const int FileTypeMask = 0xF000;
    private const int StatusBufferSize = 256;

    private static bool _unavailable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>What the path is when it is not a regular file ("a named pipe (FIFO)", "a folder" …); null for a regular file, or when it cannot be told.</summary>
    public static string? NotRegularFile(string path)
    {
        if (!TryGetMode(path, out var mode))
        {
            return null;
        }

        return (mode & FileTypeMask) switch
        {
            0x8000 => null,
            0x1000 => "a named pipe (FIFO)",
            0x2000 => "a character device",
            0x4000 => "a folder",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    /// <summary>The absolute path with every link resolved; the full path when that cannot be known (missing file, no native library).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (_unavailable)
        {
            return full;
        }

        try
        {
            var resolved = NativeMethods.RealPath(NulTerminated(full));
            if (resolved == IntPtr.Zero)
            {
                return full;
            }

            try
            {
                return Utf8At(resolved);
            }
            finally
            {
                NativeMethods.Free(resolved);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            _unavailable = true;
            return full;
        }
    }

    private static bool TryGetMode(string path, out int mode)
    {
        mode = 0;
        if (_unavailable)
        {
            return false;
        }

        try
        {
            // Stat, not LStat: a link is judged by what it points to, which is what opening it would read.
            var status = new byte[StatusBufferSize];
            if (NativeMethods.Stat(NulTerminated(path), status) != 0)
            {
                return false;
            }

            mode = BitConverter.ToInt32(status, 4);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            _unavailable = true;
            return false;
        }
    }

    private static byte[] NulTerminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        return bytes;
    }

    private static string Utf8At(IntPtr text)
    {
        var length = 0;
        while (Marshal.ReadByte(text, length) != 0)
        {
            length++;
        }

        var bytes = new byte[length];
        Marshal.Copy(text, bytes, 0, length);
        return Encoding.UTF8.GetString(bytes);
    }

    private static class NativeMethods
    {
        [DllImport(SystemNative, EntryPoint = "SystemNative_Stat")]
        public static extern int Stat(byte[] path, byte[] status);

        [DllImport(SystemNative, EntryPoint = "SystemNative_RealPath")]
        public static extern IntPtr RealPath(byte[] path);

        [DllImport(SystemNative, EntryPoint = "SystemNative_Free")]
        public static extern void Free(IntPtr pointer);
    }
}
