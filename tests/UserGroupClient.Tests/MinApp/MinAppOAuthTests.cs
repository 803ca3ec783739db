using System.Net;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>The client-credentials flow against a stub: redirects and cookie, caching, refresh, refused refresh, 401, secrecy.</summary>
public sealed class MinAppOAuthTests
{
    private const string GroupJson = """{"id": 47, "members": 0, "name": "User Group", "parent": null}""";

    [Fact]
    public async Task AuthorizeFollowsBothRedirectsWithItsCookieThenExchangesTheCode()
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson) };

        var group = await stub.Client.UserGroups.GetAsync(47);

        Assert.Equal("User Group", group.Name);
        var requests = stub.Handler.Requests;
        Assert.Equal(["POST /api/oauth2/hydrogen/openapi/authorize/", "GET /hop/one/", "GET /hop/two/", "POST /api/oauth2/access_token/", "GET /oserve/v1/user-group/47/"], requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal("""{"client_id":"client-id","client_secret":"client-secret-value"}""", requests[0].Body);
        Assert.Null(requests[0].Header("Cookie"));
        Assert.Equal("minapp_session=s3ss10n", requests[1].Header("Cookie"));
        Assert.Null(requests[1].Body);
        Assert.Equal("minapp_session=s3ss10n", requests[2].Header("Cookie"));
        Assert.Null(requests[3].Header("Cookie"));
        Assert.Equal("Bearer access-1", requests[4].Header("Authorization"));
        Assert.Null(requests[4].Header("Cookie"));
    }

    [Fact]
    public async Task TheCodeExchangeIsAMultipartFormThatAFormOnlyServerReads()
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson) };

        await stub.Client.UserGroups.GetAsync(47);

        Assert.Equal(
            new Dictionary<string, string> { ["client_id"] = "client-id", ["client_secret"] = "client-secret-value", ["grant_type"] = "authorization_code", ["code"] = "code-1" },
            Assert.Single(stub.TokenForms));
        var exchange = stub.Handler.Requests.Single(r => r.PathAndQuery == "/api/oauth2/access_token/");
        Assert.StartsWith("--UserGroupClient-", exchange.Body, StringComparison.Ordinal);
        Assert.Equal("application/json", exchange.Header("Accept"));
    }

    [Fact]
    public async Task BothGrantsSendTheFormsOwnMultipartBytesWithoutTheEnvironment()
    {
        using var stub = new MinAppStub(configure: o => o.EnvironmentId = "test-env") { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson), ExpiresIn = 3600 };

        await stub.Client.UserGroups.GetAsync(47);
        stub.Clock.Advance(TimeSpan.FromMinutes(56));
        await stub.Client.UserGroups.GetAsync(47);

        var exchanges = stub.Handler.Requests.Where(r => r.PathAndQuery == "/api/oauth2/access_token/").ToList();
        Assert.Equal(2, exchanges.Count);
        Assert.Equal(
            [Form(exchanges[0].Body!, ("grant_type", "authorization_code"), ("code", "code-1")), Form(exchanges[1].Body!, ("grant_type", "refresh_token"), ("refresh_token", "refresh-1"))],
            exchanges.Select(e => e.Body));
        Assert.All(exchanges, e => Assert.Equal(("application/json", (string?)null), (e.Header("Accept"), e.Header("X-Hydrogen-Env-ID"))));
    }

    [Fact]
    public async Task TokenIsCachedThenRenewedWithTheRefreshTokenBeforeItExpires()
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson), ExpiresIn = 3600 };

        await stub.Client.UserGroups.GetAsync(47);
        stub.Clock.Advance(TimeSpan.FromMinutes(50));
        await stub.Client.UserGroups.GetAsync(47);
        Assert.Equal(0, stub.Refreshes);

        stub.Clock.Advance(TimeSpan.FromMinutes(6));
        await stub.Client.UserGroups.GetAsync(47);

        Assert.Equal(1, stub.Authorizations);
        Assert.Equal(1, stub.Refreshes);
        Assert.Equal(
            new Dictionary<string, string> { ["client_id"] = "client-id", ["client_secret"] = "client-secret-value", ["grant_type"] = "refresh_token", ["refresh_token"] = "refresh-1" },
            stub.TokenForms[^1]);
        Assert.Equal("Bearer access-2", stub.ApiRequests.Last().Header("Authorization"));
    }

    [Fact]
    public async Task RefusedRefreshFallsBackToAFreshAuthorize()
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson), ExpiresIn = 3600 };
        await stub.Client.UserGroups.GetAsync(47);
        stub.RevokeTokens();
        stub.Clock.Advance(TimeSpan.FromHours(2));

        await stub.Client.UserGroups.GetAsync(47);

        Assert.Equal(2, stub.Authorizations);
        Assert.Equal(0, stub.Refreshes);
        Assert.Equal(
            ["authorize", "token", "token", "authorize", "token"],
            stub.Handler.Requests.Where(r => r.PathAndQuery.StartsWith("/api/", StringComparison.Ordinal)).Select(r => r.PathAndQuery.Contains("authorize", StringComparison.Ordinal) ? "authorize" : "token"));
        Assert.Equal(["authorization_code", "refresh_token", "authorization_code"], stub.TokenForms.Select(form => form["grant_type"]));
        Assert.Equal("Bearer access-2", stub.ApiRequests.Last().Header("Authorization"));
    }

    [Fact]
    public async Task A401RenewsTheTokenOnceAndResendsOnce()
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson) };
        await stub.Client.UserGroups.GetAsync(47);

        // The server forgets the access token but keeps the refresh token, as after a server-side expiry.
        var refreshToken = stub.RefreshToken;
        stub.Api = request => request.Headers.Authorization!.Parameter == "access-1"
            ? StubHandler.Json(HttpStatusCode.Unauthorized, """{"status": "error", "error_msg": "expired"}""")
            : StubHandler.Json(HttpStatusCode.OK, GroupJson);

        var group = await stub.Client.UserGroups.GetAsync(47);

        Assert.Equal(47, group.Id);
        Assert.Equal(1, stub.Refreshes);
        Assert.Equal(["Bearer access-1", "Bearer access-1", "Bearer access-2"], stub.ApiRequests.Select(r => r.Header("Authorization")));
        Assert.NotEqual(refreshToken, stub.RefreshToken);
    }

    [Fact]
    public async Task A401AfterTheResendIsFinal()
    {
        using var stub = new MinAppStub();
        stub.Api = _ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"status": "error", "error_msg": "nope"}""");

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Equal(2, stub.ApiRequests.Count());
        Assert.Equal("nope", error.ServerMessage);
    }

    [Fact]
    public async Task ConcurrentCallsShareOneAuthorization()
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson) };

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => stub.Client.UserGroups.GetAsync(47)));

        Assert.Equal(1, stub.Authorizations);
        Assert.Single(stub.Handler.Requests, r => r.PathAndQuery == "/api/oauth2/access_token/");
    }

    [Fact]
    public async Task RefusedCodeExchangeNeverShowsTheCodeOrTheSecret()
    {
        using var stub = new MinAppStub
        {
            TokenOverride = _ => StubHandler.Json(HttpStatusCode.BadRequest, """{"error": "invalid_grant", "error_description": "code code-1 was already used", "code": "code-1"}"""),
        };

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Null(error.InnerException);
        foreach (var text in new[] { error.Message, error.ServerMessage, error.ResponseBody, error.ToString() })
        {
            Assert.DoesNotContain("code-1", text!, StringComparison.Ordinal);
            Assert.DoesNotContain(MinAppStub.ClientSecret, text!, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"error": "invalid_client"}""", "MinApp: the token endpoint refused the client id or secret (invalid_client).")]
    [InlineData("""{"error": "invalid_request", "error_description": "No 'grant_type' included in the request."}""", "MinApp: the token endpoint could not read the token request (invalid_request): No 'grant_type' included in the request.")]
    [InlineData("""{"error": "invalid_grant", "error_description": "Invalid code"}""", "MinApp: the authorization code was refused (invalid_grant): Invalid code")]
    [InlineData("""{"status": "error"}""", "MinApp: the authorization code exchange was refused: HTTP 400")]
    [InlineData("""{"error": "unsupported_grant_type"}""", "MinApp: the token endpoint refused the authorization_code grant (unsupported_grant_type).")]
    public async Task ARefusedCodeExchangeSaysWhatWasRefused(string answer, string message)
    {
        using var stub = new MinAppStub { TokenOverride = _ => StubHandler.Json(HttpStatusCode.BadRequest, answer) };

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.StartsWith(message + " (POST https://minapp.test/api/oauth2/access_token/", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.DoesNotContain(MinAppStub.ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("code-1", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stub.ApiRequests);
    }

    [Theory]
    [InlineData("invalid_client", "the token endpoint refused the client id or secret")]
    [InlineData("invalid_request", "the token endpoint could not read the token request")]
    [InlineData("unsupported_grant_type", "the token endpoint refused the refresh_token grant (unsupported_grant_type)")]
    public async Task ARefreshRefusedForTheClientOrTheRequestSurfacesInsteadOfAuthorizingAfresh(string code, string refusal)
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson), ExpiresIn = 3600 };
        await stub.Client.UserGroups.GetAsync(47);
        stub.TokenOverride = _ => StubHandler.Json(HttpStatusCode.BadRequest, $$"""{"error": "{{code}}"}""");
        stub.Clock.Advance(TimeSpan.FromHours(2));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(refusal, error.Message, StringComparison.Ordinal);
        Assert.Equal(["authorization_code", "refresh_token"], stub.TokenForms.Select(form => form["grant_type"]));
        Assert.Equal(1, stub.Authorizations);
        Assert.DoesNotContain("refresh-1", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(MinAppStub.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusalWhoseBodyEchoesTheFormShowsNoCredential()
    {
        using var stub = new MinAppStub
        {
            TokenOverride = request => StubHandler.Text(HttpStatusCode.BadRequest, "<pre>" + request.Content!.ReadAsStringAsync().GetAwaiter().GetResult() + "</pre>"),
        };

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Contains("name=\"client_secret\"", error.ResponseBody, StringComparison.Ordinal);
        foreach (var text in new[] { error.Message, error.ServerMessage, error.ResponseBody, error.ToString() })
        {
            Assert.DoesNotContain(MinAppStub.ClientSecret, text!, StringComparison.Ordinal);
            Assert.DoesNotContain("code-1", text!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RefusedClientCredentialsAreAnAuthenticationFailureWithoutTheSecret()
    {
        using var stub = new MinAppStub(MinAppCredentials.ClientCredentials(MinAppStub.ClientId, "wrong-secret-value"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.DoesNotContain("wrong-secret-value", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stub.ApiRequests);
    }

    [Fact]
    public async Task EndlessRedirectsStopAfterTheLimit()
    {
        using var stub = new MinAppStub { AuthorizeOverride = _ => Redirect("/api/oauth2/hydrogen/openapi/authorize/") };

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Contains("more than 5 redirects", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, stub.Handler.Requests.Count);
    }

    [Fact]
    public async Task ARedirectToPlainHttpIsRefused()
    {
        using var stub = new MinAppStub { AuthorizeOverride = _ => Redirect("http://minapp.test/hop/one/?code=leak") };

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Contains("https to plain http", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.Handler.Requests);
    }

    [Fact]
    public async Task A307ToAnotherOriginDoesNotResendTheSecret()
    {
        using var stub = new MinAppStub
        {
            AuthorizeOverride = _ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
                response.Headers.Location = new Uri("https://elsewhere.test/collect/");
                return response;
            },
        };

        await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Single(stub.Handler.Requests);
    }

    [Fact]
    public async Task AFinalAnswerWithoutACodeIsAnAuthenticationFailure()
    {
        using var stub = new MinAppStub { AuthorizeOverride = _ => StubHandler.Text(HttpStatusCode.OK, "<html>login</html>") };

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Contains("no code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFixedAccessTokenIsSentAndA401IsFinal()
    {
        using var stub = new MinAppStub(MinAppCredentials.AccessToken("fixed-token"));
        stub.Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson);

        await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        var request = Assert.Single(stub.Handler.Requests);
        Assert.Equal("Bearer fixed-token", request.Header("Authorization"));
    }

    [Fact]
    public void CredentialsNeverShowTheirSecrets()
    {
        Assert.Equal("MinAppCredentials.ClientCredentials(client-id, ***)", MinAppCredentials.ClientCredentials("client-id", "s3cret").ToString());
        Assert.Equal("MinAppCredentials.AccessToken(***)", MinAppCredentials.AccessToken("t0ken").ToString());
        Assert.Throws<ArgumentException>(() => MinAppCredentials.AccessToken("a b"));
        Assert.Throws<ArgumentException>(() => MinAppCredentials.ClientCredentials("id", " "));
    }

    private static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    // The multipart body MinAppTokenForm writes, with the boundary the body itself opens with.
    private static string Form(string body, params (string Name, string Value)[] grant)
    {
        var boundary = body[2..body.IndexOf("\r\n", StringComparison.Ordinal)];
        (string Name, string Value)[] fields = [("client_id", MinAppStub.ClientId), ("client_secret", MinAppStub.ClientSecret), .. grant];
        return string.Concat(fields.Select(f => $"--{boundary}\r\nContent-Disposition: form-data; name=\"{f.Name}\"\r\n\r\n{f.Value}\r\n")) + $"--{boundary}--\r\n";
    }
}
