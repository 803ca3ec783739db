using System.IO.Compression;
using UserGroupClient.Http;
using UserGroupClient.Tests.Support;

// The byte-array overloads of Read and ReadAsync are part of what these tests exercise.
#pragma warning disable CA1835

namespace UserGroupClient.Tests.Http;

/// <summary>
/// The stream every response body is read through: a body of exactly the limit is read whole, one byte more fails
/// with the limit named, the source is never asked for more than one byte past the limit, and a body that cannot be
/// decoded surfaces as an <see cref="IOException"/>.
/// </summary>
public sealed class LengthLimitedStreamTests
{
    [Fact]
    public async Task ABodyOfExactlyTheLimitIsReadWhole()
    {
        using var stream = new LengthLimitedStream(new MemoryStream(new byte[100]), 100);
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(100, copy.Length);
    }

    [Fact]
    public async Task OneByteMoreThanTheLimitFailsNamingTheLimit()
    {
        using var stream = new LengthLimitedStream(new MemoryStream(new byte[101]), 100);

        var error = await Assert.ThrowsAsync<ResponseTooLargeException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(100, error.Limit);
        Assert.Equal("the response body is larger than the 100-byte limit (UserGroupClientOptions.MaxResponseContentBytes)", error.Message);
    }

    [Fact]
    public void SynchronousReadsKeepTheSameLimit()
    {
        using (var exact = new LengthLimitedStream(new MemoryStream(new byte[10]), 10))
        {
            Assert.Equal(10, ReadAll(exact, 4));
        }

        using var over = new LengthLimitedStream(new MemoryStream(new byte[11]), 10);
        Assert.Equal(10, Assert.Throws<ResponseTooLargeException>(() => ReadAll(over, 4)).Limit);
    }

    [Fact]
    public async Task ArrayReadsFillTheGivenRangeOnly()
    {
        using var stream = new LengthLimitedStream(new MemoryStream([1, 2, 3]), 10);
        var buffer = new byte[6];

        var read = await stream.ReadAsync(buffer, 2, 3, CancellationToken.None);

        Assert.Equal(3, read);
        Assert.Equal(new byte[] { 0, 0, 1, 2, 3, 0 }, buffer);
        Assert.Equal(0, stream.Read(buffer, 0, 6));
    }

    [Fact]
    public async Task TheSourceIsAskedForAtMostOneBytePastTheLimit()
    {
        var source = new RecordingStream(new byte[1000]);
        using var stream = new LengthLimitedStream(source, 10);
        var buffer = new byte[4096];

        Assert.Equal(4, await stream.ReadAsync(buffer.AsMemory(0, 4)));
        await Assert.ThrowsAsync<ResponseTooLargeException>(() => stream.ReadAsync(buffer, 0, buffer.Length));

        Assert.Equal([4, 7], source.Requested);
    }

    [Fact]
    public void SynchronousReadsAskTheSourceForAtMostOneBytePastTheLimit()
    {
        var source = new RecordingStream(new byte[1000]);
        using var stream = new LengthLimitedStream(source, 10);

        Assert.Throws<ResponseTooLargeException>(() => stream.Read(new byte[4096], 0, 4096));

        Assert.Equal([11], source.Requested);
    }

    [Fact]
    public async Task AGzipBodyThatCannotBeDecodedIsAnIOException()
    {
        var broken = new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff };
        using var stream = new LengthLimitedStream(new GZipStream(new MemoryStream(broken), CompressionMode.Decompress), 1000);

        var error = await Assert.ThrowsAsync<IOException>(() => stream.CopyToAsync(Stream.Null));

        Assert.IsType<IOException>(error);
        Assert.IsType<InvalidDataException>(error.InnerException);
        Assert.StartsWith("the body's content encoding could not be decoded (", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADecoderFailureOfEitherKindIsAnIOExceptionWhicheverWayItIsRead(bool invalidData)
    {
        Exception failure = invalidData ? new InvalidDataException("bad block") : new InvalidOperationException("bad state");
        using var stream = new LengthLimitedStream(new FailingStream(failure), 1000);

        var asynchronous = await Assert.ThrowsAsync<IOException>(() => stream.ReadAsync(new byte[8], 0, 8));
        var synchronous = Assert.Throws<IOException>(() => stream.Read(new byte[8], 0, 8));

        Assert.Same(failure, asynchronous.InnerException);
        Assert.Same(failure, synchronous.InnerException);
        Assert.Equal($"the body's content encoding could not be decoded ({failure.Message})", synchronous.Message);
    }

    [Fact]
    public async Task AStreamClosedUnderneathAndOtherReadFailuresPassThroughUnchanged()
    {
        var disposed = new ObjectDisposedException("body");
        var reset = new IOException("connection reset");
        var cancelled = new OperationCanceledException();

        using var one = new LengthLimitedStream(new FailingStream(disposed), 1000);
        using var two = new LengthLimitedStream(new FailingStream(reset), 1000);
        using var three = new LengthLimitedStream(new FailingStream(cancelled), 1000);

        Assert.Same(disposed, await Assert.ThrowsAsync<ObjectDisposedException>(() => one.ReadAsync(new byte[8], 0, 8)));
        Assert.Same(disposed, Assert.Throws<ObjectDisposedException>(() => one.Read(new byte[8], 0, 8)));
        Assert.Same(reset, await Assert.ThrowsAsync<IOException>(() => two.ReadAsync(new byte[8], 0, 8)));
        Assert.Same(reset, Assert.Throws<IOException>(() => two.Read(new byte[8], 0, 8)));
        Assert.Same(cancelled, await Assert.ThrowsAsync<OperationCanceledException>(() => three.ReadAsync(new byte[8], 0, 8)));
    }

    [Fact]
    public void ItIsAForwardOnlyReadOnlyStream()
    {
        using var stream = new LengthLimitedStream(new MemoryStream(new byte[4]), 10);

        StreamAssert.IsForwardOnlyReadOnly(stream);
    }

    [Fact]
    public void DisposingItDisposesTheBody()
    {
        var body = new MemoryStream(new byte[4]);

        new LengthLimitedStream(body, 10).Dispose();

        Assert.False(body.CanRead);
    }

    private static int ReadAll(Stream stream, int chunk)
    {
        var buffer = new byte[chunk];
        int read, total = 0;
        while ((read = stream.Read(buffer, 0, chunk)) > 0)
        {
            total += read;
        }

        return total;
    }

    private sealed class RecordingStream(byte[] data) : MemoryStream(data)
    {
        public List<int> Requested { get; } = [];

        public override int Read(Span<byte> buffer)
        {
            Requested.Add(buffer.Length);
            return base.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Requested.Add(buffer.Length);
            return base.ReadAsync(buffer, cancellationToken);
        }
    }

    private sealed class FailingStream(Exception failure) : MemoryStream(new byte[8])
    {
        public override int Read(Span<byte> buffer) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw failure;
    }
}
