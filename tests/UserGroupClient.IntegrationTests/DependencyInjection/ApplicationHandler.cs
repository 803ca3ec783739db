namespace UserGroupClient.IntegrationTests.DependencyInjection;

/// <summary>
/// A handler an application puts on its own named HttpClient: it marks each request with <see cref="Header"/> and
/// retries once on a server error, as applications' own resilience does.
/// </summary>
internal sealed class ApplicationHandler : DelegatingHandler
{
    /// <summary>The header the application's requests carry.</summary>
    public const string Header = "X-Application-Client";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation(Header, "app");
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode < 500)
        {
            return response;
        }

        response.Dispose();
        return await base.SendAsync(request, cancellationToken);
    }
}
