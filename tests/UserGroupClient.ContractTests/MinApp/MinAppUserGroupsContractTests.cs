using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.MinApp;
using static UserGroupClient.ContractTests.MinApp.MinAppContract;

namespace UserGroupClient.ContractTests.MinApp;

/// <summary><c>/oserve/v1/user-group/</c> through <see cref="IMinAppUserGroupsApi"/>, as the vendor's user-group document describes it.</summary>
public sealed class MinAppUserGroupsContractTests
{
    [Fact]
    public async Task ListSendsTheDocumentedFilterAndPagingAndReadsTheEnvelope()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-groups-list");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.UserGroups.ListAsync(new MinAppUserGroupListOptions { ParentId = 1, Limit = 20, Offset = 0 });

        Authorized(server.Received(fixture));
        Assert.Equal((20, 0, 1, null), (page.Meta.Limit, page.Meta.Offset, page.Meta.TotalCount, page.Meta.Next));
        var group = Assert.Single(page.Objects);
        Assert.Equal((47L, "User Group", 0, new MinAppGroupReference(1, "Super Group")), (group.Id, group.Name, group.Members, group.Parent));
    }

    [Fact]
    public async Task ListAllFollowsTheHostRelativeNextLinkToTheLastPage()
    {
        using var server = new ContractServer();
        var (first, second) = (Fixture("user-groups-list-page-1"), Fixture("user-groups-list-page-2"));
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, first, second);
        using var client = Client(server);

        var groups = await client.UserGroups.ListAllAsync(new MinAppUserGroupListOptions { ParentId = 1, Limit = 1 }).ToListAsync();

        Assert.All(server.ReceivedInOrder(first, second), request => Authorized(request));
        Assert.Equal([(47L, "User Group"), (655L, "testGroup")], groups.Select(g => (g.Id, g.Name)));
    }

    [Fact]
    public async Task GetReadsTheDocumentedDetailExample()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-groups-get");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.GetAsync(47);

        Authorized(server.Received(fixture));
        Assert.Equal((47L, "User Group", 0, new MinAppGroupReference(1, "Super Group")), (group.Id, group.Name, group.Members, group.Parent));
    }

    [Fact]
    public async Task CreateSendsTheDocumentedBodyAndReadsTheCreatedGroup()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-groups-create");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.CreateAsync(new MinAppUserGroupCreate("User Group"));

        Authorized(server.Received(fixture));
        Assert.Equal((47L, "User Group", 0, null), (group.Id, group.Name, group.Members, group.Parent));
    }

    [Fact]
    public async Task CreateWithAParentSendsItsIntegerIdAndReadsTheGroupItsLocationNames()
    {
        using var server = new ContractServer();
        var (create, get) = (Fixture("user-groups-create-location-only"), Fixture("user-groups-get"));
        server.Given(create).Given(get);
        using var client = Client(server);

        var group = await client.UserGroups.CreateAsync(new MinAppUserGroupCreate("User Group") { ParentId = 1 });

        Assert.All(server.ReceivedInOrder(create, get), request => Authorized(request));
        Assert.Equal((47L, "User Group", new MinAppGroupReference(1, "Super Group")), (group.Id, group.Name, group.Parent));
    }

    [Fact]
    public async Task UpdateSendsTheNameAndReadsTheUpdatedGroup()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-groups-update");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.UpdateAsync(47, new MinAppUserGroupUpdate("user group"));

        Authorized(server.Received(fixture));
        Assert.Equal((47L, "user group", new MinAppGroupReference(1, "Super Group")), (group.Id, group.Name, group.Parent));
    }

    [Fact]
    public async Task UpdateThatRemovesTheParentSendsAnExplicitNull()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-groups-update-detach");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.UpdateAsync(47, new MinAppUserGroupUpdate("user group") { RemoveParent = true });

        Authorized(server.Received(fixture));
        Assert.Equal((47L, "user group", null), (group.Id, group.Name, group.Parent));
    }

    [Fact]
    public async Task DeleteSendsTheGroupsPathWithItsTrailingSlash()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-groups-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.DeleteAsync(47);

        Authorized(server.Received(fixture));
    }

    [Fact]
    public async Task BulkDeleteSendsTheIdInFilter()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-groups-bulk-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.BulkDeleteAsync([48, 50]);

        Authorized(server.Received(fixture));
    }
}
