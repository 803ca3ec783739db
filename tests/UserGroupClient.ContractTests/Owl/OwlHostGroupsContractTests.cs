using System.Net;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Owl;
using static UserGroupClient.ContractTests.Owl.OwlContract;

namespace UserGroupClient.ContractTests.Owl;

/// <summary><c>/api/v1/groups</c> through <see cref="IOwlHostGroupsApi"/>, from the vendor's users document's host-group examples.</summary>
public sealed class OwlHostGroupsContractTests
{
    private const string HostId = "03381a1a3ea35d5a";

    [Fact]
    public async Task ListSendsTheSearchAndReadsTheGroups()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hostgroups-list");
        server.Given(fixture);
        using var client = Client(server);

        var groups = await client.HostGroups.ListAsync("test");

        Authorized(server.Received(fixture));
        Assert.Equal([(8, "test_group"), (12, "test_group_new")], groups.Select(g => (g.Id, g.Name)));
    }

    [Fact]
    public async Task CreatePutsTheNameAndHostIdsAndReadsTheDocumentedAnswer()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hostgroups-create");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.HostGroups.CreateAsync("test_group", [HostId]);

        Authorized(server.Received(fixture));
        Assert.Equal((8, "test_group"), (group.Id, group.Name));
        var host = Assert.Single(group.Hosts!);
        Assert.Equal(
            (HostId, "", "172.28.5.36", "ba111677-a504-4481-962e-40bcc972b800", "owl-agent-12.novalocal", "0.1", "1"),
            (host.Id, host.Name, host.Ip, host.Sn, host.Hostname, host.AgentVersion, host.Status));
    }

    [Fact]
    public async Task UpdatePostsTheIdNameAndHostIdsAndReadsTheDocumentedEcho()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hostgroups-update");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.HostGroups.UpdateAsync(8, "test_group_new", [HostId]);

        Authorized(server.Received(fixture));
        Assert.Equal((8, "test_group_new"), (group.Id, group.Name));
        Assert.Equal((HostId, ""), (Assert.Single(group.Hosts!).Id, group.Hosts![0].Ip));
    }

    [Fact]
    public async Task DeleteOfAnEmptyGroupReadsTheAnswerWithoutACodeAsSuccess()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hostgroups-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.HostGroups.DeleteAsync(8);

        Authorized(server.Received(fixture));
    }

    [Fact]
    public async Task DeleteRefusedByTheDocumentedRuleIsGroupNotEmptyDespiteItsCode200()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hostgroups-delete-refused");
        server.Given(fixture);
        using var client = Client(server);

        await VendorError.AssertRaisedAsync<UserGroupNotEmptyException>(
            () => client.HostGroups.DeleteAsync(8), Vendor, HttpStatusCode.OK, "200", "test_group_new contains some host, is not allowed to delete");

        Authorized(server.Received(fixture));
    }

    [Fact]
    public async Task ListHostsSendsItsFiltersAndPagingAndReadsTheCounts()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hostgroups-hosts");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.HostGroups.ListHostsAsync(8, new OwlHostListOptions { Status = "1", Search = "owl-agent", Page = 1, PageSize = 10 });

        Authorized(server.Received(fixture));
        Assert.Equal((12, 1), (page.MetricCount, page.HostCount));
        Assert.Equal(("owl-agent-12.novalocal", "1"), (Assert.Single(page.Hosts).Hostname, page.Hosts[0].Status));
    }

    [Fact]
    public async Task ListAllHostsStopsAtAPageShorterThanThePageSize()
    {
        using var server = new ContractServer();
        var fixture = Fixture("hostgroups-hosts-page");
        server.Given(fixture);
        using var client = Client(server);

        var hosts = await client.HostGroups.ListAllHostsAsync(8, new OwlHostListOptions { PageSize = 20 }).ToListAsync();

        Authorized(server.Received(fixture));
        Assert.Equal(HostId, Assert.Single(hosts).Id);
    }
}
