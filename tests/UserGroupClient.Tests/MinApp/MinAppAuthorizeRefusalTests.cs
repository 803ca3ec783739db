using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>A refused authorize step reports the server's answer with every secret the client knows masked, not only its client secret.</summary>
public sealed class MinAppAuthorizeRefusalTests
{
    private const string GroupJson = """{"id": 47, "members": 0, "name": "User Group", "parent": null}""";

    [Fact]
    public async Task ARefusedAuthorizeMasksTheCodesAndTokensIssuedBefore()
    {
        using var stub = new MinAppStub { Api = _ => StubHandler.Json(HttpStatusCode.OK, GroupJson), ExpiresIn = 3600 };
        await stub.Client.UserGroups.GetAsync(47);

        // The pair is revoked and expires, so the refresh is refused and the flow starts over at a server that now
        // refuses it with a page echoing, without any label a pattern would know, what it saw from this client before.
        stub.RevokeTokens();
        stub.Clock.Advance(TimeSpan.FromHours(2));
        stub.AuthorizeOverride = _ => StubHandler.Text(HttpStatusCode.Unauthorized, "client suspended; last seen with code-1, access-1 and refresh-1 for client-secret-value", "text/plain");

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => stub.Client.UserGroups.GetAsync(47));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.StartsWith("client suspended; last seen with ***", error.ResponseBody, StringComparison.Ordinal);
        foreach (var secret in new[] { "code-1", "access-1", "refresh-1", MinAppStub.ClientSecret })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.ResponseBody, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.ServerMessage, StringComparison.Ordinal);
        }
    }
}
