namespace UserGroupClient.Authentication;

/// <summary>
/// The answer of the authentication handlers to <see cref="HttpClient.Send(HttpRequestMessage)"/>: a
/// <see cref="DelegatingHandler"/> that overrides only <c>SendAsync</c> hands a synchronous send straight to the next
/// handler, so the request would leave unsigned or unauthenticated, and without a word.
/// </summary>
internal static class SynchronousSend
{
    public static NotSupportedException Refused(HttpMessageHandler handler) =>
        new($"{handler.GetType().Name} sends asynchronously only: use HttpClient.SendAsync (a synchronous Send would skip it).");
}
