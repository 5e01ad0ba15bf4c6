using System;
using System.IO;
using System.Text;

namespace EntraStrongAuth.Engine.SignIns;

/// <summary>
/// UTF-16 text as a UTF-8 byte stream. Windows PowerShell 5.1 writes UTF-16 ("ConvertTo-Json | Out-File", "&gt;"),
/// and the JSON readers work on UTF-8 bytes. (Encoding.CreateTranscodingStream is .NET 5+.)
/// </summary>
internal sealed class Utf16ToUtf8Stream : ForwardReadStream
{
    private readonly StreamReader _reader;
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private readonly char[] _chars = new char[16 * 1024];
    private readonly byte[] _bytes = new byte[3 * 16 * 1024 + 8];
    private int _position;
    private int _length;
    private bool _flushed;

    public Utf16ToUtf8Stream(Stream inner, Encoding encoding, bool leaveOpen)
    {
        _reader = new StreamReader(inner, encoding, detectEncodingFromByteOrderMarks: false, 4096, leaveOpen);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_position == _length)
        {
            if (_flushed)
            {
                return 0;
            }

            var chars = _reader.Read(_chars, 0, _chars.Length);
            _flushed = chars == 0;
            _length = _encoder.GetBytes(_chars, 0, chars, _bytes, 0, flush: _flushed);
            _position = 0;
        }

        var n = Math.Min(count, _length - _position);
        Buffer.BlockCopy(_bytes, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }
}
