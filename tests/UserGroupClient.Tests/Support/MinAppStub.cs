using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.MinApp;

namespace UserGroupClient.Tests.Support;

/// <summary>
/// A MinApp server in a <see cref="StubHandler"/>: the authorize step answers 302 → 302 → 200 and checks its session
/// cookie, the token endpoint reads form fields only, issues numbered tokens and honours refresh, and every other path goes to <see cref="Api"/>
/// once the Bearer token checks out.
/// </summary>
internal sealed class MinAppStub : IDisposable
{
    public const string ClientId = "client-id";
    public const string ClientSecret = "client-secret-value";
    private const string Session = "minapp_session=s3ss10n";

    private readonly HttpClient _http;
    private readonly object _sync = new();
    private readonly List<Dictionary<string, string>> _tokenForms = [];
    private int _issued;

    public MinAppStub(MinAppCredentials? credentials = null, Action<MinAppClientOptions>? configure = null)
    {
        Handler = new StubHandler(Respond);
        _http = new HttpClient(Handler);
        var options = new MinAppClientOptions
        {
            BaseAddress = new Uri("https://minapp.test/"),
            Credentials = credentials ?? MinAppCredentials.ClientCredentials(ClientId, ClientSecret),
            TimeProvider = Clock,
        };

        // Retries would repeat the stubbed failures with real backoff delays.
        options.Resilience.Enabled = false;
        configure?.Invoke(options);
        Client = new MinAppClient(options, _http, Handler);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public StubHandler Handler { get; }

    public MinAppClient Client { get; }

    public IUserGroupService Service => Client.AsUserGroupService();

    /// <summary>Answers API calls that carry a valid token.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage> Api { get; set; } = _ => StubHandler.Json(HttpStatusCode.OK, "{}");

    /// <summary>Replaces the token endpoint's answer when it returns non-null.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?> TokenOverride { get; set; } = _ => null;

    /// <summary>Replaces the first authorize hop's answer when it returns non-null.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?> AuthorizeOverride { get; set; } = _ => null;

    public int ExpiresIn { get; set; } = 3600;

    public int Authorizations { get; private set; }

    public int Refreshes { get; private set; }

    public string? AccessToken { get; private set; }

    public string? RefreshToken { get; private set; }

    /// <summary>The form fields of every request the token endpoint read, overridden answers included (empty when the body was no form).</summary>
    public IReadOnlyList<Dictionary<string, string>> TokenForms
    {
        get
        {
            lock (_sync)
            {
                return [.. _tokenForms];
            }
        }
    }

    public IEnumerable<RecordedRequest> ApiRequests => Handler.Requests.Where(r => r.PathAndQuery.StartsWith("/oserve/", StringComparison.Ordinal) || r.PathAndQuery.StartsWith("/prefix/", StringComparison.Ordinal));

    /// <summary>Ends the current pair, as another client's refresh would.</summary>
    public void RevokeTokens()
    {
        lock (_sync)
        {
            AccessToken = null;
            RefreshToken = null;
        }
    }

    /// <summary>Accepts a token issued elsewhere, for clients with fixed access tokens.</summary>
    public void Accept(string accessToken)
    {
        lock (_sync)
        {
            AccessToken = accessToken;
            RefreshToken = null;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }

    private static HttpResponseMessage Redirect(string location, string? setCookie = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        if (setCookie is not null)
        {
            response.Headers.Add("Set-Cookie", setCookie);
        }

        return response;
    }

    private static bool HasSession(HttpRequestMessage request) =>
        request.Headers.TryGetValues("Cookie", out var cookies) && cookies.Any(c => c.Contains(Session, StringComparison.Ordinal));

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        switch (path)
        {
            case "/api/oauth2/hydrogen/openapi/authorize/":
                if (AuthorizeOverride(request) is { } overridden)
                {
                    return overridden;
                }

                var body = JsonNode.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult())!;
                return (string?)body["client_id"] == ClientId && (string?)body["client_secret"] == ClientSecret
                    ? Redirect("/hop/one/", Session + "; Path=/")
                    : StubHandler.Json(HttpStatusCode.Unauthorized, """{"error": "invalid_client", "error_description": "bad client"}""");
            case "/hop/one/":
                return HasSession(request) && request.Method == HttpMethod.Get && request.Content is null
                    ? Redirect("https://minapp.test/hop/two/")
                    : StubHandler.Json(HttpStatusCode.BadRequest, """{"error": "invalid_request"}""");
            case "/hop/two/":
                lock (_sync)
                {
                    Authorizations++;
                    return HasSession(request)
                        ? StubHandler.Json(HttpStatusCode.OK, $$"""{"code": "code-{{Authorizations}}", "expires_in": 600}""")
                        : StubHandler.Json(HttpStatusCode.BadRequest, """{"error": "invalid_request"}""");
                }

            case "/api/oauth2/access_token/":
                var fields = FormBody.Read(request.Content?.Headers.ContentType, request.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? "");
                lock (_sync)
                {
                    _tokenForms.Add(fields);
                }

                return TokenOverride(request) ?? Token(fields);
        }

        lock (_sync)
        {
            if (request.Headers.Authorization?.Parameter is not { } token || token != AccessToken)
            {
                return StubHandler.Json(HttpStatusCode.Unauthorized, """{"status": "error", "error_msg": "未授权"}""");
            }
        }

        return Api(request);
    }

    // As the server's OAuth provider: form fields only (a JSON body has none), the grant type first, then the client.
    private HttpResponseMessage Token(Dictionary<string, string> fields)
    {
        lock (_sync)
        {
            var grantType = fields.GetValueOrDefault("grant_type");
            if (grantType is null)
            {
                return StubHandler.Json(HttpStatusCode.BadRequest, """{"error": "invalid_request", "error_description": "No 'grant_type' included in the request."}""");
            }

            if (fields.GetValueOrDefault("client_id") != ClientId || fields.GetValueOrDefault("client_secret") != ClientSecret)
            {
                return StubHandler.Json(HttpStatusCode.BadRequest, """{"error": "invalid_client"}""");
            }

            var valid = grantType switch
            {
                "authorization_code" => fields.GetValueOrDefault("code") == $"code-{Authorizations}",
                "refresh_token" => RefreshToken is not null && fields.GetValueOrDefault("refresh_token") == RefreshToken,
                _ => false,
            };
            if (!valid)
            {
                return StubHandler.Json(HttpStatusCode.BadRequest, """{"error": "invalid_grant"}""");
            }

            if (grantType == "refresh_token")
            {
                Refreshes++;
            }

            _issued++;
            AccessToken = $"access-{_issued}";
            RefreshToken = $"refresh-{_issued}";
            return StubHandler.Json(HttpStatusCode.OK, $$"""{"access_token": "{{AccessToken}}", "token_type": "Bearer", "expires_in": {{ExpiresIn}}, "refresh_token": "{{RefreshToken}}", "scope": "write"}""");
        }
    }
}
