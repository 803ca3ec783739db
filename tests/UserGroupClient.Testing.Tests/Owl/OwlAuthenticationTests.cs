using System.Net;
using System.Text.Json.Nodes;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Testing.Tests.Owl;

/// <summary>gin-jwt login, refresh and the middleware's refusals (docs/wire/owl.md §3).</summary>
public sealed class OwlAuthenticationTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LoginAnswersATokenAndExpireWithoutCode()
    {
        var clock = new ManualClock(Start);
        await using var owl = await OwlEmulator.StartAsync(new() { TimeProvider = clock });
        using var client = OwlWire.Client(owl);

        using var response = await client.PostAsync("api/v1/login", OwlWire.Json("""{"username":"admin","password":" admin "}"""));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.ContainsKey("code"));
        Assert.Equal("2025-03-08T08:00:00Z", (string?)body["expire"]);
        Assert.Equal(3, ((string)body["token"]!).Split('.').Length);
    }

    [Theory]
    [InlineData("""{"username":"admin"}""", HttpStatusCode.BadRequest, "Missing Username or Password")]
    [InlineData("not json", HttpStatusCode.BadRequest, "Missing Username or Password")]
    [InlineData("""{"username":"nobody","password":"x"}""", HttpStatusCode.NotFound, "user not found")]
    [InlineData("""{"username":"admin","password":"wrong"}""", HttpStatusCode.Unauthorized, "Incorrect Username / Password")]
    [InlineData("""{"username":"off","password":"off"}""", HttpStatusCode.Unauthorized, "user is disable")]
    public async Task LoginRefusalsCarryRealStatuses(string body, HttpStatusCode status, string message)
    {
        await using var owl = await OwlEmulator.StartAsync();
        owl.AddUser("off", status: 0);
        using var client = OwlWire.Client(owl);

        using var response = await client.PostAsync("api/v1/login", OwlWire.Json(body));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, response.StatusCode);
        Assert.Equal((int)status, (int)json["code"]!);
        Assert.Equal(message, (string?)json["message"]);
        Assert.Equal("JWT realm=TalkingData", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "auth header empty")]
    [InlineData("Token abc", HttpStatusCode.Unauthorized, "invalid auth header")]
    [InlineData("Bearer a.b.c", HttpStatusCode.Unauthorized, "signature is invalid")]
    public async Task TheMiddlewareRefusesMissingAndBadTokens(string? authorization, HttpStatusCode status, string message)
    {
        await using var owl = await OwlEmulator.StartAsync();
        using var client = OwlWire.Client(owl);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/groups");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);
    }

    [Fact]
    public async Task RefreshKeepsTheLoginTimeAndClosesAfterMaxRefresh()
    {
        var clock = new ManualClock(Start);
        await using var owl = await OwlEmulator.StartAsync(new() { TimeProvider = clock, TokenLifetime = TimeSpan.FromHours(1), MaxRefresh = TimeSpan.FromHours(2) });
        var token = owl.IssueToken(OwlEmulator.AdminUsername);

        clock.Advance(TimeSpan.FromMinutes(50));
        using var first = OwlWire.Client(owl, token);
        var refreshed = await OwlWire.SendAsync(first, HttpMethod.Get, "api/v1/refresh_token");
        clock.Advance(TimeSpan.FromMinutes(50));
        using var second = OwlWire.Client(owl, (string)refreshed["token"]!);
        var again = await OwlWire.SendAsync(second, HttpMethod.Get, "api/v1/refresh_token");
        clock.Advance(TimeSpan.FromMinutes(50));
        using var third = OwlWire.Client(owl, (string)again["token"]!);
        var closed = await OwlWire.SendAsync(third, HttpMethod.Get, "api/v1/refresh_token");
        clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await OwlWire.SendAsync(third, HttpMethod.Get, "api/v1/groups");

        Assert.Equal("2025-03-01T09:50:00Z", (string?)refreshed["expire"]);
        Assert.Equal("Token is expired.", (string?)closed["message"]);
        Assert.Equal("Token is expired", (string?)expired["message"]);
    }

    [Fact]
    public async Task DeletedAndDisabledUsersAreRefusedByTheUserMiddleware()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var bob = owl.AddUser("bob");
        var bobToken = owl.IssueToken("bob");
        var carolToken = owl.IssueToken(owl.AddUser("carol").Username);
        using var admin = OwlWire.AdminClient(owl);
        await OwlWire.SendAsync(admin, HttpMethod.Delete, $"api/v1/users/{bob.Id}");
        owl.SetUserStatus("carol", 2);

        using var bobClient = OwlWire.Client(owl, bobToken);
        using var carolClient = OwlWire.Client(owl, carolToken);
        using var deleted = await bobClient.GetAsync("api/v1/groups");
        using var disabled = await carolClient.GetAsync("api/v1/groups");

        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
        Assert.Equal("""{"code":401,"message":"user is disable"}""", await disabled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnlyAdministratorsCreateAndDeleteUsers()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var alice = owl.AddUser("alice");
        using var client = OwlWire.Client(owl, owl.IssueToken("alice"));

        using var create = await client.PutAsync("api/v1/users", OwlWire.Json("""{"username":"eve","phone":"1"}"""));
        var update = await OwlWire.SendAsync(client, HttpMethod.Post, "api/v1/users", """{"id":1,"username":"admin","phone":"1","status":1}""");
        var self = await OwlWire.SendAsync(client, HttpMethod.Post, "api/v1/users", $$"""{"id":{{alice.Id}},"username":"alice","phone":"2","status":1}""");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal((403, "You don't have permission to access."), ((int)update["code"]!, (string?)update["message"]));
        Assert.Equal(200, (int)self["code"]!);
        Assert.Equal("2", owl.FindUser("alice")!.Phone);
    }
}
