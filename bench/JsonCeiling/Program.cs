using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;

// Usage: JsonCeiling <file> — prints "bytes seconds tokens" for one full tokenizing pass (single-threaded).
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: JsonCeiling <file.json>");
    return 2;
}

var clock = Stopwatch.StartNew();
var (bytes, tokens) = Tokenize(args[0]);
clock.Stop();
Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1:F3} {2}", bytes, clock.Elapsed.TotalSeconds, tokens));
return 0;

static (long Bytes, long Tokens) Tokenize(string path)
{
    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
    var state = default(JsonReaderState);
    // Several top-level values (pages one per line) are allowed, as our reader accepts them.
    state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true });
    long total = 0, tokens = 0;
    var kept = 0;
    while (true)
    {
        var read = stream.Read(buffer, kept, buffer.Length - kept);
        total += read;
        var final = read == 0;
        var reader = new Utf8JsonReader(buffer.AsSpan(0, kept + read), final, state);
        while (reader.Read())
        {
            tokens++;
        }

        if (final)
        {
            break;
        }

        state = reader.CurrentState;
        var consumed = (int)reader.BytesConsumed;
        kept = kept + read - consumed;
        if (kept == buffer.Length)
        {
            // A single token larger than the buffer: grow.
            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, bigger, 0, kept);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
            continue;
        }

        Buffer.BlockCopy(buffer, consumed, buffer, 0, kept);
    }

    ArrayPool<byte>.Shared.Return(buffer);
    return (total, tokens);
}
