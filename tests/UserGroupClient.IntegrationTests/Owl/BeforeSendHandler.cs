namespace UserGroupClient.IntegrationTests.Owl;

/// <summary>Runs an action before a request leaves, to act as another client changing the server between two calls.</summary>
internal sealed class BeforeSendHandler(Func<HttpRequestMessage, Task> beforeSend) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await beforeSend(request);
        return await base.SendAsync(request, cancellationToken);
    }
}
