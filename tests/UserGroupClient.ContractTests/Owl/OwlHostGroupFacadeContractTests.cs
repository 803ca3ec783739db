using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary>
/// <see cref="OwlClient.AsHostGroupService"/>: the exact requests each <see cref="IUserGroupService"/> operation sends,
/// in order (retries off, 20 hosts per page, unless a test says otherwise).
/// </summary>
public sealed class OwlHostGroupFacadeContractTests
{
    private const string First = "03381a1a3ea35d5a";
    private const string Second = "7c2f6e1b9a0d4e58";

    [Fact]
    public async Task ListGroupsIsOneListOfEveryGroup()
    {
        using var server = new ContractServer();
        var list = Fixture("hostgroups-list-all");
        server.Given(list);
        using var client = FacadeClient(server);

        var groups = await client.AsHostGroupService().ListGroupsAsync().ToListAsync();

        Authorized(server.Received(list));
        Assert.Equal([new UserGroup("8", "test_group"), new UserGroup("9", "spare")], groups);
    }

    [Fact]
    public async Task GetGroupFindsTheGroupInTheList()
    {
        using var server = new ContractServer();
        var list = Fixture("hostgroups-list-all");
        server.Given(list);
        using var client = FacadeClient(server);

        var group = await client.AsHostGroupService().GetGroupAsync("8");

        server.Received(list);
        Assert.Equal(new UserGroup("8", "test_group"), group);
    }

    [Fact]
    public async Task FindGroupByNameSearchesOnTheServerAndPicksTheExactName()
    {
        using var server = new ContractServer();
        var find = Fixture("hostgroups-find");
        server.Given(find);
        using var client = FacadeClient(server);

        var group = await client.AsHostGroupService().FindGroupByNameAsync("test_group");

        server.Received(find);
        Assert.Equal(new UserGroup("8", "test_group"), group);
    }

    [Fact]
    public async Task CreateGroupWithRetriesOffIsOnePut()
    {
        using var server = new ContractServer();
        var create = Fixture("hostgroups-create-empty");
        server.Given(create);
        using var client = FacadeClient(server);

        var group = await client.AsHostGroupService().CreateGroupAsync(new NewUserGroup("test_group"));

        server.Received(create);
        Assert.Equal(new UserGroup("8", "test_group") { MemberCount = 0 }, group);
    }

    [Fact]
    public async Task CreateGroupWithMembersChecksTheHostsExistThenPuts()
    {
        using var server = new ContractServer();
        var (hosts, create) = (Fixture("hosts-list-all"), Fixture("hostgroups-create"));
        server.Given(hosts).Given(create);
        using var client = FacadeClient(server);

        var group = await client.AsHostGroupService().CreateGroupAsync(new NewUserGroup("test_group") { MemberIds = [First] });

        server.ReceivedInOrder(hosts, create);
        Assert.Equal(new UserGroup("8", "test_group") { MemberCount = 1 }, group);
    }

    [Fact]
    public async Task CreateGroupWithRetriesOnLooksTheNameUpBeforeThePut()
    {
        using var server = new ContractServer();
        var (hosts, find, create) = (Fixture("hosts-list-all"), Fixture("hostgroups-find-none"), Fixture("hostgroups-create"));
        server.Given(hosts).Given(find).Given(create);
        using var client = FacadeClient(server, ContractResilience.RetriesOn);

        var group = await client.AsHostGroupService().CreateGroupAsync(new NewUserGroup("test_group") { MemberIds = [First] });

        server.ReceivedInOrder(hosts, find, create);
        Assert.Equal("8", group.Id);
    }

    [Fact]
    public async Task UpdateGroupRenamesWithTheCurrentHostsSentBack()
    {
        using var server = new ContractServer();
        var (list, hosts, update) = (Fixture("hostgroups-list-all"), Fixture("hostgroups-hosts-page"), Fixture("hostgroups-update"));
        server.Given(list).Given(hosts).Given(update);
        using var client = FacadeClient(server);

        var group = await client.AsHostGroupService().UpdateGroupAsync("8", new UserGroupUpdate { Name = "test_group_new" });

        server.ReceivedInOrder(list, hosts, update);
        Assert.Equal(new UserGroup("8", "test_group_new") { MemberCount = 1 }, group);
    }

