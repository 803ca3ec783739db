namespace UserGroupClient.Http;

/// <summary>Buffers a response body up to a limit, so it can be looked at and still read again.</summary>
internal static class ContentBuffer
{
    private const int MaxInitialCapacity = 1 << 20;

    /// <summary>
    /// Reads the whole body through <see cref="ResponseBodyReader.OpenAsync"/> (decoded bytes counted, decoding failures
    /// as <see cref="IOException"/>) and replaces the response's content with the bytes read, headers kept. When the
    /// read fails, the bytes read until then replace it all the same, so that a later reader finds a body cut short
    /// rather than a spent stream.
    /// </summary>
    /// <returns>The body's bytes.</returns>
    /// <exception cref="IOException">The body is larger than <paramref name="maxBytes"/> (<see cref="ResponseTooLargeException"/>) or could not be read or decoded.</exception>
    /// <exception cref="HttpRequestException">The body could not be received.</exception>
    public static async Task<ArraySegment<byte>> LoadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        // Sized for the announced length, the buffer is filled once and handed on as it is: no growth, no copy.
        using var buffer = new MemoryStream(InitialCapacity(response.Content.Headers.ContentLength, maxBytes));
        try
        {
            var stream = await ResponseBodyReader.OpenAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Replace(response, Written(buffer));
        }

        return Written(buffer);
    }

    // An announced length is only a hint (a decoded body is longer, a lying server sends less): it sizes the buffer
    // within the limit and a bound, never past them.
    private static int InitialCapacity(long? announced, long maxBytes) =>
        announced is { } length and > 0 ? (int)Math.Min(Math.Min(length, maxBytes), MaxInitialCapacity) : 0;

    private static ArraySegment<byte> Written(MemoryStream buffer) =>
        new(buffer.GetBuffer(), 0, (int)buffer.Length);

    private static void Replace(HttpResponseMessage response, ArraySegment<byte> bytes)
    {
        var buffered = new ByteArrayContent(bytes.Array!, bytes.Offset, bytes.Count);
        foreach (var header in response.Content.Headers.NonValidated)
        {
            // The buffered body has the length of the bytes read, which after decoding is not that of the wire.
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content.Dispose();
        response.Content = buffered;
    }
}
