using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using WireMock.ResponseBuilders;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary>Owl's JWT login and refresh (docs/wire/owl.md §3), and the Bearer token on the calls they authorize.</summary>
public sealed class OwlAuthContractTests
{
    [Fact]
    public async Task TheFirstCallLogsInWithTheDocumentedJsonThenSendsTheTokenAsBearer()
    {
        using var server = new ContractServer();
        var (login, groups) = (Fixture("login"), Fixture("usergroups-list-all"));
        server.Given(login).Given(groups);
        using var client = Client(server, OwlCredentials.Password("admin", "admin"));

        await client.UserGroups.ListAsync();
        await client.UserGroups.ListAsync();

        var requests = server.ReceivedInOrder(login, groups, groups);
        AuthorizationShape.AssertNone(requests[0]);
        Authorized(requests[1]);
        Authorized(requests[2]);
    }

    [Fact]
    public async Task A401RenewsTheTokenThroughRefreshTokenAndResendsOnceWithTheNewOne()
    {
        using var server = new ContractServer();
        var (login, refresh, groups) = (Fixture("login"), Fixture("refresh-token"), Fixture("usergroups-list-all"));
        server.Given(login).Given(refresh);
        server.GivenInTurn(groups, AfterTheLastAnswer.NoMapping, Expired(), ContractServer.Answer(groups));
        using var client = Client(server, OwlCredentials.Password("admin", "admin"));

        var list = await client.UserGroups.ListAsync();

        var requests = server.ReceivedInOrder(login, groups, refresh, groups);
        Authorized(requests[1]);
        Authorized(requests[2]);
        AuthorizationShape.AssertBearer(requests[3], RenewedToken);
        Assert.Equal("appcpa", Assert.Single(list).Name);
    }

    [Fact]
    public async Task AFixedTokenIsSentAsBearerWithoutALogin()
    {
        using var server = new ContractServer();
        var groups = Fixture("usergroups-list-all");
        server.Given(groups);
        using var client = Client(server);

        await client.UserGroups.ListAsync();

        Authorized(server.Received(groups));
    }

    // gin-jwt's answer to an expired token (docs/wire/owl.md §3): a real 401, the envelope and its realm.
    private static IResponseBuilder Expired() =>
        Response.Create()
            .WithStatusCode(401)
            .WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithHeader("WWW-Authenticate", "JWT realm=TalkingData")
            .WithBody("{\"code\":401,\"message\":\"Token is expired\"}");
}
