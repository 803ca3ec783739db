using System.Net;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.Testing.Tests.MinApp;

/// <summary>The emulator's OAuth endpoints, over raw HTTP.</summary>
public sealed class MinAppOAuthTests
{
    [Fact]
    public async Task AuthorizeAnswers302Then302Then200WithACode()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);

        var code = await MinAppWire.AuthorizeAsync(client, emulator);

        Assert.Matches("^[0-9a-f]{40}$", code);
        Assert.Equal([302, 302, 200], emulator.Journal.Entries.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task TheHopsRequireTheSessionCookie()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        var first = await client.PostAsync("api/oauth2/hydrogen/openapi/authorize/", MinAppWire.Json($$"""{"client_id": "{{emulator.ClientId}}", "client_secret": "{{emulator.ClientSecret}}"}"""));

        var withoutCookie = await client.GetAsync(first.Headers.Location);

        Assert.Equal(HttpStatusCode.BadRequest, withoutCookie.StatusCode);
        Assert.Equal("invalid_request", (string?)(await MinAppWire.ReadJsonAsync(withoutCookie))["error"]);
    }

    [Fact]
    public async Task WrongClientCredentialsAre401InvalidClient()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);

        var response = await client.PostAsync("api/oauth2/hydrogen/openapi/authorize/", MinAppWire.Json($$"""{"client_id": "{{emulator.ClientId}}", "client_secret": "wrong"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (string?)(await MinAppWire.ReadJsonAsync(response))["error"]);
    }

    [Fact]
    public async Task WithoutRedirectsTheFirstAnswerCarriesTheCode()
    {
        await using var emulator = await MinAppEmulator.StartAsync(new MinAppEmulatorOptions { AuthorizeRedirects = false, ClientId = "id", ClientSecret = "secret" });
        using var client = MinAppWire.Client(emulator);

        var response = await client.PostAsync("api/oauth2/hydrogen/openapi/authorize/", MinAppWire.Json("""{"client_id": "id", "client_secret": "secret"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(600, (int)(await MinAppWire.ReadJsonAsync(response))["expires_in"]!);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("multipart")]
    [InlineData("form")]
    public async Task TheTokenEndpointAcceptsJsonMultipartAndFormBodies(string encoding)
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        var code = await MinAppWire.AuthorizeAsync(client, emulator);
        var fields = new Dictionary<string, string>
        {
            ["client_id"] = emulator.ClientId,
            ["client_secret"] = emulator.ClientSecret,
            ["code"] = code,
            ["grant_type"] = "authorization_code",
        };
        HttpContent content = encoding switch
        {
            "json" => MinAppWire.Json($$"""{"client_id": "{{emulator.ClientId}}", "client_secret": "{{emulator.ClientSecret}}", "code": "{{code}}", "grant_type": "authorization_code"}"""),
            "multipart" => Multipart(fields),
            _ => new FormUrlEncodedContent(fields),
        };

        var response = await client.PostAsync("api/oauth2/access_token/", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await MinAppWire.ReadJsonAsync(response);
        Assert.Equal("Bearer", (string?)token["token_type"]);
        Assert.Equal(31535999, (long)token["expires_in"]!);
        Assert.Equal("write", (string?)token["scope"]);
        Assert.NotNull((string?)token["refresh_token"]);
    }

    [Fact]
    public async Task ACodeIsSingleUse()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        var code = await MinAppWire.AuthorizeAsync(client, emulator);
        var body = $$"""{"client_id": "{{emulator.ClientId}}", "client_secret": "{{emulator.ClientSecret}}", "code": "{{code}}", "grant_type": "authorization_code"}""";

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("api/oauth2/access_token/", MinAppWire.Json(body))).StatusCode);
        var again = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await MinAppWire.ReadJsonAsync(again))["error"]);
    }

    [Fact]
    public async Task AnExpiredCodeIsRefused()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        await using var emulator = await MinAppEmulator.StartAsync(new MinAppEmulatorOptions { TimeProvider = clock });
        using var client = MinAppWire.Client(emulator);
        var code = await MinAppWire.AuthorizeAsync(client, emulator);
        clock.Advance(TimeSpan.FromSeconds(601));

        var response = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Json($$"""{"client_id": "{{emulator.ClientId}}", "client_secret": "{{emulator.ClientSecret}}", "code": "{{code}}", "grant_type": "authorization_code"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RefreshEndsTheOldPairAtOnce()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        var token = await MinAppWire.TokenAsync(client, emulator);
        var refreshBody = $$"""{"client_id": "{{emulator.ClientId}}", "client_secret": "{{emulator.ClientSecret}}", "refresh_token": "{{token["refresh_token"]}}", "grant_type": "refresh_token"}""";

        var refreshed = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Json(refreshBody));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var newToken = await MinAppWire.ReadJsonAsync(refreshed);

        using var oldClient = MinAppWire.Client(emulator, (string)token["access_token"]!);
        using var newClient = MinAppWire.Client(emulator, (string)newToken["access_token"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldClient.GetAsync("oserve/v1/user-group/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newClient.GetAsync("oserve/v1/user-group/")).StatusCode);
        var reused = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Json(refreshBody));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await MinAppWire.ReadJsonAsync(reused))["error"]);
    }

    [Fact]
    public async Task AccessTokensExpireOnTheEmulatorsClock()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        await using var emulator = await MinAppEmulator.StartAsync(new MinAppEmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromHours(1) });
        using var client = MinAppWire.Client(emulator, emulator.IssueAccessToken());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("oserve/v1/user-group/")).StatusCode);
        clock.Advance(TimeSpan.FromHours(1));
        var expired = await client.GetAsync("oserve/v1/user-group/");

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("error", (string?)(await MinAppWire.ReadJsonAsync(expired))["status"]);
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }
}
