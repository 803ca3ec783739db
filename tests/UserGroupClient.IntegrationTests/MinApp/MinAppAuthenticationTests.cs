using UserGroupClient.MinApp;
using UserGroupClient.Testing.Hosting;

namespace UserGroupClient.IntegrationTests.MinApp;

/// <summary>The client-credentials flow against the emulator over loopback: redirects, expiry, refresh, refused refresh, 401.</summary>
public sealed class MinAppAuthenticationTests
{
    private const string Authorize = "/api/oauth2/hydrogen/openapi/authorize/";
    private const string Token = "/api/oauth2/access_token/";

    [Fact]
    public async Task TheFirstCallRunsAuthorizeThroughBothRedirectsThenTheExchange()
    {
        await using var server = await MinAppTestServer.StartAsync();

        await server.Client.UserGroups.ListAsync();

        Assert.Equal(
            [("POST", Authorize, 302), ("GET", Authorize + "confirm/", 302), ("GET", Authorize + "code/", 200), ("POST", Token, 200), ("GET", "/oserve/v1/user-group/", 200)],
            server.Emulator.Journal.Entries.Select(e => (e.Method, e.Path, e.StatusCode)));
        Assert.Null(server.Emulator.Journal.Entries[^1].GetHeader("Cookie"));
    }

    [Fact]
    public async Task BothGrantsAreMultipartFormsTheFormOnlyTokenEndpointAccepts()
    {
        await using var server = await MinAppTestServer.StartAsync(TimeSpan.FromHours(1));
        await server.Client.UserGroups.ListAsync();
        server.Clock.Advance(TimeSpan.FromMinutes(58));

        await server.Client.UserGroups.ListAsync();

        var exchanges = server.Emulator.Journal.Entries.Where(e => e.Path == Token).ToList();
        Assert.Equal([200, 200], exchanges.Select(e => e.StatusCode));
        Assert.All(exchanges, e => Assert.StartsWith("multipart/form-data; boundary=", e.GetHeader("Content-Type"), StringComparison.Ordinal));
        var code = await FormFields.ReadAsync(exchanges[0]);
        var refresh = await FormFields.ReadAsync(exchanges[1]);
        Assert.Equal(["client_id", "client_secret", "grant_type", "code"], code.Keys);
        Assert.Equal(("authorization_code", server.Emulator.ClientId, server.Emulator.ClientSecret), (code["grant_type"], code["client_id"], code["client_secret"]));
        Assert.Equal(["client_id", "client_secret", "grant_type", "refresh_token"], refresh.Keys);
        Assert.Equal("refresh_token", refresh["grant_type"]);
    }

    [Fact]
    public async Task TheTokenIsReusedUntilNearExpiryThenRefreshed()
    {
        await using var server = await MinAppTestServer.StartAsync(TimeSpan.FromHours(2));
        await server.Client.UserGroups.ListAsync();
        await server.Client.UserGroups.ListAsync();
        Assert.Equal(1, server.Count(Token));

        server.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4));
        await server.Client.UserGroups.ListAsync();

        Assert.Equal(2, server.Count(Token));
        Assert.Equal(1, server.Count(Authorize + "code/"));
        var refresh = await FormFields.ReadAsync(server.Emulator.Journal.Entries.Last(e => e.Path == Token));
        Assert.Equal("refresh_token", refresh["grant_type"]);
        Assert.Equal(200, server.Emulator.Journal.Entries[^1].StatusCode);
    }

    [Fact]
    public async Task AnExpiredTokenWithADeadRefreshTokenAuthorizesAfresh()
    {
        await using var server = await MinAppTestServer.StartAsync(TimeSpan.FromHours(1));
        await server.Client.UserGroups.ListAsync();
        server.Emulator.RevokeAllTokens();
        server.Clock.Advance(TimeSpan.FromHours(2));

        await server.Client.UserGroups.ListAsync();

        Assert.Equal(2, server.Count(Authorize + "code/"));
        Assert.Equal([200, 400, 200], server.Emulator.Journal.Entries.Where(e => e.Path == Token).Select(e => e.StatusCode));
    }

    [Fact]
    public async Task ARefreshRefusedAsInvalidClientIsAnAuthenticationFailureNotAFreshAuthorize()
    {
        await using var server = await MinAppTestServer.StartAsync(TimeSpan.FromHours(1));
        await server.Client.UserGroups.ListAsync();
        server.Emulator.Faults.Enqueue(new EmulatedFault(400) { PathPrefix = Token, ContentType = "application/json", Body = """{"error": "invalid_client"}""" });
        server.Clock.Advance(TimeSpan.FromHours(2));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => server.Client.UserGroups.ListAsync());

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.StartsWith("MinApp: the token endpoint refused the client id or secret (invalid_client).", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Count(Authorize + "code/"));
        Assert.Equal(2, server.Count(Token));
        Assert.DoesNotContain(server.Emulator.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A401RefreshesOnceAndResendsOnce()
    {
        await using var server = await MinAppTestServer.StartAsync();
        await server.Client.UserGroups.ListAsync();
        server.Emulator.RevokeAccessTokens();

        await server.Client.UserGroups.ListAsync();

        var api = server.Emulator.Journal.Entries.Where(e => e.Path.StartsWith("/oserve/", StringComparison.Ordinal)).Select(e => e.StatusCode).ToList();
        Assert.Equal([200, 401, 200], api);
        Assert.Equal(1, server.Count(Authorize + "code/"));
        Assert.Equal(2, server.Count(Token));
    }

    [Fact]
    public async Task A401WithEverythingRevokedAuthorizesAfreshThenSucceeds()
    {
        await using var server = await MinAppTestServer.StartAsync();
        await server.Client.UserGroups.ListAsync();
        server.Emulator.RevokeAllTokens();

        await server.Client.UserGroups.ListAsync();

        Assert.Equal(2, server.Count(Authorize + "code/"));
    }

    [Fact]
    public async Task WrongCredentialsFailWithoutShowingTheSecret()
    {
        await using var server = await MinAppTestServer.StartAsync(configure: o => o.Credentials = MinAppCredentials.ClientCredentials("nobody", "not-the-secret"));

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => server.Client.UserGroups.ListAsync());

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.DoesNotContain("not-the-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIssuedAccessTokenWorksAsFixedCredentials()
    {
        await using var server = await MinAppTestServer.StartAsync();
        using var client = new MinAppClient(new MinAppClientOptions
        {
            BaseAddress = server.Emulator.BaseAddress,
            Credentials = MinAppCredentials.AccessToken(server.Emulator.IssueAccessToken()),
            EnvironmentId = "staging",
        });

        await client.SuperGroups.ListAsync();

        var entry = Assert.Single(server.Emulator.Journal.Entries);
        Assert.Equal("staging", entry.GetHeader("X-Hydrogen-Env-ID"));
    }
}
