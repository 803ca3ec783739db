using UserGroupClient.JumpServer;

namespace UserGroupClient.Tests.Support;

/// <summary>A JumpServer client whose API calls (through an <see cref="HttpClient"/>) and logins both go to a <see cref="StubHandler"/>.</summary>
internal sealed class JumpServerStub : IDisposable
{
    private readonly HttpClient _http;

    public JumpServerStub(StubHandler handler, JumpServerCredentials? credentials = null, Action<JumpServerClientOptions>? configure = null)
    {
        Handler = handler;
        _http = new HttpClient(handler);
        var options = new JumpServerClientOptions
        {
            BaseAddress = new Uri("https://jms.example.com"),
            Credentials = credentials ?? JumpServerCredentials.Bearer("test-token"),
        };

        // Retries would repeat the stubbed failures with real backoff delays; the resilience tests turn them on.
        options.Resilience.Enabled = false;
        configure?.Invoke(options);
        Client = new JumpServerClient(options, _http, handler);
    }

    public StubHandler Handler { get; }

    public JumpServerClient Client { get; }

    public IUserGroupService Service => Client.AsUserGroupService();

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
