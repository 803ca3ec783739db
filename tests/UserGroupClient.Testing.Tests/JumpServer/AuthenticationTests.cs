using System.Net;
using System.Net.Http.Headers;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Testing.Tests.JumpServer;

/// <summary>Password login, Bearer expiry, private tokens, anonymous and non-admin callers (docs/wire/jumpserver.md §5, §6).</summary>
public sealed class AuthenticationTests
{
    private const string Groups = "/api/v1/users/groups/";

    [Theory]
    [InlineData("/api/v1/authentication/auth/")]
    [InlineData("/api/v1/authentication/tokens/")]
    public async Task LoginIssuesATokenThatAuthenticates(string loginPath)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 7, 2, 3, 48, 25, TimeSpan.Zero));
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = clock });
        using var client = Wire.Client(jms);

        using var login = await client.PostAsync(loginPath, Wire.Json("{\"username\":\"admin\",\"password\":\"admin-password\"}"));
        var body = await Wire.ReadJsonAsync(login);

        Assert.Equal(HttpStatusCode.Created, login.StatusCode);
        var token = (string)body!["token"]!;
        Assert.Equal(36, token.Length);
        Assert.Equal("Bearer", (string?)body["keyword"]);
        Assert.Equal("2026/07/03 11:48:25 +0800", (string?)body["date_expired"]);
        Assert.Equal("admin", (string?)body["user"]!["username"]);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var list = await client.GetAsync(Groups + "?limit=1");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task LoginAcceptsAForm()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddUser("alice", password: "secret-1");
        using var client = Wire.Client(jms);

        using var login = await client.PostAsync(
            "/api/v1/authentication/auth/",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "alice", ["password"] = "secret-1" }));

        Assert.Equal(HttpStatusCode.Created, login.StatusCode);
    }

    [Fact]
    public async Task MfaUserGetsA200WithoutToken()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddUser("bob", password: "pw", mfaRequired: true);
        using var client = Wire.Client(jms);

        using var login = await client.PostAsync("/api/v1/authentication/auth/", Wire.Json("{\"username\":\"bob\",\"password\":\"pw\"}"));
        var body = await Wire.ReadJsonAsync(login);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("mfa_required", (string?)body!["error"]);
        Assert.Null(body["token"]);
        Assert.Equal("/api/v1/authentication/mfa/challenge/", (string?)body["data"]!["url"]);
    }

    [Fact]
    public async Task WrongPasswordIsA400PasswordFailed()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.Client(jms);

        using var login = await client.PostAsync("/api/v1/authentication/auth/", Wire.Json("{\"username\":\"admin\",\"password\":\"nope\"}"));
        var body = await Wire.ReadJsonAsync(login);

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal("password_failed", (string?)body!["error"]);
        Assert.Contains("You can also try 6 times", (string?)body["msg"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredBearerTokenIsNotAuthenticated()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(50));
        await using var jms = await JumpServerEmulator.StartAsync(new() { TimeProvider = clock, TokenLifetime = TimeSpan.FromHours(1) });
        using var client = Wire.Client(jms, jms.IssueBearerToken(JumpServerEmulator.AdminUsername));

        using (var fresh = await client.GetAsync(Groups))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(1));
        using var expired = await client.GetAsync(Groups);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Bearer", expired.Headers.WwwAuthenticate.ToString());
        Assert.Equal("not_authenticated", (string?)(await Wire.ReadJsonAsync(expired))!["code"]);
    }

    [Fact]
    public async Task MalformedBearerHeaderFails()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.Client(jms);
        using var request = new HttpRequestMessage(HttpMethod.Get, Groups);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer a b");

        using var response = await client.SendAsync(request);
        var body = await Wire.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authentication_failed", (string?)body!["code"]);
    }

    [Fact]
    public async Task PrivateTokenUsesTheTokenKeyword()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var token = jms.AddPrivateToken(JumpServerEmulator.AdminUsername);
        using var client = Wire.Client(jms);
        Assert.Matches("^[0-9a-f]{40}$", token);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        using var good = await client.GetAsync(Groups);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "0000000000000000000000000000000000000000");
        using var bad = await client.GetAsync(Groups);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("PrivateToken", token);
        using var wrongKeyword = await client.GetAsync(Groups);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("{\"detail\":\"Invalid token.\",\"code\":\"authentication_failed\"}", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKeyword.StatusCode);
        Assert.Equal("not_authenticated", (string?)(await Wire.ReadJsonAsync(wrongKeyword))!["code"]);
    }

    [Fact]
    public async Task InactiveUsersPrivateTokenIsRefused()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddUser("dormant", isAdmin: true, isActive: false);
        using var client = Wire.Client(jms);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", jms.AddPrivateToken("dormant"));

        using var response = await client.GetAsync(Groups);

        Assert.Equal("User inactive or deleted.", (string?)(await Wire.ReadJsonAsync(response))!["detail"]);
    }

    [Fact]
    public async Task AnonymousRequestIsA401WithBearerChallenge()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.Client(jms);

        using var response = await client.GetAsync(Groups);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(
            "{\"detail\":\"Authentication credentials were not provided.\",\"code\":\"not_authenticated\"}",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NonAdminMayReadGroupsButNotChangeThem()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        jms.AddUser("carol", password: "pw");
        var group = jms.AddGroup("readers");
        using var client = Wire.Client(jms, jms.IssueBearerToken("carol"));

        using var list = await client.GetAsync(Groups);
        using var detail = await client.GetAsync(Groups + group.Id + "/");
        using var create = await client.PostAsync(Groups, Wire.Json("{\"name\":\"x\"}"));
        using var users = await client.GetAsync("/api/v1/users/users/");
        using var root = await client.GetAsync(Groups + "?oid=root");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(
            "{\"detail\":\"You do not have permission to perform this action.\",\"code\":\"permission_denied\"}",
            await create.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, root.StatusCode);
    }

    [Fact]
    public async Task StaleAuthorizationOnLoginIsIgnoredButBrokenOneFails()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.Client(jms);
        using var stale = new HttpRequestMessage(HttpMethod.Post, "/api/v1/authentication/auth/")
        {
            Content = Wire.Json("{\"username\":\"admin\",\"password\":\"admin-password\"}"),
        };
        stale.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "expired-token");
        using var broken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/authentication/auth/")
        {
            Content = Wire.Json("{\"username\":\"admin\",\"password\":\"admin-password\"}"),
        };
        broken.Headers.Authorization = new AuthenticationHeaderValue("Token", "unknown");

        using var staleResponse = await client.SendAsync(stale);
        using var brokenResponse = await client.SendAsync(broken);

        Assert.Equal(HttpStatusCode.Created, staleResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, brokenResponse.StatusCode);
    }
}
