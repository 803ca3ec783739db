using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>An Owl client whose API calls (through an <see cref="HttpClient"/>) and logins both go to a <see cref="StubHandler"/>.</summary>
internal sealed class OwlStub : IDisposable
{
    private readonly HttpClient _http;

    public OwlStub(StubHandler handler, OwlCredentials? credentials = null, Action<OwlClientOptions>? configure = null)
    {
        Handler = handler;
        _http = new HttpClient(handler);
        var options = new OwlClientOptions
        {
            BaseAddress = new Uri("https://owl.example.com"),
            Credentials = credentials ?? OwlCredentials.Token("test-jwt"),
        };

        // Retries would repeat the stubbed failures with real backoff delays.
        options.Resilience.Enabled = false;
        configure?.Invoke(options);
        Client = new OwlClient(options, _http, handler);
    }

    public StubHandler Handler { get; }

    public OwlClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
