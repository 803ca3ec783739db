using System.Net;
using UserGroupClient.Http;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A success body read whole before it is parsed: every byte kept whatever the announced length says, readable again
/// afterwards with its headers, and refused past the limit.
/// </summary>
public sealed class ContentBufferTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(10L)]
    public async Task ABodyLongerThanAnnouncedOrUnannouncedIsReadWhole(long? announced)
    {
        var body = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();
        using var response = Answer(body, announced);

        var bytes = await ContentBuffer.LoadAsync(response, maxBytes: 1_000_000, CancellationToken.None);

        Assert.Equal(body, bytes.ToArray());
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ABodyPastTheLimitIsRefusedAndWhatWasReadStaysReadable()
    {
        using var response = Answer(new byte[5_000], announced: null);

        await Assert.ThrowsAsync<ResponseTooLargeException>(() => ContentBuffer.LoadAsync(response, maxBytes: 4_096, CancellationToken.None).AsTask());

        Assert.InRange((await response.Content.ReadAsByteArrayAsync()).Length, 1, 4_097);
    }

    [Fact]
    public async Task TheBufferedBodyCannotBeReadOnceItsResponseIsDisposed()
    {
        var response = Answer("{}"u8.ToArray(), announced: 2);
        await ContentBuffer.LoadAsync(response, maxBytes: 1_000, CancellationToken.None);
        var content = response.Content;

        response.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => content.ReadAsStreamAsync());
    }

    // A stream that gives its bytes in small reads, as a socket does, and may announce a length that is not its own.
    private static HttpResponseMessage Answer(byte[] body, long? announced)
    {
        var content = new StreamContent(new TrickleStream(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        if (announced is { } length)
        {
            content.Headers.ContentLength = length;
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private sealed class TrickleStream(byte[] body) : MemoryStream(body)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1_000));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1_000)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1_000)], cancellationToken);
    }
}
