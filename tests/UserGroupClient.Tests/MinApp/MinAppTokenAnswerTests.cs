using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>What the client makes of the token endpoint's answer: its lifetime, its refresh token, a missing access token.</summary>
public sealed class MinAppTokenAnswerTests
{
    private const string GroupJson = """{"id": 47, "members": 0, "name": "User Group", "parent": null}""";

    [Fact]
    public async Task AnExpiresInOfZeroMeansNoKnownExpiryAndTheTokenIsKept()
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson), ExpiresIn = 0 };

        await stub.Client.UserGroups.GetAsync(47);
        await stub.Client.UserGroups.GetAsync(47);
        stub.Clock.Advance(TimeSpan.FromDays(30));
        await stub.Client.UserGroups.GetAsync(47);

        Assert.Equal(["authorization_code"], stub.TokenForms.Select(form => form["grant_type"]));
        Assert.Equal(["Bearer access-1", "Bearer access-1", "Bearer access-1"], stub.ApiRequests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task AnEmptyRefreshTokenIsNeverSentAndRenewalAuthorizesAfresh()
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson) };
        stub.TokenOverride = _ =>
        {
            stub.Accept("issued-without-refresh");
            return StubHandler.Json(HttpStatusCode.OK, """{"access_token": "issued-without-refresh", "token_type": "Bearer", "expires_in": 3600, "refresh_token": ""}""");
        };
        await stub.Client.UserGroups.GetAsync(47);
        stub.TokenOverride = _ => null;
        stub.Clock.Advance(TimeSpan.FromHours(2));

        await stub.Client.UserGroups.GetAsync(47);

        Assert.Equal(["authorization_code", "authorization_code"], stub.TokenForms.Select(form => form["grant_type"]));
        Assert.Equal(2, stub.Authorizations);
        Assert.Equal(["Bearer issued-without-refresh", "Bearer access-1"], stub.ApiRequests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task ACodeExchangeAnsweredWithoutAnAccessTokenIsAnAuthenticationFailure()
    {
        using var stub = new MinAppStub { TokenOverride = _ => StubHandler.Json(HttpStatusCode.OK, """{"token_type": "Bearer", "expires_in": 3600, "refresh_token": "refresh-x"}""") };

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Equal("MinApp: the token endpoint answered without an access_token. (POST https://minapp.test/api/oauth2/access_token/)", error.Message);
        Assert.Equal(("MinApp", "POST", new Uri("https://minapp.test/api/oauth2/access_token/")), (error.Dialect, error.RequestMethod, error.RequestUri));
        Assert.Empty(stub.ApiRequests);
    }
}
