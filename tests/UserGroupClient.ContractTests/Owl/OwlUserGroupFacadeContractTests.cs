using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary>
/// <see cref="OwlClient.AsUserGroupService"/>: the exact requests each <see cref="IUserGroupService"/> operation sends,
/// in order (retries off unless a test says otherwise).
/// </summary>
public sealed class OwlUserGroupFacadeContractTests
{
    [Fact]
    public async Task ListGroupsIsOneListOfEveryGroupWithItsUsers()
    {
        using var server = new ContractServer();
        var list = Fixture("usergroups-list-all");
        server.Given(list);
        using var client = Client(server);

        var groups = await client.AsUserGroupService().ListGroupsAsync().ToListAsync();

        Authorized(server.Received(list));
        Assert.Equal([new UserGroup("2", "appcpa") { MemberCount = 2 }], groups);
    }

    [Fact]
    public async Task GetGroupFindsTheGroupInTheList()
    {
        using var server = new ContractServer();
        var list = Fixture("usergroups-list-all");
        server.Given(list);
        using var client = Client(server);

        var group = await client.AsUserGroupService().GetGroupAsync("2");

        server.Received(list);
        Assert.Equal(new UserGroup("2", "appcpa") { MemberCount = 2 }, group);
    }

    [Fact]
    public async Task FindGroupByNameSearchesOnTheServerAndPicksTheExactName()
    {
        using var server = new ContractServer();
        var find = Fixture("usergroups-find");
        server.Given(find);
        using var client = Client(server);

        var group = await client.AsUserGroupService().FindGroupByNameAsync("appcpa");

        server.Received(find);
        Assert.Equal(new UserGroup("2", "appcpa") { MemberCount = 1 }, group);
    }

    [Fact]
    public async Task CreateGroupWithRetriesOffIsOnePut()
    {
        using var server = new ContractServer();
        var create = Fixture("usergroups-create-empty");
        server.Given(create);
        using var client = Client(server);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));

        server.Received(create);
        Assert.Equal(new UserGroup("3", "ops") { MemberCount = 0 }, group);
    }

    [Fact]
    public async Task CreateGroupWithMembersChecksTheUsersExistThenPuts()
    {
        using var server = new ContractServer();
        var (users, create) = (Fixture("users-list-all"), Fixture("usergroups-create"));
        server.Given(users).Given(create);
        using var client = Client(server);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops") { MemberIds = ["50"] });

        server.ReceivedInOrder(users, create);
        Assert.Equal(new UserGroup("3", "ops") { MemberCount = 1 }, group);
    }

    [Fact]
    public async Task CreateGroupWithRetriesOnLooksTheNameUpBeforeThePut()
    {
        using var server = new ContractServer();
        var (find, create) = (Fixture("usergroups-find-none"), Fixture("usergroups-create-empty"));
        server.Given(find).Given(create);
        using var client = Client(server, ContractResilience.RetriesOn);

        var group = await client.AsUserGroupService().CreateGroupAsync(new NewUserGroup("ops"));

        server.ReceivedInOrder(find, create);
        Assert.Equal("3", group.Id);
    }

    [Fact]
    public async Task UpdateGroupUnderItsOwnNameOnlyReadsTheList()
    {
        using var server = new ContractServer();
        var list = Fixture("usergroups-list-all");
        server.Given(list);
        using var client = Client(server);

        var group = await client.AsUserGroupService().UpdateGroupAsync("2", new UserGroupUpdate { Name = "appcpa" });

        server.Received(list);
        Assert.Equal(new UserGroup("2", "appcpa") { MemberCount = 2 }, group);
    }

    [Fact]
    public async Task UpdateGroupWithANewNameIsRefusedAfterTheReadWithoutAWrite()
    {
        using var server = new ContractServer();
        var list = Fixture("usergroups-list-all");
        server.Given(list);
        using var client = Client(server);

        await Assert.ThrowsAsync<NotSupportedException>(() => client.AsUserGroupService().UpdateGroupAsync("2", new UserGroupUpdate { Name = "renamed" }));

        server.Received(list);
    }

    [Fact]
    public async Task DeleteGroupIsOneDelete()
    {
        using var server = new ContractServer();
        var delete = Fixture("usergroups-delete");
        server.Given(delete);
        using var client = Client(server);

        await client.AsUserGroupService().DeleteGroupAsync("2");

        server.Received(delete);
    }

    [Fact]
    public async Task DeleteGroupsIsOneDeletePerGroupInOrder()
    {
        using var server = new ContractServer();
        var (delete2, delete3) = (Fixture("usergroups-delete"), Fixture("usergroups-delete-3"));
        server.Given(delete2).Given(delete3);
        using var client = Client(server);

        await client.AsUserGroupService().DeleteGroupsAsync(["2", "3"]);

        server.ReceivedInOrder(delete2, delete3);
    }

    [Fact]
    public async Task ListMembersReadsThePagesOfTheGroupsUsersNotTheGroupList()
    {
        using var server = new ContractServer();
        var (users, list) = (Fixture("users-list-group-2"), Fixture("usergroups-list-all"));
        server.Given(users);
        server.Given(list);
        using var client = Client(server);

        var members = await client.AsUserGroupService().ListMembersAsync("2").ToListAsync();

        Authorized(server.Received(users));
        Assert.Equal([new GroupMember("48", "yingsong.wu") { UserName = "yingsong.wu" }, new GroupMember("1", "chao.ma") { UserName = "chao.ma" }], members);
    }

    [Fact]
    public async Task ListMembersOfAGroupWithNoUsersChecksTheGroupListAndRaisesNotFoundForAnUnknownGroup()
    {
        using var server = new ContractServer();
        var (users, list) = (Fixture("users-list-group-9"), Fixture("usergroups-list-all"));
        server.Given(users);
        server.Given(list);
        using var client = Client(server);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => client.AsUserGroupService().ListMembersAsync("9").ToListAsync().AsTask());

        server.ReceivedInOrder(users, list);
    }

    [Fact]
    public async Task AddMembersReadsTheGroupChecksTheNewUserThenReplacesTheList()
    {
        using var server = new ContractServer();
        var (list, users, update) = (Fixture("usergroups-list-all"), Fixture("users-list-all"), Fixture("usergroups-update"));
        server.Given(list).Given(users).Given(update);
        using var client = Client(server);

        await client.AsUserGroupService().AddMembersAsync("2", ["48", "50"]);

        server.ReceivedInOrder(list, users, update);
    }

    [Fact]
    public async Task RemoveMembersReadsTheGroupThenReplacesTheList()
    {
        using var server = new ContractServer();
        var (list, update) = (Fixture("usergroups-list-all"), Fixture("usergroups-update-remove"));
        server.Given(list).Given(update);
        using var client = Client(server);

        await client.AsUserGroupService().RemoveMembersAsync("2", ["48"]);

        server.ReceivedInOrder(list, update);
    }

    [Fact]
    public async Task SetMembersReadsTheGroupChecksTheUsersThenReplacesTheList()
    {
        using var server = new ContractServer();
        var (list, users, update) = (Fixture("usergroups-list-all"), Fixture("users-list-all"), Fixture("usergroups-update-set"));
        server.Given(list).Given(users).Given(update);
        using var client = Client(server);

        await client.AsUserGroupService().SetMembersAsync("2", ["50"]);

        server.ReceivedInOrder(list, users, update);
    }
}
