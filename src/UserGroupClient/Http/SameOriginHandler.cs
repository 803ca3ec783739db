using System.Runtime.CompilerServices;

namespace UserGroupClient.Http;

/// <summary>
/// The innermost handler of the SDK's own in front of a transport it did not build: a caller's
/// <see cref="HttpClient"/> (<see cref="HttpClientSender"/>) or the handlers an <see cref="IHttpClientFactory"/> builds
/// for a client registered with dependency injection. It refuses an answer that came from another origin than the one
/// the request was sent to.
/// </summary>
/// <remarks>
/// Such a transport may follow redirects (<see cref="HttpClientHandler"/> and <see cref="SocketsHttpHandler"/> do by
/// default), and it hides its settings, so that can neither be switched off nor seen beforehand. Hence credential
/// exchanges never come here (<see cref="ClientPipeline"/> gives them a transport of the SDK's own), and a call the
/// transport followed to another origin is refused with its answer unread. What reached that origin is the call
/// without its <c>Authorization</c> header, which .NET's redirect handling removes on every redirect: no signature,
/// token or password went along.
/// </remarks>
internal sealed class SameOriginHandler : ValueTaskDelegatingHandler
{
    /// <summary>In front of <paramref name="transport"/>, which is disposed with this handler (a factory's ignores it).</summary>
    public SameOriginHandler(HttpMessageHandler transport)
    {
        InnerHandler = transport;
    }

    public override ValueTask<HttpResponseMessage> SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = request.RequestUri!;
        var sending = SendInnerAsync(request, cancellationToken);

        // An answer that is already there (an in-memory handler) is checked without a state machine.
        if (!sending.IsCompletedSuccessfully)
        {
            return CheckAsync(request, sent, sending);
        }

        var response = sending.Result;
        return AnsweredWhereSent(request, sent, response) ? new(response) : ValueTask.FromException<HttpResponseMessage>(Refuse(request, sent, response));
    }

    // The very address sent (no redirect replaced it) is its own origin: its host is not read again.
    private static bool SameOrigin(Uri a, Uri b) =>
        ReferenceEquals(a, b)
        || string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
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

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<HttpResponseMessage> CheckAsync(HttpRequestMessage request, Uri sent, ValueTask<HttpResponseMessage> sending)
    {
        var response = await sending.ConfigureAwait(false);
        return AnsweredWhereSent(request, sent, response) ? response : throw Refuse(request, sent, response);
    }
}
