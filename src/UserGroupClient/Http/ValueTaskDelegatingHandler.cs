namespace UserGroupClient.Http;

/// <summary>
/// A handler of the SDK's own that the handlers in front of it call through a pooled <see cref="ValueTask{TResult}"/>
/// (<see cref="IValueTaskHandler"/>), so a call that waits on the network allocates no <see cref="Task"/> for it, and
/// that calls the handler behind it the same way when it can. Anyone else (an <see cref="HttpClient"/> built by a
/// factory) calls it as any other handler.
/// </summary>
internal abstract class ValueTaskDelegatingHandler : DelegatingHandler, IValueTaskHandler
{
    /// <summary>Sends the request; what <see cref="SendAsync"/> does.</summary>
    public abstract ValueTask<HttpResponseMessage> SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// How long this handler lets a request's sending take at most, timeouts of its own that cover the sending from
    /// its start; <see langword="null"/> when it sets none.
    /// </summary>
    internal virtual TimeSpan? SendBound => null;

    /// <summary>Sends through the next handler in the chain, through its <see cref="IValueTaskHandler"/> when it has one.</summary>
    protected ValueTask<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        InnerHandler is IValueTaskHandler inner ? inner.SendValueAsync(request, cancellationToken) : new(base.SendAsync(request, cancellationToken));

    /// <inheritdoc />
    protected sealed override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendValueAsync(request, cancellationToken).AsTask();
}
