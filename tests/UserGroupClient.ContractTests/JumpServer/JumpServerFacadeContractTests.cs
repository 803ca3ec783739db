using UserGroupClient.ContractTests.Infrastructure;
using static UserGroupClient.ContractTests.JumpServer.JumpServerContract;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary>The exact requests each <see cref="IUserGroupService"/> operation makes on JumpServer, in order.</summary>
public sealed class JumpServerFacadeContractTests
{
    [Fact]
    public async Task ListGroupsPagesTheSearch()
    {
        using var server = new ContractServer();
        var first = Fixture("groups-list-page-1");
        var second = Fixture("groups-list-page-2");
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, first, second);
        using var client = Client(server);

        var groups = await client.AsUserGroupService().ListGroupsAsync(new UserGroupQuery { Search = "api", PageSize = 2 }).ToListAsync();

        server.ReceivedInOrder(first, second);
        Assert.Equal([(GroupId, 1), (OtherGroupId, 0), ("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", 4)], groups.Select(g => (g.Id, g.MemberCount!.Value)));
    }

    [Fact]
    public async Task GetGroupReadsTheDetailAndCountsPeopleNotServiceAccounts()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.AsUserGroupService().GetGroupAsync(GroupId);

        server.Received(fixture);
        Assert.Equal((GroupId, "api_test", 1), (group.Id, group.Name, group.MemberCount));
    }

    [Fact]
    public async Task FindGroupByNameFiltersByTheExactName()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-find-by-name");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.AsUserGroupService().FindGroupByNameAsync("api_test");

        server.Received(fixture);
        Assert.Equal(GroupId, group?.Id);
    }

    [Fact]
    public async Task CreateGroupWithRetriesOffIsOnePost()
    {
        using var server = new ContractServer();
        var create = Fixture("groups-create");
        server.Given(Fixture("groups-find-by-name-none")).Given(create);
        using var client = Client(server);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("api_test"));

        server.Received(create);
        Assert.Equal((GroupId, 0), (group.Id, group.MemberCount));
    }

    [Fact]
    public async Task CreateGroupWithRetriesOnLooksTheNameUpFirst()
    {
        using var server = new ContractServer();
        var lookup = Fixture("groups-find-by-name-none");
        var create = Fixture("groups-create");
        server.Given(lookup).Given(create);
        using var client = Client(server, ContractResilience.RetriesOn);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("api_test"));

        server.ReceivedInOrder(lookup, create);
        Assert.Equal(GroupId, group.Id);
    }

    [Fact]
    public async Task UpdateGroupIsOnePatchOfNameAndComment()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-patch");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.AsUserGroupService().UpdateGroupAsync(GroupId, new UserGroupUpdate { Name = "api_test_renamed", Comment = "ops team" });

        server.Received(fixture);
        Assert.Equal(("api_test_renamed", "ops team"), (group.Name, group.Comment));
    }

    [Fact]
    public async Task DeleteGroupIsOneDelete()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.AsUserGroupService().DeleteGroupAsync(GroupId);

        server.Received(fixture);
    }

    [Fact]
    public async Task DeleteGroupsOfOneIdIsOneDelete()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-delete");
        server.Given(fixture).Given(Fixture("resources-cache"));
        using var client = Client(server);

        await client.AsUserGroupService().DeleteGroupsAsync([GroupId, GroupId]);

        server.Received(fixture);
    }

    [Fact]
    public async Task DeleteGroupsOfSeveralIdsIsCacheCheckDelete()
    {
        using var server = new ContractServer();
        var cache = Fixture("resources-cache");
        var check = Fixture("groups-list-by-spm");
        var delete = Fixture("groups-bulk-delete");
        server.Given(cache).Given(check).Given(delete);
        using var client = Client(server);

        await client.AsUserGroupService().DeleteGroupsAsync([GroupId, OtherGroupId]);

        server.ReceivedInOrder(cache, check, delete);
    }

    [Fact]
    public async Task ListMembersReadsTheGroupThenTheMemberPages()
    {
        using var server = new ContractServer();
        var group = Fixture("groups-get");
        var members = Fixture("users-list-by-group");
        server.Given(group).Given(members);
        using var client = Client(server);

        var listed = await client.AsUserGroupService().ListMembersAsync(GroupId).ToListAsync();

        server.ReceivedInOrder(group, members);
        Assert.Equal([(MemberId, "Administrator"), ("e2d4f6a8-0b1c-4d3e-9f5a-7b8c9d0e1f2a", "backup-robot")], listed.Select(m => (m.Id, m.Name)));
    }

    [Fact]
    public async Task AddMembersReadsTheGroupAndPostsRelationsOnlyForNewMembers()
    {
        using var server = new ContractServer();
        var group = Fixture("groups-get");
        var add = Fixture("relations-create");
        server.Given(group).Given(add);
        using var client = Client(server);

        await client.AsUserGroupService().AddMembersAsync(GroupId, [MemberId, OtherUserId]);

        server.ReceivedInOrder(group, add);
    }

    [Fact]
    public async Task RemoveMembersReadsTheGroupAndDeletesOneRelationPerMember()
    {
        using var server = new ContractServer();
        var group = Fixture("groups-get");
        var remove = Fixture("relations-delete");
        server.Given(group).Given(remove);
        using var client = Client(server);

        await client.AsUserGroupService().RemoveMembersAsync(GroupId, [MemberId, OtherUserId]);

        server.ReceivedInOrder(group, remove);
    }

    [Fact]
    public async Task SetMembersIsOnePatchOfUsers()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-set-users");
        server.Given(fixture);
        using var client = Client(server);

        await client.AsUserGroupService().SetMembersAsync(GroupId, [MemberId, OtherUserId]);

        server.Received(fixture);
    }
}
