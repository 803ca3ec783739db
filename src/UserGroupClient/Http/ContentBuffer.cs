using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace UserGroupClient.Http;

/// <summary>Buffers a response body up to a limit, so it can be looked at and still read again.</summary>
internal static class ContentBuffer
{
    private const int MaxInitialCapacity = 1 << 20;
    private const int UnannouncedCapacity = 4 * 1024;

    /// <summary>
    /// Reads the whole body through <see cref="ResponseBodyReader.OpenAsync"/> (decoded bytes counted, decoding failures
    /// as <see cref="IOException"/>) and replaces the response's content with the bytes read, headers kept. When the
    /// read fails, the bytes read until then replace it all the same, so that a later reader finds a body cut short
    /// rather than a spent stream.
    /// </summary>
    /// <returns>
    /// The body's bytes, valid until the response is disposed: they live in an array rented from the shared pool,
    /// which the new content returns (cleared) when it is disposed.
    /// </returns>
    /// <exception cref="IOException">The body is larger than <paramref name="maxBytes"/> (<see cref="ResponseTooLargeException"/>) or could not be read or decoded.</exception>
    /// <exception cref="HttpRequestException">The body could not be received.</exception>
    public static ValueTask<ArraySegment<byte>> LoadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken) =>
        LoadAsync(response, response.Content.Headers.ContentLength, maxBytes, cancellationToken);

    /// <summary>
    /// As <see cref="LoadAsync(HttpResponseMessage, long, CancellationToken)"/>, with the body's announced length
    /// already read by the caller: each typed read of a header takes a lock inside <see cref="HttpHeaders"/>.
    /// </summary>
    /// <param name="response">The response whose body is read and replaced.</param>
    /// <param name="announcedLength">The response's <c>Content-Length</c>, if any: only a hint for the first buffer's size.</param>
    /// <param name="maxBytes">The largest body read, counted after decoding.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<ArraySegment<byte>> LoadAsync(HttpResponseMessage response, long? announcedLength, long maxBytes, CancellationToken cancellationToken)
    {
        // One byte more than announced: a body of the announced length is then read whole without the buffer growing
        // for the read that finds its end.
        var buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity(announcedLength, maxBytes) + 1);
        var length = 0;
        try
        {
            var stream = await ResponseBodyReader.OpenAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length);
                    }
                }
            }
        }
        finally
        {
            Replace(response, buffer, length);
        }

        return new ArraySegment<byte>(buffer, 0, length);
    }

    // An announced length is only a hint (a decoded body is longer, a lying server sends less): it sizes the buffer
    // within the limit and a bound, never past them.
    private static int InitialCapacity(long? announced, long maxBytes) =>
        announced is { } length and > 0
            ? (int)Math.Min(
                // Stryker disable once Linq : the bound below caps either one, so only the first buffer's size changes (a buffer too small grows)
                Math.Min(length, maxBytes),
                MaxInitialCapacity)
            : (int)Math.Min(UnannouncedCapacity, maxBytes);

    private static byte[] Grow(byte[] buffer, int length)
    {
        // Stryker disable once Linq : renting the largest array at once copies and reads the same bytes; only the memory taken changes
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, Array.MaxLength));
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        return bigger;
    }

    private static void Replace(HttpResponseMessage response, byte[] buffer, int length)
    {
        var buffered = new PooledContent(buffer, length);
        foreach (var header in response.Content.Headers.NonValidated)
        {
            // The buffered body has the length of the bytes read, which after decoding is not that of the wire.
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                // Value by value: the values as a whole would be boxed, and their enumerator with them.
                foreach (var value in header.Value)
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, value);
                }
            }
        }

        response.Content.Dispose();
        response.Content = buffered;
    }

    /// <summary>
    /// A body read into an array of the shared pool; the array goes back, cleared (a body may carry a token), when the
    /// content is disposed, as it is with its response.
    /// </summary>
    internal sealed class PooledContent : HttpContent
    {
        private readonly int _length;
        private byte[]? _buffer;

        public PooledContent(byte[] buffer, int length)
        {
            _buffer = buffer;
            _length = length;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(Rented(), 0, _length);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            stream.WriteAsync(Rented(), 0, _length, cancellationToken);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(CancellationToken.None));

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult(CreateContentReadStream(cancellationToken));

        protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new MemoryStream(Rented(), 0, _length, writable: false);

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _buffer, null) is { } array)
            {
                ArrayPool<byte>.Shared.Return(array, clearArray: true);
            }

            base.Dispose(disposing);
        }

        /// <summary>The body's bytes, for a reader that takes them as they are.</summary>
        public ArraySegment<byte> Bytes => new(Rented(), 0, _length);

        private byte[] Rented() => _buffer ?? throw new ObjectDisposedException(nameof(HttpContent));
    }
}
