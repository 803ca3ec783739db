using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A client with a transport of its own sends its logins through a credential transport it is given (tests answer
/// logins in memory) and its API calls through its own transport.
/// </summary>
public sealed class OwnTransportCredentialExchangeTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";

    [Fact]
    public async Task LoginsGoThroughTheGivenCredentialTransportAndCallsThroughTheClientsOwn()
    {
        using var server = new LoopbackServer(_ => (HttpStatusCode.OK, $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}"""));
        var logins = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created, """{"token":"tok-1","keyword":"Bearer","date_expired":"2099/01/01 00:00:00 +0800"}"""));
        var options = new JumpServerClientOptions { BaseAddress = server.BaseAddress, Credentials = JumpServerCredentials.Password("alice", "alice-password") };
        options.Resilience.Enabled = false;
        using var client = new JumpServerClient(options, JumpServerDialect.Instance.Connect(options, httpClient: null, logins));

        var group = await client.UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
        Assert.Equal("/api/v1/authentication/auth/", Assert.Single(logins.Requests).PathAndQuery);
        Assert.Equal([$"GET /api/v1/users/groups/{GroupId}/"], server.Requests);
    }
}
