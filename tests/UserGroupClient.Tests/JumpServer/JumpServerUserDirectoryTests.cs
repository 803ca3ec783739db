using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>The user directory: JumpServer's users of the organization by login name, paged without a group filter.</summary>
public sealed class JumpServerUserDirectoryTests
{
    private const string UserA = "a0b1c2d3-0000-4000-8000-000000000001";
    private const string UserB = "a0b1c2d3-0000-4000-8000-000000000002";
    private const string UserC = "a0b1c2d3-0000-4000-8000-000000000003";
    private const string UserD = "a0b1c2d3-0000-4000-8000-000000000004";

    [Fact]
    public void TheDirectoryHoldsUsersComparedAsStored()
    {
        using var jms = new JumpServerStub(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

        var directory = jms.Client.AsUserDirectory();

        Assert.Equal(("user", StringComparison.Ordinal), (directory.EntryKind, directory.UserNameComparison));
    }

    [Fact]
    public async Task NamesAreResolvedOverEveryPageAndUsersWithoutALoginNameAreLeftOut()
    {
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.Query.Contains("offset=0", StringComparison.Ordinal)
            ? $$"""{"count": 4, "results": [{"id": "{{UserA}}", "username": "alice", "name": "Alice"}, {"id": "{{UserB}}", "username": "", "name": "Nobody"}]}"""
            : $$"""{"count": 4, "results": [{"id": "{{UserC}}", "username": "carol", "name": "Carol"}, {"id": "{{UserD}}", "username": null, "name": "Nameless"}]}"""));
        using var jms = new JumpServerStub(stub, configure: o => o.DefaultPageSize = 2);
        var directory = jms.Client.AsUserDirectory();

        var users = await directory.ListUsersAsync().ToListAsync();
        var resolution = await directory.ResolveUserNamesAsync(["carol", "alice", "Alice"]);

        Assert.Equal([(UserA, "alice", "Alice"), (UserC, "carol", "Carol")], users.Select(u => (u.Id, u.UserName, u.DisplayName)));
        Assert.Equal("/api/v1/users/users/?limit=2&offset=0", stub.Requests[0].PathAndQuery);
        Assert.Equal("/api/v1/users/users/?limit=2&offset=2", stub.Requests[1].PathAndQuery);
        Assert.Equal(UserC, resolution.Ids["carol"]);
        Assert.Equal(["Alice"], resolution.Unknown);
    }
}
