using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.MinApp;
using WireMock.ResponseBuilders;
using static UserGroupClient.ContractTests.MinApp.MinAppContract;

namespace UserGroupClient.ContractTests.MinApp;

/// <summary>
/// The client-credentials flow of docs/wire/minapp.md §1: the authorize step through its two 302 hops with a session
/// cookie, the token endpoint for both grants as multipart forms, and the Bearer token on the API call.
/// </summary>
public sealed class MinAppOAuthContractTests
{
    private static readonly ContractFixture[] Authorize = [Fixture("oauth-authorize"), Fixture("oauth-authorize-confirm"), Fixture("oauth-authorize-redirect")];

    [Fact]
    public async Task TheFirstCallFollowsBothRedirectsWithTheSessionCookieThenExchangesTheCodeAsAForm()
    {
        using var server = new ContractServer();
        var (token, list) = (Fixture("oauth-token-code"), Fixture("user-groups-list"));
        GivenAuthorize(server);
        server.Given(token).Given(list);
        using var client = Client(server, MinAppCredentials.ClientCredentials(ClientId, ClientSecret));

        await client.UserGroups.ListAsync(new MinAppUserGroupListOptions { ParentId = 1, Limit = 20, Offset = 0 });

        var requests = server.ReceivedInOrder([.. Authorize, token, list]);
        Assert.Null(requests[0].Header("Cookie"));
        Assert.All(requests.Take(4), AuthorizationShape.AssertNone);
        Assert.StartsWith("multipart/form-data; boundary=", requests[3].Header("Content-Type"), StringComparison.Ordinal);
        AuthorizationShape.AssertBearer(requests[4], "eb84c57b1bd89919814b224a7194b06ca03893ee");
        Assert.Null(requests[4].Header("Cookie"));
    }

    [Fact]
    public async Task A401RenewsThePairWithTheRefreshGrantAsAFormAndResendsOnceWithTheNewToken()
    {
        using var server = new ContractServer();
        var (code, refresh, list) = (Fixture("oauth-token-code"), Fixture("oauth-token-refresh"), Fixture("user-groups-list"));
        GivenAuthorize(server);
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, code, refresh);
        server.GivenInTurn(list, AfterTheLastAnswer.NoMapping, Unauthorized(), ContractServer.Answer(list));
        using var client = Client(server, MinAppCredentials.ClientCredentials(ClientId, ClientSecret));

        var page = await client.UserGroups.ListAsync(new MinAppUserGroupListOptions { ParentId = 1, Limit = 20, Offset = 0 });

        var requests = server.ReceivedInOrder([.. Authorize, code, list, refresh, list]);
        AuthorizationShape.AssertBearer(requests[4], "eb84c57b1bd89919814b224a7194b06ca03893ee");
        AuthorizationShape.AssertNone(requests[5]);
        AuthorizationShape.AssertBearer(requests[6], "1f0e6c5d2b9a8f7e6d5c4b3a29181706f5e4d3c2");
        Assert.Equal(47, Assert.Single(page.Objects).Id);
    }

    [Fact]
    public async Task WithoutAnEnvironmentNoEnvironmentHeaderIsSent()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-groups-get");
        server.Given(fixture);
        using var client = Client(server, options => options.EnvironmentId = null);

        await client.UserGroups.GetAsync(47);

        var request = Assert.Single(server.Requests);
        Assert.True(request.RequestMatchResult?.IsPerfectMatch, "The request matched no mapping.");
        Assert.Equal("/oserve/v1/user-group/47/", request.RequestMessage.Path);
        Assert.DoesNotContain(request.RequestMessage.Headers!.Keys, name => string.Equals(name, "X-Hydrogen-Env-ID", StringComparison.OrdinalIgnoreCase));
    }

    private static void GivenAuthorize(ContractServer server)
    {
        foreach (var hop in Authorize)
        {
            server.Given(hop);
        }
    }

    private static IResponseBuilder Unauthorized() =>
        Response.Create()
            .WithStatusCode(401)
            .WithHeader("Content-Type", "application/json")
            .WithBody("{\"status\": \"error\", \"error_msg\": \"未授权，请检查请求头中的 Authorization 字段是否正确\"}");
}
