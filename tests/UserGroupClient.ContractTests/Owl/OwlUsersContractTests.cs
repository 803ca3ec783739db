using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary><c>/api/v1/users</c> through <see cref="IOwlUsersApi"/>, as the vendor's users document shows it, corrected from the v4 source.</summary>
public sealed class OwlUsersContractTests
{
    [Fact]
    public async Task ListReadsTheDocumentedExample()
    {
        using var server = new ContractServer();
        var fixture = Fixture("users-list");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.Users.ListAsync();

        Authorized(server.Received(fixture));
        Assert.Equal(3, page.Total);
        Assert.Equal(
            [(1, "chao.ma", 0, 0), (48, "yingsong.wu", 1, 1), (50, "hierarch.pan", 1, 1)],
            page.Users.Select(u => (u.Id, u.Username, u.Role, u.Status)));
        var first = page.Users[0];
        Assert.Equal(("18611744661", "chao.ma@tendcloud.com", "18611744661"), (first.Phone, first.Mail, first.Weixin));
        Assert.Equal([(2, (string?)"appcpa")], first.Groups!.Select(g => (g.Id, g.Name)));
        Assert.Empty(page.Users[2].Groups!);
    }

    [Fact]
    public async Task ListSendsEveryDocumentedParameterAndThePaging()
    {
        using var server = new ContractServer();
        var fixture = Fixture("users-list-query");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.Users.ListAsync(new OwlUserListOptions { Search = "yingsong", GroupId = 2, Status = 1, HasNull = true, Page = 1, PageSize = 10 });

        Authorized(server.Received(fixture));
        Assert.Equal((1, 48), (page.Total, Assert.Single(page.Users).Id));
    }

    [Fact]
    public async Task ListAllPagesUntilTheTotalIsReached()
    {
        using var server = new ContractServer();
        var (first, second) = (Fixture("users-list-page-1"), Fixture("users-list-page-2"));
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, first, second);
        using var client = Client(server);

        var users = await client.Users.ListAllAsync(new OwlUserListOptions { PageSize = 2 }).ToListAsync();

        server.ReceivedInOrder(first, second);
        Assert.Equal([1, 48, 50], users.Select(u => u.Id));
    }

    [Fact]
    public async Task CreatePutsTheUserWithItsGroupIdsAndReadsTheCreatedUser()
    {
        using var server = new ContractServer();
        var fixture = Fixture("users-create");
        server.Given(fixture);
        using var client = Client(server);

        var user = await client.Users.CreateAsync(new OwlUser
        {
            Username = "ming.li",
            Role = OwlUserRoles.User,
            Phone = "13911112222",
            Mail = "ming.li@tendcloud.com",
            Weixin = "13911112222",
            Status = 1,
            Groups = [new OwlGroupReference { Id = 2 }],
        });

        Authorized(server.Received(fixture));
        Assert.Equal((51, "ming.li", 1), (user.Id, user.Username, user.Status));
        Assert.Equal([(2, (string?)"appcpa")], user.Groups!.Select(g => (g.Id, g.Name)));
    }

    [Fact]
    public async Task UpdateReadsEveryUserAndTheGroupsThenPostsTheWholeUser()
    {
        using var server = new ContractServer();
        var (all, groups, update) = (Fixture("users-list-all"), Fixture("usergroups-list-all"), Fixture("users-update"));
        server.Given(all).Given(groups).Given(update);
        using var client = Client(server);

        var user = await client.Users.UpdateAsync(50, new OwlUserUpdate { Status = 0, GroupIds = [2] });

        Assert.All(server.ReceivedInOrder(all, groups, update), request => Authorized(request));
        Assert.Equal((50, "hierarch.pan", 1, 0), (user.Id, user.Username, user.Role, user.Status));
        Assert.Equal([(2, (string?)"appcpa")], user.Groups!.Select(g => (g.Id, g.Name)));
    }

    [Fact]
    public async Task DeleteSendsTheUsersPathWithoutABody()
    {
        using var server = new ContractServer();
        var fixture = Fixture("users-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.Users.DeleteAsync(50);

        Authorized(server.Received(fixture));
    }
}
