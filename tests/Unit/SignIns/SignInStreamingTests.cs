using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EntraStrongAuth.Core.SignIns;
using EntraStrongAuth.Engine.SignIns;
using Xunit;

namespace EntraStrongAuth.Tests.SignIns;

/// <summary>Records come out as they are parsed, from a forward-only stream, without reading ahead of need.</summary>
public class SignInStreamingTests
{
    private const string Record = """{"id":"{0}","createdDateTime":"2025-01-01T00:00:00Z","userPrincipalName":"u@contoso.com","status":{"errorCode":50076,"failureReason":"Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication."},"appliedConditionalAccessPolicies":[{"id":"p","displayName":"Require MFA","result":"failure","enforcedGrantControls":["Mfa"]}]}""";

    [Theory]
    [InlineData(SignInLogFormat.GraphJson)]
    [InlineData(SignInLogFormat.LogAnalyticsCsv)]
    public void The_first_record_arrives_long_before_the_stream_ends(SignInLogFormat format)
    {
        using var stream = new GeneratedStream(format, records: 200_000);

        using var items = SignInLogReader.ReadStream(stream, "generated", format, CancellationToken.None).GetEnumerator();

        Assert.True(items.MoveNext());
        Assert.Equal("r0", items.Current.SignIn!.Id);
        Assert.True(stream.BytesServed < 1024 * 1024, "served " + stream.BytesServed + " bytes before the first record");
        Assert.True(stream.Length > 40 * 1024 * 1024);

        var count = 1;
        while (items.MoveNext())
        {
            Assert.Null(items.Current.Problem);
            count++;
        }

        Assert.Equal(200_000, count);
    }

    [Fact]
    public void Records_larger_than_the_buffer_and_cut_at_every_point_are_read()
    {
        var policies = string.Join(",", Enumerable.Range(0, 2000).Select(i => """{"id":"p{i}","result":"notApplied","enforcedGrantControls":["Mfa"]}""".Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var big = """{"id":"big","createdDateTime":"2025-01-01T00:00:00Z","status":{"errorCode":0},"appliedConditionalAccessPolicies":[""" + policies + "]}";
        var text = "{\"value\":[" + big + "," + big + "]}";

        var items = SignInLogReader.ReadStream(new TrickleStream(Encoding.UTF8.GetBytes(text), 7), "trickle", SignInLogFormat.GraphJson, CancellationToken.None).ToList();

        Assert.DoesNotContain(items, i => i.Problem is not null);
        Assert.All(items, i => Assert.Equal(2000, i.SignIn!.AppliedConditionalAccessPolicies.Count));
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void The_caller_stream_is_not_disposed()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("[" + Record.Replace("{0}", "x", StringComparison.Ordinal) + "]"));

        Assert.Single(SignInLogReader.ReadStream(stream, "body", SignInLogFormat.Auto, CancellationToken.None).ToList());
        Assert.True(stream.CanRead);
    }

    /// <summary>A forward-only stream that makes a large input on the fly and counts what was read from it.</summary>
    private sealed class GeneratedStream : ForwardReadStream
    {
        private readonly SignInLogFormat _format;
        private readonly int _records;
        private byte[] _chunk = [];
        private int _offset;
        private int _next = -1;

        public GeneratedStream(SignInLogFormat format, int records)
        {
            _format = format;
            _records = records;
        }

        public long BytesServed { get; private set; }

        public override long Length => _records * (long)(_format == SignInLogFormat.GraphJson ? Record.Length : 220);

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _chunk.Length)
            {
                if (_next > _records)
                {
                    return 0;
                }

                _chunk = Encoding.UTF8.GetBytes(Next());
                _offset = 0;
            }

            var n = Math.Min(count, _chunk.Length - _offset);
            Array.Copy(_chunk, _offset, buffer, offset, n);
            _offset += n;
            BytesServed += n;
            return n;
        }

        private string Next()
        {
            var i = _next++;
            var json = _format == SignInLogFormat.GraphJson;
            if (i < 0)
            {
                return json ? "{\"@odata.context\":\"x\",\"value\":[" : "TimeGenerated [UTC],ResultType,Id,UserPrincipalName,ConditionalAccessPolicies\r\n";
            }

            if (i == _records)
            {
                return json ? "]}" : string.Empty;
            }

            var id = "r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return json
                ? (i > 0 ? "," : string.Empty) + Record.Replace("{0}", id, StringComparison.Ordinal)
                : "\"1/1/2025, 12:00:00.000 AM\",50076," + id + ",u@contoso.com,\"[{\"\"id\"\":\"\"p\"\",\"\"result\"\":\"\"failure\"\",\"\"enforcedGrantControls\"\":[\"\"Mfa\"\"]}]\"\r\n";
        }
    }

    /// <summary>Returns at most a few bytes per read, as a slow network body does.</summary>
    private sealed class TrickleStream(byte[] content, int step) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));
    }
}
