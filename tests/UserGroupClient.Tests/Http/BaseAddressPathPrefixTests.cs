using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Http;

/// <summary>
/// A base address with a path prefix and no trailing slash (a server behind a reverse proxy's sub-path) keeps its
/// prefix for the API calls and for the logins alike.
/// </summary>
public sealed class BaseAddressPathPrefixTests
{
    private const string GroupId = "6f1c33a4-55a8-4c43-94c4-2b0d3c8b0f11";

    [Fact]
    public async Task APrefixWithoutTrailingSlashIsKeptForCallsAndLogins()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/authentication/auth/", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.Created, """{"token":"tok-1","keyword":"Bearer","date_expired":"2099/01/01 00:00:00 +0800"}""")
            : StubHandler.Json(HttpStatusCode.OK, $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[]}"""));
        using var jumpServer = new JumpServerStub(stub, JumpServerCredentials.Password("alice", "alice-password"), o => o.BaseAddress = new Uri("https://jms.example.com/jumpserver"));

        var group = await jumpServer.Client.UserGroups.GetAsync(GroupId);

        Assert.Equal("ops", group.Name);
        Assert.Equal(
            ["/jumpserver/api/v1/authentication/auth/", $"/jumpserver/api/v1/users/groups/{GroupId}/"],
            stub.Requests.Select(r => r.PathAndQuery));
    }
}
