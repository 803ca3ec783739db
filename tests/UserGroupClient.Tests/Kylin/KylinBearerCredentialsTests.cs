using System.Net;
using UserGroupClient.Authentication;
using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// KylinCredentials.Bearer, for a Kylin behind a gateway that takes bearer tokens: the provider's token goes in the
/// Authorization header of every call, a refused one is renewed through the provider once and the call resent, and
/// every token the provider handed out is masked in what an error reports.
/// </summary>
public sealed class KylinBearerCredentialsTests
{
    [Fact]
    public async Task TheProvidersTokenGoesAsBearerOnEveryCall()
    {
        var stub = new StubHandler((_, index) => index == 0 ? KylinStub.Ok("""{"groupMembers":[],"size":0}""") : KylinStub.Ok("\"\""));
        using var kylin = new KylinStub(stub, o => o.Credentials = KylinCredentials.Bearer(new Tokens("gw-token-1a2b3c", "gw-token-renewed")));

        await kylin.Client.UserGroups.ListGroupMembersAsync("ops", 1, 5);
        await kylin.Client.UserGroups.SetGroupUsersAsync("ops", ["u1"]);

        Assert.Equal(["Bearer gw-token-1a2b3c", "Bearer gw-token-1a2b3c"], stub.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task ARefusedTokenIsRenewedOnceThroughTheProviderAndTheCallResent()
    {
        var stub = new StubHandler((_, index) => index == 0
            ? KylinStub.Error(HttpStatusCode.Unauthorized, "token expired")
            : KylinStub.Ok("""{"groupMembers":[],"size":0}"""));
        var tokens = new Tokens("gw-token-expired-4d5e", "gw-token-renewed-6f7a");
        using var kylin = new KylinStub(stub, o => o.Credentials = KylinCredentials.Bearer(tokens));

        await kylin.Client.UserGroups.ListGroupMembersAsync("ops", 1, 5);

        Assert.Equal(["Bearer gw-token-expired-4d5e", "Bearer gw-token-renewed-6f7a"], stub.Requests.Select(r => r.Header("Authorization")));
        Assert.Equal(1, tokens.Refreshes);
    }

    [Fact]
    public async Task ARefusalThatEchoesAnyTokenTheProviderHandedOutNamesNone()
    {
        var stub = new StubHandler(request => KylinStub.Error(HttpStatusCode.Unauthorized, $"unknown token {request.Headers.Authorization?.Parameter}"));
        using var kylin = new KylinStub(stub, o => o.Credentials = KylinCredentials.Bearer(new Tokens("gw-token-first-8b9c", "gw-token-second-0d1e")));

        var refused = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => kylin.Client.UserGroups.ListGroupsAsync());

        Assert.Equal(2, stub.Requests.Count);
        Assert.DoesNotContain("gw-token-first-8b9c", refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("gw-token-second-0d1e", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown token ***", refused.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Hands out the first token until it is refused, then the second.</summary>
    private sealed class Tokens(string first, string renewed) : ITokenProvider
    {
        private AccessToken _current = new(first);

        public int Refreshes { get; private set; }

        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_current);

        public ValueTask<AccessToken> RefreshTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default)
        {
            Refreshes++;
            _current = new AccessToken(renewed);
            return ValueTask.FromResult(_current);
        }
    }
}
