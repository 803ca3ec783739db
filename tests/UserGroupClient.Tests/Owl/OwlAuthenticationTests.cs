using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>Password login, renewal through refresh_token before expiry, a fresh login when that fails (docs/wire/owl.md §3).</summary>
public sealed class OwlAuthenticationTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Token(string token, DateTimeOffset expire) =>
        StubHandler.Json(HttpStatusCode.OK, $$"""{"expire":"{{expire:yyyy-MM-dd'T'HH:mm:ss'Z'}}","token":"{{token}}"}""");

    private static HttpResponseMessage Groups() => StubHandler.Json(HttpStatusCode.OK, """{"code":200,"groups":[]}""");

    [Fact]
    public async Task LogsInOnceRefreshesBeforeExpiryAndLogsInAgainWhenRefreshIsRefused()
    {
        var clock = new FakeTimeProvider(Start);
        var logins = 0;
        var refreshes = 0;
        using var owl = new OwlStub(
            new StubHandler(request => request.RequestUri!.AbsolutePath switch
            {
                "/api/v1/login" => Token($"login-{++logins}", clock.GetUtcNow().AddHours(1)),
                "/api/v1/refresh_token" when ++refreshes == 1 => Token("refreshed", clock.GetUtcNow().AddHours(1)),
                "/api/v1/refresh_token" => StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":401,"message":"Token is expired."}"""),
                _ => Groups(),
            }),
            OwlCredentials.Password("admin", "s3cret"),
            options => options.TimeProvider = clock);

        await owl.Client.HostGroups.ListAsync();
        await owl.Client.HostGroups.ListAsync();
        clock.Advance(TimeSpan.FromMinutes(56));
        await owl.Client.HostGroups.ListAsync();
        clock.Advance(TimeSpan.FromMinutes(56));
        await owl.Client.HostGroups.ListAsync();

        var sent = owl.Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery} {r.Header("Authorization")}").ToList();
        Assert.Equal(
            [
                "POST /api/v1/login ",
                "GET /api/v1/groups Bearer login-1",
                "GET /api/v1/groups Bearer login-1",
                "GET /api/v1/refresh_token Bearer login-1",
                "GET /api/v1/groups Bearer refreshed",
                "GET /api/v1/refresh_token Bearer refreshed",
                "POST /api/v1/login ",
                "GET /api/v1/groups Bearer login-2",
            ],
            sent);
        Assert.Equal("""{"username":"admin","password":"s3cret"}""", owl.Handler.Requests[0].Body);
    }

    [Fact]
    public async Task ARejectedTokenIsRenewedOnceAndTheCallResent()
    {
        var groupCalls = 0;
        var logins = 0;
        using var owl = new OwlStub(
            new StubHandler(request => request.RequestUri!.AbsolutePath switch
            {
                "/api/v1/login" => Token($"login-{++logins}", Start.AddDays(7)),
                "/api/v1/refresh_token" => StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":401,"message":"signature is invalid"}"""),
                _ when ++groupCalls == 2 => StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":401,"message":"signature is invalid"}"""),
                _ => Groups(),
            }),
            OwlCredentials.Password("admin", "s3cret"),
            options => options.TimeProvider = new FakeTimeProvider(Start));

        await owl.Client.HostGroups.ListAsync();
        await owl.Client.HostGroups.ListAsync();

        Assert.Equal(["login", "groups", "groups", "refresh_token", "login", "groups"], owl.Handler.Requests.Select(r => r.PathAndQuery.Split('/').Last()));
        Assert.Equal("Bearer login-2", owl.Handler.Requests[^1].Header("Authorization"));
    }

    [Theory]
    [InlineData("""{"code":200}""")]
    [InlineData("""{"code":200,"token":""}""")]
    public async Task ARenewalAnsweredWithoutATokenIsFollowedByAFreshLogin(string renewal)
    {
        var clock = new FakeTimeProvider(Start);
        var logins = 0;
        using var owl = new OwlStub(
            new StubHandler(request => request.RequestUri!.AbsolutePath switch
            {
                "/api/v1/login" => Token($"login-{++logins}", clock.GetUtcNow().AddHours(1)),
                "/api/v1/refresh_token" => StubHandler.Json(HttpStatusCode.OK, renewal),
                _ => Groups(),
            }),
            OwlCredentials.Password("admin", "s3cret"),
            options => options.TimeProvider = clock);

        await owl.Client.HostGroups.ListAsync();
        clock.Advance(TimeSpan.FromMinutes(56));
        await owl.Client.HostGroups.ListAsync();

        Assert.Equal(
            ["POST /api/v1/login ", "GET /api/v1/groups Bearer login-1", "GET /api/v1/refresh_token Bearer login-1", "POST /api/v1/login ", "GET /api/v1/groups Bearer login-2"],
            owl.Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery} {r.Header("Authorization")}"));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, """{"code":401,"message":"Incorrect Username / Password"}""")]
    [InlineData(HttpStatusCode.Unauthorized, """{"code":401,"message":"user is disable"}""")]
    [InlineData(HttpStatusCode.NotFound, """{"code":404,"message":"user not found"}""")]
    [InlineData(HttpStatusCode.BadRequest, """{"code":400,"message":"Missing Username or Password"}""")]
    public async Task ARefusedLoginIsAnAuthenticationError(HttpStatusCode status, string body)
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(status, body)), OwlCredentials.Password("admin", "wrong-password"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => owl.Client.HostGroups.ListAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.DoesNotContain("wrong-password", error.Message, StringComparison.Ordinal);
        Assert.Single(owl.Handler.Requests);
    }

    [Fact]
    public async Task ALoginAnswerWithoutATokenThatEchoesThePasswordShowsItNowhere()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"message":"password s3cret\u003c1 is about to expire"}""")), OwlCredentials.Password("admin", "s3cret<1"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => owl.Client.HostGroups.ListAsync());

        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGatewayFailureDuringLoginIsNotReportedAsARefusedLogin()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Text(HttpStatusCode.BadGateway, "<html>502</html>")), OwlCredentials.Password("admin", "s3cret"));

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => owl.Client.HostGroups.ListAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("/api/v1/login", error.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ABareTokenThatIsRejectedIsAnAuthenticationError()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":401,"message":"Token is expired"}""")), OwlCredentials.Token("old.jwt.value"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => owl.Client.Users.ListAsync());

        Assert.Equal("Token is expired", error.ServerMessage);
        Assert.Single(owl.Handler.Requests);
    }

    [Fact]
    public void CredentialsNeverShowSecrets()
    {
        Assert.Equal("OwlCredentials.Password(admin, ***)", OwlCredentials.Password("admin", "s3cret").ToString());
        Assert.Equal("OwlCredentials.Token(***)", OwlCredentials.Token("eyJ.abc.def").ToString());
        Assert.Throws<ArgumentException>(() => OwlCredentials.Token("two words"));
        Assert.Throws<ArgumentException>(() => OwlCredentials.Password(" ", "x"));
        Assert.Throws<ArgumentException>(() => new OwlClient(new OwlClientOptions { BaseAddress = new Uri("https://owl.example.com") }));
    }
}
