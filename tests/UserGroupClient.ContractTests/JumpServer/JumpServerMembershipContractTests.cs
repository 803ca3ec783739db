using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;
using static UserGroupClient.ContractTests.JumpServer.JumpServerContract;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>Membership through the typed API: relations, the replacing PATCH and the member list (docs/wire/jumpserver.md §1.3).</summary>
public sealed class JumpServerMembershipContractTests
{
    [Fact]
    public async Task AddUsersPostsOneRelationPerUserAndReadsTheRows()
    {
        using var server = new ContractServer();
        var fixture = Fixture("relations-create");
        server.Given(fixture);
        using var client = Client(server);

        var rows = await client.UserGroups.AddUsersAsync(GroupId, [OtherUserId]);

        AssertSigned(server.Received(fixture));
        var row = Assert.Single(rows);
        Assert.Equal((42L, OtherUserId, "Alice(alice)", GroupId, "api_test"), (row.Id, row.User, row.UserDisplay, row.Usergroup, row.UsergroupDisplay));
    }

    [Fact]
    public async Task RemoveUserNamesBothTheGroupAndTheUser()
    {
        using var server = new ContractServer();
        var fixture = Fixture("relations-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.RemoveUserAsync(GroupId, MemberId);

        AssertSigned(server.Received(fixture));
    }

    [Fact]
    public async Task SetUsersPatchesTheWholeMemberList()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-set-users");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.SetUsersAsync(GroupId, [MemberId, OtherUserId]);

        AssertSigned(server.Received(fixture));
        Assert.Equal([MemberId, OtherUserId], group.Users!.Select(u => u.Id));
    }

    [Fact]
    public async Task ListMembersFiltersTheUserListByGroup()
    {
        using var server = new ContractServer();
        var fixture = Fixture("users-list-by-group");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.UserGroups.ListMembersAsync(GroupId, new JumpServerPageRequest(100, 0));

        AssertSigned(server.Received(fixture));
        Assert.Equal(2, page.Count);
        Assert.Equal(
            [(MemberId, "Administrator", "admin", false), ("e2d4f6a8-0b1c-4d3e-9f5a-7b8c9d0e1f2a", "backup-robot", "backup-robot", true)],
            page.Results.Select(u => (u.Id, u.Name!, u.Username!, u.IsServiceAccount!.Value)));
    }

    [Fact]
    public async Task ListAllMembersStopsAtTheCount()
    {
        using var server = new ContractServer();
        var fixture = Fixture("users-list-by-group");
        server.Given(fixture);
        using var client = Client(server);

        var members = await client.UserGroups.ListAllMembersAsync(GroupId).ToListAsync();

        AssertSigned(server.Received(fixture));
        Assert.Equal(["admin", "backup-robot"], members.Select(u => u.Username));
    }
}
