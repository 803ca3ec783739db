using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.MinApp;
using static UserGroupClient.ContractTests.MinApp.MinAppContract;

namespace UserGroupClient.ContractTests.MinApp;

/// <summary><c>/oserve/v1/user-supergroup/</c> through <see cref="IMinAppSuperGroupsApi"/>, as the vendor's supergroup document describes it.</summary>
public sealed class MinAppSuperGroupsContractTests
{
    [Fact]
    public async Task ListReadsTheDocumentedExampleWithoutItsTrailingComma()
    {
        using var server = new ContractServer();
        var fixture = Fixture("supergroups-list");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.SuperGroups.ListAsync(new MinAppPageRequest { Limit = 20, Offset = 0 });

        Authorized(server.Received(fixture));
        Assert.Equal((20, 1, null), (page.Meta.Limit, page.Meta.TotalCount, page.Meta.Next));
        AssertSuperGroup(Assert.Single(page.Objects), "Super Group");
    }

    [Fact]
    public async Task ListAllStopsWhereNextIsNull()
    {
        using var server = new ContractServer();
        var fixture = Fixture("supergroups-list");
        server.Given(fixture);
        using var client = Client(server, options => options.DefaultPageSize = 20);

        var superGroups = await client.SuperGroups.ListAllAsync().ToListAsync();

        Authorized(server.Received(fixture));
        AssertSuperGroup(Assert.Single(superGroups), "Super Group");
    }

    [Fact]
    public async Task GetReadsTheDocumentedDetailExample()
    {
        using var server = new ContractServer();
        var fixture = Fixture("supergroups-get");
        server.Given(fixture);
        using var client = Client(server);

        var superGroup = await client.SuperGroups.GetAsync(52);

        Authorized(server.Received(fixture));
        AssertSuperGroup(superGroup, "Super Group");
    }

    [Fact]
    public async Task CreateSendsTheNameAndChildrenAndReadsTheCreatedSuperGroup()
    {
        using var server = new ContractServer();
        var fixture = Fixture("supergroups-create");
        server.Given(fixture);
        using var client = Client(server);

        var superGroup = await client.SuperGroups.CreateAsync(new MinAppSuperGroupCreate("Super Group") { Children = [51] });

        Authorized(server.Received(fixture));
        AssertSuperGroup(superGroup, "Super Group");
    }

    [Fact]
    public async Task UpdateSendsBothFieldsAndReadsTheDocumentedAnswer()
    {
        using var server = new ContractServer();
        var fixture = Fixture("supergroups-update");
        server.Given(fixture);
        using var client = Client(server);

        var superGroup = await client.SuperGroups.UpdateAsync(52, new MinAppSuperGroupUpdate("super group 3", [51]));

        Authorized(server.Received(fixture));
        AssertSuperGroup(superGroup, "super group 3");
    }

    [Fact]
    public async Task DeleteSendsTheSuperGroupsPath()
    {
        using var server = new ContractServer();
        var fixture = Fixture("supergroups-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.SuperGroups.DeleteAsync(52);

        Authorized(server.Received(fixture));
    }

    [Fact]
    public async Task BulkDeleteSendsTheIdInFilterInTheGivenOrder()
    {
        using var server = new ContractServer();
        var fixture = Fixture("supergroups-bulk-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.SuperGroups.BulkDeleteAsync([58, 56]);

        Authorized(server.Received(fixture));
    }

    private static void AssertSuperGroup(MinAppSuperGroup superGroup, string name)
    {
        Assert.Equal((52L, name, 1), (superGroup.Id, superGroup.Name, superGroup.ChildCount));
        Assert.Equal([new MinAppGroupReference(51, "User Group")], superGroup.Children);
    }
}
