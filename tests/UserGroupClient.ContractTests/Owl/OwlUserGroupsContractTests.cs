using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary><c>/api/v1/usergroups</c> through <see cref="IOwlUserGroupsApi"/> (docs/wire/owl.md §7, §8).</summary>
public sealed class OwlUserGroupsContractTests
{
    [Fact]
    public async Task ListSendsTheSearchAndReadsEachGroupWithItsUsers()
    {
        using var server = new ContractServer();
        var fixture = Fixture("usergroups-list");
        server.Given(fixture);
        using var client = Client(server);

        var groups = await client.UserGroups.ListAsync("app");

        Authorized(server.Received(fixture));
        var group = Assert.Single(groups);
        Assert.Equal((2, "appcpa"), (group.Id, group.Name));
        Assert.Equal([(1, "chao.ma"), (48, "yingsong.wu")], group.Users!.Select(u => (u.Id, u.Username)));
    }

    [Fact]
    public async Task CreatePutsTheNameAndMemberIdsAndReadsTheCreatedGroup()
    {
        using var server = new ContractServer();
        var fixture = Fixture("usergroups-create");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.CreateAsync("ops", [50]);

        Authorized(server.Received(fixture));
        Assert.Equal((3, "ops", 50), (group.Id, group.Name, Assert.Single(group.Users!).Id));
    }

    [Fact]
    public async Task UpdateChecksTheGroupIdsThenPostsTheArrayAndReadsTheEcho()
    {
        using var server = new ContractServer();
        var (list, update) = (Fixture("usergroups-list-all"), Fixture("usergroups-update"));
        server.Given(list).Given(update);
        using var client = Client(server);

        var groups = await client.UserGroups.UpdateAsync([new OwlUserGroupUpdate(2, "appcpa", [1, 48, 50])]);

        Assert.All(server.ReceivedInOrder(list, update), request => Authorized(request));
        var group = Assert.Single(groups);
        Assert.Equal((2, "appcpa"), (group.Id, group.Name));
        Assert.Equal([1, 48, 50], group.Users!.Select(u => u.Id));
    }

    [Fact]
    public async Task DeleteSendsTheGroupsPathWithoutABody()
    {
        using var server = new ContractServer();
        var fixture = Fixture("usergroups-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.DeleteAsync(2);

        Authorized(server.Received(fixture));
    }
}
