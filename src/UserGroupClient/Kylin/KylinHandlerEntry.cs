namespace UserGroupClient.Kylin;

/// <summary>
/// A way into a handler that is not part of the chain: a handler's <c>SendAsync</c> can only be called by the handler
/// before it, so this one stands before it. Unlike an <see cref="HttpMessageInvoker"/>, it reports nothing of its own
/// to the runtime's HTTP telemetry.
/// </summary>
internal sealed class KylinHandlerEntry(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>Sends <paramref name="request"/> through the wrapped handler.</summary>
    public Task<HttpResponseMessage> SendThroughAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken);
}
