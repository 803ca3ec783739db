namespace UserGroupClient.Http;

/// <summary>
/// The innermost handler of API calls when the caller supplies an <see cref="HttpClient"/>: the SDK's own handlers
/// (resilience, authentication) run around it, and the caller's client does the sending.
/// </summary>
/// <remarks>
/// A caller's client may follow redirects (<see cref="HttpClientHandler"/> and <see cref="SocketsHttpHandler"/> do by
/// default), and an <see cref="HttpClient"/> hides its handler, so that can neither be switched off nor seen beforehand.
/// Hence credential exchanges never come here (<see cref="ClientPipeline"/> gives them a transport of the SDK's own),
/// and a call the caller's client followed to another origin is refused with its answer unread. What reached that
/// origin is the call without its <c>Authorization</c> header, which .NET's redirect handling removes on every
/// redirect: no signature, token or password went along.
/// </remarks>
internal sealed class HttpClientTransportHandler : HttpMessageHandler
{
    // The caller owns this client; it is never disposed here.
    private readonly HttpClient _client;

    public HttpClientTransportHandler(HttpClient client) => _client = client;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = request.RequestUri!;

        // The request went through the SDK's own HttpClient already (Refit sends with one), and an HttpClient refuses
        // a message another one sent: the caller's client gets a copy, which shares the body and is never disposed.
        var copy = HttpRequestCloner.Clone(request);
        var sending = _client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

        // An answer that is already there (an in-memory handler) is checked without a second task.
        if (!sending.IsCompletedSuccessfully)
        {
            return CheckAsync(copy, sent, sending);
        }

        return AnsweredWhereSent(copy, sent, sending.Result) ? sending : Task.FromException<HttpResponseMessage>(Refuse(copy, sent, sending.Result));
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    // .NET's redirect handling sends the same message on with a new RequestUri; a handler of the caller's may answer
    // with a message of its own instead. Either way the address that answered is not on the origin sent to.
    private static Uri Answered(HttpRequestMessage request, HttpResponseMessage response) =>
        response.RequestMessage?.RequestUri ?? request.RequestUri!;

    private static bool AnsweredWhereSent(HttpRequestMessage request, Uri sent, HttpResponseMessage response) =>
        SameOrigin(sent, Answered(request, response));

    private static CrossOriginRedirectException Refuse(HttpRequestMessage request, Uri sent, HttpResponseMessage response)
    {
        var answered = Answered(request, response);
        response.Dispose();

        // Error texts and logs name the address the SDK sent to.
        request.RequestUri = sent;
        return new CrossOriginRedirectException(answered);
    }

    private static async Task<HttpResponseMessage> CheckAsync(HttpRequestMessage request, Uri sent, Task<HttpResponseMessage> sending)
    {
        var response = await sending.ConfigureAwait(false);
        return AnsweredWhereSent(request, sent, response) ? response : throw Refuse(request, sent, response);
    }
}
