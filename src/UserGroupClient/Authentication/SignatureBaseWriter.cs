using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace UserGroupClient.Authentication;

/// <summary>
/// Collects the ASCII bytes of a signature base in a pooled buffer that grows as needed; <see cref="Dispose"/> returns it.
/// </summary>
internal ref struct SignatureBaseWriter
{
    private byte[] _buffer;
    private int _length;

    public SignatureBaseWriter(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        // Stryker disable once Statement : a new writer's length is already zero
        _length = 0;
    }

    /// <summary>How many bytes are written.</summary>
    public readonly int Length => _length;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    public void Write(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    /// <summary>Writes text that must be ASCII (printable or tab).</summary>
    /// <exception cref="InvalidOperationException">The text holds other characters; they are not named, as they may be secret.</exception>
    public void WriteAscii(ReadOnlySpan<char> text)
    {
        var destination = Reserve(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is (< ' ' and not '\t') or > '~')
            {
                throw new InvalidOperationException("A covered component holds a character outside printable ASCII, which a signature base cannot carry.");
            }

            destination[i] = (byte)c;
        }

        _length += text.Length;
    }

    /// <summary>Writes an sf-string (RFC 8941 §3.3.3): quoted, <c>"</c> and <c>\</c> escaped.</summary>
    /// <exception cref="InvalidOperationException">The text holds characters other than printable ASCII.</exception>
    public void WriteString(ReadOnlySpan<char> text)
    {
        Write((byte)'"');
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                throw new InvalidOperationException("A signature parameter holds a character outside printable ASCII.");
            }

            if (c is '"' or '\\')
            {
                Write((byte)'\\');
            }

            Write((byte)c);
        }

        Write((byte)'"');
    }

    public void WriteInteger(long value)
    {
        var destination = Reserve(20);
        Utf8Formatter.TryFormat(value, destination, out var written);
        _length += written;
    }

    /// <summary>Writes lower-case ASCII text (a scheme or host).</summary>
    public void WriteAsciiLower(ReadOnlySpan<char> text)
    {
        var start = _length;
        WriteAscii(text);
        Ascii.ToLowerInPlace(_buffer.AsSpan(start, text.Length), out _);
    }

    public void Dispose()
    {
        // Covered fields may hold credentials: the pool gets the buffer back blank.
        _buffer.AsSpan(0, _length).Clear();
        // Stryker disable once Statement : returning the buffer to the pool changes no signature base; the next one rents another
        ArrayPool<byte>.Shared.Return(_buffer);
        // Stryker disable once Statement : a disposed writer is not written to again
        _buffer = [];
        // Stryker disable once Statement : a disposed writer is not written to again
        _length = 0;
    }

    private Span<byte> Reserve(int count)
    {
        // Stryker disable once Equality : growing when the buffer is exactly full instead of one byte later writes the same bytes
        if (_buffer.Length - _length < count)
        {
            // Stryker disable once Arithmetic : Math.Max with the length needed keeps any larger buffer big enough; the bytes written are the same
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            // Stryker disable once Statement : returning the smaller buffer to the pool changes no signature base
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_length, count);
    }
}