    [Fact]
    public async Task DeleteGroupChecksTheGroupHoldsNoHostThenDeletes()
    {
        using var server = new ContractServer();
        var (check, delete) = (Fixture("hostgroups-hosts-first-empty"), Fixture("hostgroups-delete"));
        server.Given(check).Given(delete);
        using var client = FacadeClient(server);

        await client.AsHostGroupService().DeleteGroupAsync("8");

        server.ReceivedInOrder(check, delete);
    }

    [Fact]
    public async Task DeleteGroupOfAGroupThatHoldsHostsIsRefusedWithoutADelete()
    {
        using var server = new ContractServer();
        var (check, delete) = (Fixture("hostgroups-hosts-first"), Fixture("hostgroups-delete"));
        server.Given(check).Given(delete);
        using var client = FacadeClient(server);

        await Assert.ThrowsAsync<UserGroupNotEmptyException>(() => client.AsHostGroupService().DeleteGroupAsync("8"));

        server.Received(check);
    }

    [Fact]
    public async Task DeleteGroupsChecksEveryGroupBeforeDeletingAny()
    {
        using var server = new ContractServer();
        var (check8, check9, delete8, delete9) =
            (Fixture("hostgroups-hosts-first-empty"), Fixture("hostgroups-hosts-first-empty-9"), Fixture("hostgroups-delete"), Fixture("hostgroups-delete-9"));
        server.Given(check8).Given(check9).Given(delete8).Given(delete9);
        using var client = FacadeClient(server);

        await client.AsHostGroupService().DeleteGroupsAsync(["8", "9"]);

        server.ReceivedInOrder(check8, check9, delete8, delete9);
    }

    [Fact]
    public async Task ListMembersPagesTheGroupsHosts()
    {
        using var server = new ContractServer();
        var hosts = Fixture("hostgroups-hosts-page");
        server.Given(hosts);
        using var client = FacadeClient(server);

        var members = await client.AsHostGroupService().ListMembersAsync("8").ToListAsync();

        server.Received(hosts);
        Assert.Equal([new GroupMember(First, "owl-agent-12.novalocal") { UserName = "owl-agent-12.novalocal" }], members);
    }

    [Fact]
    public async Task AddMembersReadsTheGroupAndItsHostsChecksTheNewHostThenReplacesTheList()
    {
        using var server = new ContractServer();
        var (list, page, hosts, update) = (Fixture("hostgroups-list-all"), Fixture("hostgroups-hosts-page"), Fixture("hosts-list-all"), Fixture("hostgroups-update-add"));
        server.Given(list).Given(page).Given(hosts).Given(update);
        using var client = FacadeClient(server);

        await client.AsHostGroupService().AddMembersAsync("8", [First, Second]);

        server.ReceivedInOrder(list, page, hosts, update);
    }

    [Fact]
    public async Task RemoveMembersReadsTheGroupAndItsHostsThenReplacesTheList()
    {
        using var server = new ContractServer();
        var (list, page, update) = (Fixture("hostgroups-list-all"), Fixture("hostgroups-hosts-page"), Fixture("hostgroups-update-remove"));
        server.Given(list).Given(page).Given(update);
        using var client = FacadeClient(server);

        await client.AsHostGroupService().RemoveMembersAsync("8", [First]);

        server.ReceivedInOrder(list, page, update);
    }

    [Fact]
    public async Task SetMembersReadsTheGroupChecksTheHostsThenReplacesTheList()
    {
        using var server = new ContractServer();
        var (list, hosts, update) = (Fixture("hostgroups-list-all"), Fixture("hosts-list-all"), Fixture("hostgroups-update-set"));
        server.Given(list).Given(hosts).Given(update);
        using var client = FacadeClient(server);

        await client.AsHostGroupService().SetMembersAsync("8", [Second]);

        server.ReceivedInOrder(list, hosts, update);
    }

    private static OwlClient FacadeClient(ContractServer server, Action<OwlClientOptions>? configure = null) =>
        Client(server, options =>
        {
            options.DefaultPageSize = 20;
            configure?.Invoke(options);
        });
}
