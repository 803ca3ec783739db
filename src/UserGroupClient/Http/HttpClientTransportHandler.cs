namespace UserGroupClient.Http;

/// <summary>
/// The innermost handler when the caller supplies an <see cref="HttpClient"/>: the SDK's own handlers
/// (authentication, later resilience) run around it, and the caller's client does the sending.
/// </summary>
internal sealed class HttpClientTransportHandler : HttpMessageHandler
{
    // The caller owns this client; it is never disposed here.
    private readonly HttpClient _client;

    public HttpClientTransportHandler(HttpClient client) => _client = client;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
