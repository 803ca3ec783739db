namespace UserGroupClient.Http;

/// <summary>
/// The transport of API calls when the caller supplies an <see cref="HttpClient"/>: the SDK's own handlers (resilience,
/// authentication, <see cref="SameOriginHandler"/>) run in front of it, and the caller's client does the sending.
/// </summary>
internal sealed class HttpClientSender : HttpMessageHandler
{
    // The caller owns this client; it is never disposed here.
    private readonly HttpClient _client;

    public HttpClientSender(HttpClient client) => _client = client;

    // The request went through the SDK's own HttpClient already (Refit sends with one), and an HttpClient refuses a
    // message another one sent: the caller's client gets a copy, which shares the body and is never disposed.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = HttpRequestCloner.Clone(request);
        var sending = _client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

        // An answer that is already there (an in-memory handler) is passed on without a second task.
        if (!sending.IsCompletedSuccessfully)
        {
            return AnsweredAsync(copy, sending);
        }

        Answered(copy, sending.Result);
        return sending;
    }

    // A redirect moves the copy, not the request the SDK holds: the answer names the copy, so that
    // SameOriginHandler sees where it came from even when the caller's handler left that out.
    private static void Answered(HttpRequestMessage copy, HttpResponseMessage response) => response.RequestMessage ??= copy;

    private static async Task<HttpResponseMessage> AnsweredAsync(HttpRequestMessage copy, Task<HttpResponseMessage> sending)
    {
        var response = await sending.ConfigureAwait(false);
        Answered(copy, response);
        return response;
    }
}
