using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.MinApp;
using static UserGroupClient.ContractTests.MinApp.MinAppContract;

namespace UserGroupClient.ContractTests.MinApp;

/// <summary>The membership PATCH and the member listing through <see cref="IMinAppMembershipApi"/> (docs/wire/minapp.md §4.3).</summary>
public sealed class MinAppMembershipContractTests
{
    [Fact]
    public async Task PatchSendsTheOperationsAsOneArrayInOrder()
    {
        using var server = new ContractServer();
        var fixture = Fixture("membership-patch");
        server.Given(fixture);
        using var client = Client(server);

        await client.Membership.PatchAsync(
        [
            new MinAppMembershipOperation(MinAppMembershipAction.Add, [5, 6], [53, 54]),
            new MinAppMembershipOperation(MinAppMembershipAction.Remove, [5, 6], [53, 54]),
        ]);

        Authorized(server.Received(fixture));
    }

    [Fact]
    public async Task AddSendsOneAddOperation()
    {
        using var server = new ContractServer();
        var fixture = Fixture("membership-add");
        server.Given(fixture);
        using var client = Client(server);

        await client.Membership.AddAsync([5, 6], [53, 54]);

        Authorized(server.Received(fixture));
    }

    [Fact]
    public async Task RemoveSendsOneRemoveOperation()
    {
        using var server = new ContractServer();
        var fixture = Fixture("membership-remove");
        server.Given(fixture);
        using var client = Client(server);

        await client.Membership.RemoveAsync([5, 6], [53, 54]);

        Authorized(server.Received(fixture));
    }

    [Fact]
    public async Task ListUsersFiltersTheProfilesByGroupAndReadsTheirUserIds()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-profiles-list");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.Membership.ListUsersAsync([258, 360], new MinAppPageRequest { Limit = 20, Offset = 0 });

        Authorized(server.Received(fixture));
        Assert.Equal(2, page.Meta.TotalCount);
        Assert.Equal(
            [(55019L, (long?)36619758L, "Mr. Hydrogen"), (55020L, 36476036L, "Ms. Oxygen")],
            page.Objects.Select(u => (u.Id, u.UserId, u.Nickname)));
        Assert.Equal([258L, 360L], page.Objects[1].UserGroup!);
    }

    [Fact]
    public async Task ListAllUsersReadsEveryPageUntilNextIsNull()
    {
        using var server = new ContractServer();
        var fixture = Fixture("user-profiles-list");
        server.Given(fixture);
        using var client = Client(server, options => options.DefaultPageSize = 20);

        var users = await client.Membership.ListAllUsersAsync([258, 360]).ToListAsync();

        Authorized(server.Received(fixture));
        Assert.Equal([36619758L, 36476036L], users.Select(u => u.UserId!.Value));
    }
}
