using System.Buffers;
using System.Runtime.CompilerServices;

namespace UserGroupClient.Http;

/// <summary>
/// A read-only pass-through stream that keeps the first bytes it delivers, so a response that turns out to be
/// malformed JSON can still be reported with the start of its body. The buffer is pooled.
/// </summary>
internal sealed class PrefixCaptureStream : Stream
{
    private readonly Stream _inner;
    private byte[]? _prefix;
    private int _captured;

    public PrefixCaptureStream(Stream inner, int capacity)
    {
        _inner = inner;
        _prefix = ArrayPool<byte>.Shared.Rent(capacity);
    }

    /// <summary>The bytes captured so far.</summary>
    public ReadOnlySpan<byte> Prefix => _prefix.AsSpan(0, _captured);

    /// <summary>Whether everything read so far fits in the captured prefix.</summary>
    public bool PrefixIsWhole { get; private set; } = true;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Capture(buffer.AsSpan(offset, _inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Capture(buffer[.._inner.Read(buffer)]);

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Capture(buffer.AsSpan(offset, await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false)));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Capture(buffer.Span[..read]);
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
            // Stryker disable once Equality : inverted, the prefix is never given back to the pool (it is never null here before the first disposal nulls it): the garbage collector takes it instead, and nothing read changes
            if (_prefix is not null)
            // Stryker disable once Block : emptied, the prefix is never given back to the pool nor released (as with the inverted check): the garbage collector takes it, and nothing read changes
            {
                // Stryker disable once Statement : a prefix not given back to the pool goes to the garbage collector; nothing read changes
                ArrayPool<byte>.Shared.Return(_prefix);
                _prefix = null;
            }
        }

        // Stryker disable once Statement : Stream's own Dispose(bool) holds nothing to release
        base.Dispose(disposing);
    }

    private int Capture(ReadOnlySpan<byte> read)
    {
        if (_prefix is not null && PrefixIsWhole)
        {
            var room = _prefix.Length - _captured;
            read[..Math.Min(room, read.Length)].CopyTo(_prefix.AsSpan(_captured));
            _captured += Math.Min(room, read.Length);
            PrefixIsWhole = read.Length <= room;
        }

        return read.Length;
    }
}
