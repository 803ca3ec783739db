using System.Runtime.CompilerServices;

namespace UserGroupClient.Http;

/// <summary>
/// A read-only pass-through stream over a response body, through which the SDK reads every body: it fails once more
/// than a set number of bytes has been read, and turns a body that cannot be decoded into an <see cref="IOException"/>,
/// so that readers need to handle only <see cref="IOException"/> and <see cref="HttpRequestException"/>. Over an
/// encoded body it sees the decoded bytes, so the limit counts what a compressed body expands to.
/// </summary>
internal sealed class LengthLimitedStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private long _read;

    public LengthLimitedStream(Stream inner, long limit)
    {
        _inner = inner;
        _limit = limit;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inner.Read(buffer[..Allowance(buffer.Length)]);
        }
        catch (Exception exception) when (IsDecodingFailure(exception))
        {
            throw Undecodable(exception);
        }

        return Count(read);
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        await ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await _inner.ReadAsync(buffer[..Allowance(buffer.Length)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsDecodingFailure(exception))
        {
            throw Undecodable(exception);
        }

        return Count(read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        // Stryker disable once Statement : Stream's own Dispose(bool) holds nothing to release
        base.Dispose(disposing);
    }

    // What the gzip and Brotli decoders throw on data they cannot decode (the SDK's own decoding, or that of a
    // caller's HttpClient): not IOExceptions, so a reader that expects only those would let them escape.
    private static bool IsDecodingFailure(Exception exception) =>
        exception is InvalidDataException || (exception is InvalidOperationException && exception is not ObjectDisposedException);

    private static IOException Undecodable(Exception exception) =>
        new($"the body's content encoding could not be decoded ({exception.Message})", exception);

    // A reader may ask for many megabytes at once; asking the source for at most one byte past the limit keeps a
    // large body from being read much beyond it before the limit is noticed.
    private int Allowance(int requested) => (int)Math.Min(requested, _limit - _read + 1);

    private int Count(int read)
    {
        _read += read;
        return _read > _limit ? throw new ResponseTooLargeException(_limit) : read;
    }
}
