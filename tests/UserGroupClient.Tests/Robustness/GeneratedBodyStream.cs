using System.Text;

namespace UserGroupClient.Tests.Robustness;

/// <summary>
/// A response body made on the fly: a prefix, <c>fillerLength</c> copies of one byte, a suffix. Nothing is held
/// in memory but the prefix and suffix, so a 50 MB body costs the test nothing; <see cref="Delivered"/> says how much
/// of it the client read.
/// </summary>
internal sealed class GeneratedBodyStream : Stream
{
    private readonly byte[] _prefix;
    private readonly byte[] _suffix;
    private readonly byte _filler;
    private readonly long _fillerLength;
    private long _delivered;

    public GeneratedBodyStream(string prefix, byte filler, long fillerLength, string suffix)
    {
        _prefix = Encoding.UTF8.GetBytes(prefix);
        _suffix = Encoding.UTF8.GetBytes(suffix);
        _filler = filler;
        _fillerLength = fillerLength;
    }

    public long TotalLength => _prefix.Length + _fillerLength + _suffix.Length;

    public long Delivered => Interlocked.Read(ref _delivered);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var position = Delivered;
        var written = 0;
        while (written < buffer.Length && position < TotalLength)
        {
            var chunk = buffer[written..];
            int n;
            if (position < _prefix.Length)
            {
                n = Math.Min(chunk.Length, _prefix.Length - (int)position);
                _prefix.AsSpan((int)position, n).CopyTo(chunk);
            }
            else if (position < _prefix.Length + _fillerLength)
            {
                n = (int)Math.Min(chunk.Length, _prefix.Length + _fillerLength - position);
                chunk[..n].Fill(_filler);
            }
            else
            {
                var at = (int)(position - _prefix.Length - _fillerLength);
                n = Math.Min(chunk.Length, _suffix.Length - at);
                _suffix.AsSpan(at, n).CopyTo(chunk);
            }

            written += n;
            position += n;
        }

        Interlocked.Exchange(ref _delivered, position);
        return written;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
