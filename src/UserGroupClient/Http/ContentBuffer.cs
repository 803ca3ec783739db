namespace UserGroupClient.Http;

/// <summary>Buffers a response body up to a limit, honouring cancellation on every target framework.</summary>
internal static class ContentBuffer
{
    /// <summary>Reads the whole body into memory so it can be read again.</summary>
    /// <exception cref="HttpRequestException">The body is larger than <paramref name="maxBytes"/>.</exception>
    public static Task LoadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken) =>
#if NET9_0_OR_GREATER
        content.LoadIntoBufferAsync(maxBytes, cancellationToken);
#else
        content.LoadIntoBufferAsync(maxBytes).WaitAsync(cancellationToken);
#endif
}
