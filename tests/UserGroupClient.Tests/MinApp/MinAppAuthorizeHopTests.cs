using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>
/// The authorize step's hops against a server that answers each one as a test says: what each hop sends, which
/// redirects are followed with or without the credentials, and what each broken hop raises, never with the secret or the code.
/// </summary>
public sealed class MinAppAuthorizeHopTests
{
    private const string Secret = "client-secret-value";
    private const string AuthorizePath = "/api/oauth2/hydrogen/openapi/authorize/";
    private const string Credentials = """{"client_id":"client-id","client_secret":"client-secret-value"}""";

    private static HttpResponseMessage Redirect(HttpStatusCode status, string? location)
    {
        var response = new HttpResponseMessage(status);
        if (location is not null)
        {
            response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        }

        return response;
    }

    private static HttpResponseMessage Code() => StubHandler.Json(HttpStatusCode.OK, """{"code": "the-code", "expires_in": 600}""");

    private static async Task<UserGroupAuthenticationException> RefusedAsync(Server server) =>
        await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => server.Client.UserGroups.GetAsync(47));

    private static void ShowsNoSecret(Exception error)
    {
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("the-code", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryHopAsksForJson()
    {
        using var server = new Server(request => request.RequestUri!.AbsolutePath == AuthorizePath ? Redirect(HttpStatusCode.Found, "/hop/") : Code());

        await server.Client.UserGroups.GetAsync(47);

        Assert.Equal([$"POST {AuthorizePath}", "GET /hop/", "POST /api/oauth2/access_token/", "GET /oserve/v1/user-group/47/"], server.Sent);
        Assert.All(server.Handler.Requests.Take(2), r => Assert.Equal("application/json", r.Header("Accept")));
    }

    [Fact]
    public async Task A307OnTheSameOriginResendsTheCredentials()
    {
        using var server = new Server(request => request.RequestUri!.AbsolutePath == AuthorizePath ? Redirect(HttpStatusCode.TemporaryRedirect, "https://minapp.test:443/again/") : Code());

        await server.Client.UserGroups.GetAsync(47);

        Assert.Equal([$"POST {AuthorizePath}", "POST /again/"], server.Sent.Take(2));
        Assert.All(server.Handler.Requests.Take(2), r => Assert.Equal(Credentials, r.Body));
    }

    [Theory]
    [InlineData("https://minapp.test:8443/again/")]
    [InlineData("https://other.test/again/")]
    public async Task A308ToAnotherOriginIsRefusedBeforeTheSecretLeaves(string location)
    {
        using var server = new Server(_ => Redirect(HttpStatusCode.PermanentRedirect, location));

        var error = await RefusedAsync(server);

        Assert.Equal($"MinApp: the authorize step failed: a redirect that would resend the client secret to another origin. (POST https://minapp.test{AuthorizePath} → 308)", error.Message);
        Assert.Equal((HttpStatusCode?)HttpStatusCode.PermanentRedirect, error.StatusCode);
        Assert.Equal("MinApp", error.Dialect);
        Assert.Equal([$"POST {AuthorizePath}"], server.Sent);
    }

    [Fact]
    public async Task A307ToAnotherOriginIsFollowedOnceA302HasDroppedTheBody()
    {
        using var server = new Server(request => request.RequestUri!.AbsolutePath switch
        {
            AuthorizePath => Redirect(HttpStatusCode.SeeOther, "/hop/"),
            "/hop/" => Redirect(HttpStatusCode.TemporaryRedirect, "https://sso.test/final/"),
            _ => Code(),
        });

        await server.Client.UserGroups.GetAsync(47);

        Assert.Equal([$"POST {AuthorizePath}", "GET /hop/", "GET /final/", "POST /api/oauth2/access_token/"], server.Sent.Take(4));
        Assert.Equal("sso.test", server.Hosts[2]);
        Assert.Null(server.Handler.Requests[2].Body);
    }

    [Fact]
    public async Task ARedirectWithoutALocationIsNamedWithoutTheCodeItsAddressCarried()
    {
        using var server = new Server(request => request.RequestUri!.AbsolutePath == AuthorizePath
            ? Redirect(HttpStatusCode.Found, "/hop/?code=the-code")
            : Redirect(HttpStatusCode.Found, null));

        var error = await RefusedAsync(server);

        Assert.Equal("MinApp: the authorize step failed: a redirect without a Location header. (GET https://minapp.test/hop/ → 302)", error.Message);
        Assert.Equal(new Uri("https://minapp.test/hop/"), error.RequestUri);
        Assert.Equal("GET", error.RequestMethod);
        ShowsNoSecret(error);
    }

    [Fact]
    public async Task ARedirectToANonHttpAddressIsRefused()
    {
        using var server = new Server(_ => Redirect(HttpStatusCode.Found, "ftp://minapp.test/code/"));

        var error = await RefusedAsync(server);

        Assert.Equal($"MinApp: the authorize step failed: a redirect to a non-HTTP address (ftp). (POST https://minapp.test{AuthorizePath} → 302)", error.Message);
        Assert.Equal([$"POST {AuthorizePath}"], server.Sent);
    }

    [Fact]
    public async Task ARefusedAuthorizeSaysSoWithTheServersWords()
    {
        using var server = new Server(_ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"error": "invalid_client", "error_description": "bad client client-secret-value"}"""));

        var error = await RefusedAsync(server);

        Assert.Equal($"MinApp: the authorize step was refused: bad client *** (POST https://minapp.test{AuthorizePath} → 401, code invalid_client)", error.Message);
        ShowsNoSecret(error);
    }

    [Fact]
    public async Task AnAuthorizeThatCannotBeSentIsAnApiErrorNamingTheRequest()
    {
        using var server = new Server(_ => throw new HttpRequestException("connection refused"));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => server.Client.UserGroups.GetAsync(47));

        Assert.Equal($"MinApp: the authorize request could not be sent or its response could not be received: connection refused (POST https://minapp.test{AuthorizePath})", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        ShowsNoSecret(error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFinalAnswerWhoseBodyBreaksOffIsAnApiError(bool asHttpRequestException)
    {
        using var server = new Server(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(asHttpRequestException)) });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => server.Client.UserGroups.GetAsync(47));

        Assert.Equal($"MinApp answered with a response the SDK could not read: the body could not be read to its end (connection reset). (POST https://minapp.test{AuthorizePath} → 200)", error.Message);
        Assert.Equal("", error.ResponseBody);
        Assert.IsAssignableFrom(asHttpRequestException ? typeof(HttpRequestException) : typeof(IOException), error.InnerException);
        ShowsNoSecret(error);
    }

    [Fact]
    public async Task AFinalAnswerOverTheSizeLimitIsAnApiErrorNamingTheLimit()
    {
        var body = "{\"code\": \"the-code\", \"padding\": \"" + new string('x', 2000) + "\"}";
        using var server = new Server(
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))) },
            o => o.MaxResponseContentBytes = 1024);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => server.Client.UserGroups.GetAsync(47));

        Assert.Equal($"MinApp answered with a response the SDK could not read: the response body is larger than the 1024-byte limit (UserGroupClientOptions.MaxResponseContentBytes). (POST https://minapp.test{AuthorizePath} → 200)", error.Message);
        ShowsNoSecret(error);
    }

    /// <summary>A MinApp client whose transport answers the authorize hops with <c>authorize</c>, then issues a token and answers the API.</summary>
    private sealed class Server : IDisposable
    {
        private readonly HttpClient _http;
        private readonly List<string> _hosts = [];

        public Server(Func<HttpRequestMessage, HttpResponseMessage> authorize, Action<MinAppClientOptions>? configure = null)
        {
            Handler = new StubHandler(request =>
            {
                lock (_hosts)
                {
                    _hosts.Add(request.RequestUri!.Host);
                }

                return Answer(request, authorize);
            });
            _http = new HttpClient(Handler);
            var options = new MinAppClientOptions
            {
                BaseAddress = new Uri("https://minapp.test/"),
                Credentials = MinAppCredentials.ClientCredentials("client-id", Secret),
                TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            };
            options.Resilience.Enabled = false;
            configure?.Invoke(options);
            Client = new MinAppClient(options, _http, Handler);
        }

        public StubHandler Handler { get; }

        public MinAppClient Client { get; }

        public IReadOnlyList<string> Sent => [.. Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery}")];

        public IReadOnlyList<string> Hosts
        {
            get
            {
                lock (_hosts)
                {
                    return [.. _hosts];
                }
            }
        }

        private static HttpResponseMessage Answer(HttpRequestMessage request, Func<HttpRequestMessage, HttpResponseMessage> authorize) => request.RequestUri!.AbsolutePath switch
        {
            "/api/oauth2/access_token/" => StubHandler.Json(HttpStatusCode.OK, """{"access_token": "access-1", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "refresh-1"}"""),
            "/oserve/v1/user-group/47/" => StubHandler.Json(HttpStatusCode.OK, """{"id": 47, "name": "User Group"}"""),
            _ => authorize(request),
        };

        public void Dispose()
        {
            Client.Dispose();
            _http.Dispose();
        }
    }

    /// <summary>A body that fails on its first read, as a connection reset after the headers.</summary>
    private sealed class BreakingStream(bool asHttpRequestException) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw (asHttpRequestException ? new HttpRequestException("connection reset") : new IOException("connection reset"));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset");
    }
}
