using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EntraStrongAuth.SignInGenerator.Output;

/// <summary>
/// One output file fed sign-ins newest first. Writers stream: nothing is kept once written, so a file of any size
/// costs the same memory. <see cref="Length"/> counts bytes including what is still buffered, for --target-bytes.
/// </summary>
internal abstract class SignInWriter : IDisposable
{
    /// <summary>Graph's own output escapes as little as possible: apostrophes and accents stay as they are.</summary>
    public static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonWriterOptions IndentedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    private bool completed;

    protected SignInWriter(string path)
    {
        Path = path;
        Stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
    }

    public string Path { get; }

    public abstract long Length { get; }

    protected FileStream Stream { get; }

    public abstract void Write(SignIn signIn);

    /// <summary>Closes open arrays and pages and flushes; the file is complete and valid afterwards.</summary>
    public void Complete()
    {
        if (!completed)
        {
            completed = true;
            Finish();
            Stream.Flush();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Finish();

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Stream.Dispose();
        }
    }
}

/// <summary>A writer built on one Utf8JsonWriter over the file; flushes in large chunks to keep memory flat.</summary>
internal abstract class JsonFileWriter : SignInWriter
{
    private const int FlushThreshold = 1 << 16;

    protected JsonFileWriter(string path, JsonWriterOptions options)
        : base(path) => Json = new Utf8JsonWriter(Stream, options);

    public override long Length => Stream.Position + Json.BytesPending;

    protected Utf8JsonWriter Json { get; }

    protected void FlushIfLarge()
    {
        if (Json.BytesPending > FlushThreshold)
        {
            Json.Flush();
        }
    }

    /// <summary>Ends a line of an NDJSON file: the JSON value is done, a newline follows, the next value starts afresh.</summary>
    protected void EndLine()
    {
        Json.Flush();
        Stream.WriteByte((byte)'\n');
        Json.Reset(Stream);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Json.Dispose();
        }

        base.Dispose(disposing);
    }
}
