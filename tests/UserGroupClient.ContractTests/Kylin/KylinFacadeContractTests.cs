using UserGroupClient.ContractTests.Infrastructure;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>The exact requests each <see cref="IUserGroupService"/> operation makes on Kylin, in order.</summary>
public sealed class KylinFacadeContractTests
{
    [Fact]
    public async Task ListGroupsIsOneGroupsCallSearchedHere()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups");
        server.Given(fixture);
        using var client = Client(server);

        var groups = await client.AsUserGroupService().ListGroupsAsync(new UserGroupQuery { Search = "role" }).ToListAsync();

        server.Received(fixture);
        Assert.Equal(["ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], groups.Select(g => g.Id));
    }

    [Fact]
    public async Task GetGroupIsOneGroupsCall()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-with-g1");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.AsUserGroupService().GetGroupAsync("g1");

        server.Received(fixture);
        Assert.Equal(("g1", "g1"), (group.Id, group.Name));
    }

    [Fact]
    public async Task FindGroupByNameIsOneGroupsCallComparedExactly()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-with-g1");
        server.Given(fixture);
        using var client = Client(server);

        var found = await client.AsUserGroupService().FindGroupByNameAsync("G1");

        server.Received(fixture);
        Assert.Null(found);
    }

    [Fact]
    public async Task CreateGroupWithMembersIsCreateThenReplace()
    {
        using var server = new ContractServer();
        var create = Fixture("create");
        var members = Fixture("set-users");
        server.Given(Fixture("groups")).Given(create).Given(members);
        using var client = Client(server);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("g1") { MemberIds = ["ADMIN", "ANALYST", "MODELER"] });

        server.ReceivedInOrder(create, members);
        Assert.Equal(("g1", 3), (group.Id, group.MemberCount));
    }

    [Fact]
    public async Task CreateGroupWithRetriesOnLooksTheNameUpFirst()
    {
        using var server = new ContractServer();
        var lookup = Fixture("groups");
        var create = Fixture("create");
        server.Given(lookup).Given(create);
        using var client = Client(server, ContractResilience.RetriesOn);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("g1"));

        server.ReceivedInOrder(lookup, create);
        Assert.Equal("g1", group.Id);
    }

    [Fact]
    public async Task UpdateGroupThatChangesNothingIsOneGroupsCall()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-with-g1");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.AsUserGroupService().UpdateGroupAsync("g1", new UserGroupUpdate { Name = "g1" });

        server.Received(fixture);
        Assert.Equal("g1", group.Id);
    }

    [Fact]
    public async Task DeleteGroupIsOneDelete()
    {
        using var server = new ContractServer();
        var fixture = Fixture("delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.AsUserGroupService().DeleteGroupAsync("g1");

        server.Received(fixture);
    }

    [Fact]
    public async Task DeleteGroupsIsOneDeletePerDistinctName()
    {
        using var server = new ContractServer();
        var first = Fixture("delete");
        var second = Fixture("delete-g2");
        server.Given(first).Given(second);
        using var client = Client(server);

        await client.AsUserGroupService().DeleteGroupsAsync(["g1", "g2", "g1"]);

        server.ReceivedInOrder(first, second);
    }

    [Fact]
    public async Task ListMembersChecksTheGroupThenReadsTheMemberPages()
    {
        using var server = new ContractServer();
        var groups = Fixture("groups-with-g1");
        var members = Fixture("group-members-g1");
        server.Given(groups).Given(members);
        using var client = Client(server);

        var listed = await client.AsUserGroupService().ListMembersAsync("g1").ToListAsync();

        server.ReceivedInOrder(groups, members);
        Assert.Equal([("ADMIN", "ADMIN")], listed.Select(m => (m.Id, m.Name)));
    }

    [Fact]
    public async Task AddMembersIsReadMergeReplace()
    {
        using var server = new ContractServer();
        var groups = Fixture("groups-with-g1");
        var members = Fixture("group-members-g1");
        var replace = Fixture("set-users-g1-added");
        server.Given(groups).Given(members).Given(replace);
        using var client = Client(server);

        await client.AsUserGroupService().AddMembersAsync("g1", ["ANALYST", "ADMIN"]);

        server.ReceivedInOrder(groups, members, replace);
    }

    [Fact]
    public async Task RemoveMembersIsReadFilterReplace()
    {
        using var server = new ContractServer();
        var groups = Fixture("groups-with-g1");
        var members = Fixture("group-members-g1");
        var replace = Fixture("set-users-g1-emptied");
        server.Given(groups).Given(members).Given(replace);
        using var client = Client(server);

        await client.AsUserGroupService().RemoveMembersAsync("g1", ["ADMIN", "MODELER"]);

        server.ReceivedInOrder(groups, members, replace);
    }

    [Fact]
    public async Task SetMembersChecksTheGroupThenReplaces()
    {
        using var server = new ContractServer();
        var groups = Fixture("groups-with-g1");
        var replace = Fixture("set-users");
        server.Given(groups).Given(replace);
        using var client = Client(server);

        await client.AsUserGroupService().SetMembersAsync("g1", ["ADMIN", "ANALYST", "MODELER"]);

        server.ReceivedInOrder(groups, replace);
    }
}
