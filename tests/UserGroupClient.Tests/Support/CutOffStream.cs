using System.Text;

namespace UserGroupClient.Tests.Support;

/// <summary>
/// A response body that delivers its first bytes and then ends as a connection closed in transit does: with the
/// transport's <see cref="HttpIOException"/> (<see cref="HttpRequestError.ResponseEnded"/>).
/// </summary>
internal sealed class CutOffStream(string delivered) : Stream
{
    private readonly byte[] _delivered = Encoding.UTF8.GetBytes(delivered);
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position == _delivered.Length)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        }

        var read = Math.Min(count, _delivered.Length - _position);
        _delivered.AsSpan(_position, read).CopyTo(buffer.AsSpan(offset, read));
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
