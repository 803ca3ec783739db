namespace UserGroupClient.Http;

/// <summary>
/// A handler that the SDK's handlers in front of it call through a <see cref="ValueTask{TResult}"/> instead of
/// <see cref="DelegatingHandler"/>'s <see cref="Task{TResult}"/>: a call that waits on the network then suspends pooled
/// state machines only, where each handler's own <see cref="Task"/> would be allocated per call.
/// </summary>
internal interface IValueTaskHandler
{
    /// <summary>Sends the request; what the handler's <c>SendAsync</c> does.</summary>
    ValueTask<HttpResponseMessage> SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
