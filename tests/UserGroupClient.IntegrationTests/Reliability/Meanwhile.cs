namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>
/// A caller-supplied transport that changes the server's state just before the first request that matches reaches it,
/// as another client working at the same moment would.
/// </summary>
internal sealed class Meanwhile(Func<HttpRequestMessage, bool> before, Action change) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _done;

    /// <summary>An <see cref="HttpClient"/> that runs <paramref name="change"/> once, before the first request that <paramref name="before"/> selects.</summary>
    public static HttpClient Client(Func<HttpRequestMessage, bool> before, Action change) =>
        new(new Meanwhile(before, change)) { Timeout = Timeout.InfiniteTimeSpan };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (before(request) && Interlocked.Exchange(ref _done, 1) == 0)
        {
            change();
        }

        return base.SendAsync(request, cancellationToken);
    }
}
