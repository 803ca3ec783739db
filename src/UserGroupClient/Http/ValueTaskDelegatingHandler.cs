namespace UserGroupClient.Http;

/// <summary>
/// A handler of the SDK's own that <see cref="ApiConnection"/> calls through a pooled <see cref="ValueTask{TResult}"/>
/// when it is first in the chain, so a call that waits on the network allocates no <see cref="Task"/> for it. Anyone
/// else (an <see cref="HttpClient"/> built by a factory) calls it as any other handler.
/// </summary>
internal abstract class ValueTaskDelegatingHandler : DelegatingHandler
{
    /// <summary>Sends the request; what <see cref="SendAsync"/> does.</summary>
    internal abstract ValueTask<HttpResponseMessage> SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// How long this handler lets a request's sending take at most, timeouts of its own that cover the sending from
    /// its start; <see langword="null"/> when it sets none.
    /// </summary>
    internal virtual TimeSpan? SendBound => null;

    /// <summary>Sends through the next handler in the chain.</summary>
    protected Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <inheritdoc />
    protected sealed override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendValueAsync(request, cancellationToken).AsTask();
}
