using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary><c>/api/v1/hosts</c> through <see cref="IOwlHostsApi"/> (docs/wire/owl.md §6.2, §7).</summary>
public sealed class OwlHostsContractTests
{
    [Fact]
    public async Task ListSendsItsFiltersAndPagingAndReadsThePagedHostWithItsGroups()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hosts-list");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.Hosts.ListAsync(new OwlHostListOptions { GroupId = 8, Status = "1", Search = "172.28", Page = 1, PageSize = 10 });

        Authorized(server.Received(fixture));
        Assert.Equal(1, page.Total);
        var host = Assert.Single(page.Hosts);
        Assert.Equal(("03381a1a3ea35d5a", "172.28.5.36", "1"), (host.Id, host.Ip, host.Status));
        Assert.Equal([(8, (string?)"test_group")], host.Groups!.Select(g => (g.Id, g.Name)));
    }

    [Fact]
    public async Task ListWithoutAPageReadsEveryHostInOneAnswer()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hosts-list-all");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.Hosts.ListAsync();

        Authorized(server.Received(fixture));
        Assert.Equal(2, page.Total);
        Assert.Equal(["03381a1a3ea35d5a", "7c2f6e1b9a0d4e58"], page.Hosts.Select(h => h.Id));
    }

    [Fact]
    public async Task ListAllPagesWithTheFiltersUntilTheTotalIsReached()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hosts-list");
        server.Given(fixture);
        using var client = Client(server);

        var hosts = await client.Hosts.ListAllAsync(new OwlHostListOptions { GroupId = 8, Status = "1", Search = "172.28", PageSize = 10 }).ToListAsync();

        Authorized(server.Received(fixture));
        Assert.Equal("03381a1a3ea35d5a", Assert.Single(hosts).Id);
    }
}
