using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
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
    public async Task TheAuthorizeStepAnswersWrongClientCredentialsWith401InvalidClient()
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
    [InlineData("multipart")]
    [InlineData("urlencoded")]
    public async Task TheTokenEndpointReadsMultipartAndUrlencodedForms(string encoding)
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        var fields = MinAppWire.CodeExchange(emulator, await MinAppWire.AuthorizeAsync(client, emulator));
        HttpContent content = encoding == "multipart" ? MinAppWire.Form(fields) : new FormUrlEncodedContent(fields);

        var response = await client.PostAsync("api/oauth2/access_token/", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await MinAppWire.ReadJsonAsync(response);
        Assert.Equal("Bearer", (string?)token["token_type"]);
        Assert.Equal(31535999, (long)token["expires_in"]!);
        Assert.Equal("write", (string?)token["scope"]);
        Assert.NotNull((string?)token["refresh_token"]);
    }

    [Fact]
    public async Task AJsonTokenRequestIsRefusedAsHavingNoGrantTypeAndSpendsNothing()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        var code = await MinAppWire.AuthorizeAsync(client, emulator);

        var json = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Json(JsonSerializer.Serialize(MinAppWire.CodeExchange(emulator, code))));

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("""{"error":"invalid_request","error_description":"No 'grant_type' included in the request."}""", await json.Content.ReadAsStringAsync());
        var form = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Form(MinAppWire.CodeExchange(emulator, code)));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task WithTheJsonOptionTheTokenEndpointAlsoReadsJson()
    {
        await using var emulator = await MinAppEmulator.StartAsync(new MinAppEmulatorOptions { TokenEndpointAcceptsJson = true });
        using var client = MinAppWire.Client(emulator);
        var code = await MinAppWire.AuthorizeAsync(client, emulator);

        var response = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Json(JsonSerializer.Serialize(MinAppWire.CodeExchange(emulator, code))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((string?)(await MinAppWire.ReadJsonAsync(response))["access_token"]);
    }

    [Theory]
    [InlineData("client_id", "somebody-else", """{"error":"invalid_client"}""")]
    [InlineData("client_secret", "not-the-secret", """{"error":"invalid_client"}""")]
    [InlineData("grant_type", "password", """{"error":"unsupported_grant_type"}""")]
    public async Task TokenRefusalsAre400WithTheProvidersErrorBodies(string field, string value, string expected)
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        var fields = MinAppWire.CodeExchange(emulator, await MinAppWire.AuthorizeAsync(client, emulator));
        fields[field] = value;

        var response = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFormTheParserCannotReadHasNoGrantType()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        using var content = new StringContent("grant_type=authorization_code", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");

        var response = await client.PostAsync("api/oauth2/access_token/", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (string?)(await MinAppWire.ReadJsonAsync(response))["error"]);
    }

    [Fact]
    public async Task ACodeIsSingleUse()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        var fields = MinAppWire.CodeExchange(emulator, await MinAppWire.AuthorizeAsync(client, emulator));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("api/oauth2/access_token/", MinAppWire.Form(fields))).StatusCode);
        var again = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("""{"error":"invalid_grant"}""", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnExpiredCodeIsRefused()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        await using var emulator = await MinAppEmulator.StartAsync(new MinAppEmulatorOptions { TimeProvider = clock });
        using var client = MinAppWire.Client(emulator);
        var code = await MinAppWire.AuthorizeAsync(client, emulator);
        clock.Advance(TimeSpan.FromSeconds(601));

        var response = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Form(MinAppWire.CodeExchange(emulator, code)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await MinAppWire.ReadJsonAsync(response))["error"]);
    }

    [Fact]
    public async Task RefreshEndsTheOldPairAtOnce()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        using var client = MinAppWire.Client(emulator);
        var token = await MinAppWire.TokenAsync(client, emulator);
        var refresh = new Dictionary<string, string>
        {
            ["client_id"] = emulator.ClientId,
            ["client_secret"] = emulator.ClientSecret,
            ["refresh_token"] = (string)token["refresh_token"]!,
            ["grant_type"] = "refresh_token",
        };

        var refreshed = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Form(refresh));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var newToken = await MinAppWire.ReadJsonAsync(refreshed);

        using var oldClient = MinAppWire.Client(emulator, (string)token["access_token"]!);
        using var newClient = MinAppWire.Client(emulator, (string)newToken["access_token"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldClient.GetAsync("oserve/v1/user-group/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newClient.GetAsync("oserve/v1/user-group/")).StatusCode);
        var reused = await client.PostAsync("api/oauth2/access_token/", MinAppWire.Form(refresh));
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
}
