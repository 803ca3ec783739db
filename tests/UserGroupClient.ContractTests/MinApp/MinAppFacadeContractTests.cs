using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.MinApp;
using static UserGroupClient.ContractTests.MinApp.MinAppContract;

namespace UserGroupClient.ContractTests.MinApp;

/// <summary>
/// <see cref="MinAppClient.AsUserGroupService"/>: the exact requests each <see cref="IUserGroupService"/> operation
/// sends, in order (retries off, 20 items per page, unless a test says otherwise).
/// </summary>
public sealed class MinAppFacadeContractTests
{
    [Fact]
    public async Task ListGroupsFiltersByParentOnTheServerAndPagesByNext()
    {
        using var server = new ContractServer();
        var list = Fixture("user-groups-list");
        server.Given(list);
        using var client = FacadeClient(server);

        var groups = await client.AsUserGroupService().ListGroupsAsync(new UserGroupQuery { ParentId = "1" }).ToListAsync();

        Authorized(Assert.Single(server.ReceivedInOrder(list)));
        Assert.Equal([new UserGroup("47", "User Group") { ParentId = "1", MemberCount = 0 }], groups);
    }

    [Fact]
    public async Task GetGroupReadsTheDetail()
    {
        using var server = new ContractServer();
        var get = Fixture("user-groups-get");
        server.Given(get);
        using var client = FacadeClient(server);

        var group = await client.AsUserGroupService().GetGroupAsync("47");

        server.Received(get);
        Assert.Equal(new UserGroup("47", "User Group") { ParentId = "1", MemberCount = 0 }, group);
    }

    [Fact]
    public async Task FindGroupByNameReadsEveryGroupAtTheLargestPageAndMatchesExactly()
    {
        using var server = new ContractServer();
        var all = Fixture("user-groups-list-all");
        server.Given(all);
        using var client = FacadeClient(server);

        var group = await client.AsUserGroupService().FindGroupByNameAsync("testGroup");

        server.Received(all);
        Assert.Equal(new UserGroup("655", "testGroup") { MemberCount = 1 }, group);
    }

    [Fact]
    public async Task CreateGroupWithRetriesOffIsOnePost()
    {
        using var server = new ContractServer();
        var create = Fixture("user-groups-create");
        server.Given(create);
        using var client = FacadeClient(server);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("User Group"));

        server.Received(create);
        Assert.Equal(new UserGroup("47", "User Group") { MemberCount = 0 }, group);
    }

    [Fact]
    public async Task CreateGroupWithRetriesOnLooksTheNameUpFirstThenPosts()
    {
        using var server = new ContractServer();
        var (all, create) = (Fixture("user-groups-list-all"), Fixture("user-groups-create"));
        server.Given(all).Given(create);
        using var client = FacadeClient(server, ContractResilience.RetriesOn);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("User Group"));

        server.ReceivedInOrder(all, create);
        Assert.Equal("47", group.Id);
    }

    [Fact]
    public async Task CreateGroupWithMembersPostsThenAddsThemThenReadsTheGroup()
    {
        using var server = new ContractServer();
        var (create, add, get) = (Fixture("user-groups-create"), Fixture("membership-add-to-47"), Fixture("user-groups-get-joined"));
        server.Given(create).Given(add).Given(get);
        using var client = FacadeClient(server);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("User Group") { MemberIds = ["36619758"] });

        server.ReceivedInOrder(create, add, get);
        Assert.Equal(new UserGroup("47", "User Group") { MemberCount = 1 }, group);
    }

    [Fact]
    public async Task UpdateGroupWithANameIsOnePut()
    {
        using var server = new ContractServer();
        var update = Fixture("user-groups-update");
        server.Given(update);
        using var client = FacadeClient(server);

        var group = await client.AsUserGroupService().UpdateGroupAsync("47", new UserGroupUpdate { Name = "user group" });

        server.Received(update);
        Assert.Equal(new UserGroup("47", "user group") { ParentId = "1", MemberCount = 0 }, group);
    }

    [Fact]
    public async Task UpdateGroupWithOnlyAParentReadsTheNameThenPutsBoth()
    {
        using var server = new ContractServer();
        var (get, move) = (Fixture("user-groups-get-joined"), Fixture("user-groups-update-move"));
        server.Given(get).Given(move);
        using var client = FacadeClient(server);

        var group = await client.AsUserGroupService().UpdateGroupAsync("47", new UserGroupUpdate { ParentId = "1" });

        server.ReceivedInOrder(get, move);
        Assert.Equal(new UserGroup("47", "User Group") { ParentId = "1", MemberCount = 0 }, group);
    }

    [Fact]
    public async Task DeleteGroupIsOneDelete()
    {
        using var server = new ContractServer();
        var delete = Fixture("user-groups-delete");
        server.Given(delete);
        using var client = FacadeClient(server);

        await client.AsUserGroupService().DeleteGroupAsync("47");

        server.Received(delete);
    }

    [Fact]
    public async Task DeleteGroupsIsOneIdInDelete()
    {
        using var server = new ContractServer();
        var bulk = Fixture("user-groups-bulk-delete");
        server.Given(bulk);
        using var client = FacadeClient(server);

        await client.AsUserGroupService().DeleteGroupsAsync(["48", "50"]);

        server.Received(bulk);
    }

    [Fact]
    public async Task ListMembersReadsTheGroupThenItsProfilesAndNamesMembersByUserId()
    {
        using var server = new ContractServer();
        var (get, profiles) = (Fixture("user-groups-get"), Fixture("user-profiles-group-47"));
        server.Given(get).Given(profiles);
        using var client = FacadeClient(server);

        var members = await client.AsUserGroupService().ListMembersAsync("47").ToListAsync();

        server.ReceivedInOrder(get, profiles);
        Assert.Equal([new GroupMember("36619758", "Mr. Hydrogen")], members);
    }

    [Fact]
    public async Task AddMembersIsOneAddPatch()
    {
        using var server = new ContractServer();
        var add = Fixture("membership-add-to-47");
        server.Given(add);
        using var client = FacadeClient(server);

        await client.AsUserGroupService().AddMembersAsync("47", ["36619758"]);

        server.Received(add);
    }

    [Fact]
    public async Task RemoveMembersIsOneRemovePatch()
    {
        using var server = new ContractServer();
        var remove = Fixture("membership-remove-from-47");
        server.Given(remove);
        using var client = FacadeClient(server);

        await client.AsUserGroupService().RemoveMembersAsync("47", ["36619758"]);

        server.Received(remove);
    }

    [Fact]
    public async Task SetMembersReadsTheGroupAndItsMembersThenPatchesTheDifference()
    {
        using var server = new ContractServer();
        var (get, profiles, set) = (Fixture("user-groups-get"), Fixture("user-profiles-group-47"), Fixture("membership-set-47"));
        server.Given(get).Given(profiles).Given(set);
        using var client = FacadeClient(server);

        await client.AsUserGroupService().SetMembersAsync("47", ["36476036"]);

        server.ReceivedInOrder(get, profiles, set);
    }

    private static MinAppClient FacadeClient(ContractServer server, Action<MinAppClientOptions>? configure = null) =>
        Client(server, options =>
        {
            options.DefaultPageSize = 20;
            configure?.Invoke(options);
        });
}
