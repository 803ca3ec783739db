using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A success body larger than its first buffer (no length announced) is read on into bigger ones; a body may carry a
/// token, so every buffer it outgrew is wiped as it goes back to the shared pool, and no later renter finds the body.
/// </summary>
public sealed class OutgrownBufferWipeTests
{
    // Text no other test puts in a pooled array, so that another renter's bytes cannot be taken for the body's.
    private const string Marker = "outgrown-token-";

    [Fact]
    public async Task TheBuffersABodyOutgrewHoldNoneOfIt()
    {
        var body = "{\"access_token\":\"" + string.Concat(Enumerable.Repeat(Marker, 5_000)) + "\"}";
        var stream = new BufferRecordingStream(Encoding.ASCII.GetBytes(body));
        var content = new StreamContent(stream);

        // A stream's length would be announced for it; a server that streams its answer announces none.
        content.Headers.ContentLength = null;
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };

        var bytes = await ContentBuffer.LoadAsync(response, maxBytes: 1_000_000, CancellationToken.None);

        Assert.Equal(body, Encoding.ASCII.GetString(bytes));
        var outgrown = stream.Buffers.Where(buffer => buffer != bytes.Array).ToList();
        Assert.NotEmpty(outgrown);
        Assert.All(outgrown, buffer => Assert.DoesNotContain(Marker + Marker, Encoding.ASCII.GetString(buffer), StringComparison.Ordinal));
    }

    /// <summary>Records the arrays its reads fill.</summary>
    private sealed class BufferRecordingStream(byte[] body) : MemoryStream(body)
    {
        public List<byte[]> Buffers { get; } = [];

        public override int Read(byte[] buffer, int offset, int count)
        {
            Record(buffer);
            return base.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Record(buffer);
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (MemoryMarshal.TryGetArray<byte>(buffer, out var segment))
            {
                Record(segment.Array!);
            }

            return base.ReadAsync(buffer, cancellationToken);
        }

        private void Record(byte[] buffer)
        {
            if (!Buffers.Contains(buffer))
            {
                Buffers.Add(buffer);
            }
        }
    }
}
