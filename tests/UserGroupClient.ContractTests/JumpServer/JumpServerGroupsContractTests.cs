using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.JumpServer;
using static UserGroupClient.ContractTests.JumpServer.JumpServerContract;

namespace UserGroupClient.ContractTests.JumpServer;

/// <summary><c>/api/v1/users/groups/</c> through the typed API, exactly as the vendor documents it.</summary>
public sealed class JumpServerGroupsContractTests
{
    private static readonly DateTimeOffset Created = new(2024, 3, 5, 10, 20, 30, TimeSpan.FromHours(8));

    [Fact]
    public async Task CreateSendsTheDocumentedBodyAndReadsTheCreatedGroup()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-create");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.CreateAsync(new JumpServerUserGroupCreate("api_test"));

        AssertSigned(server.Received(fixture));
        Assert.Equal(GroupId, group.Id);
        Assert.Equal("api_test", group.Name);
        Assert.Equal("", group.Comment);
        Assert.Empty(group.Users!);
        Assert.Null(group.UsersAmount);
        Assert.Equal(JumpServerOrganizations.Default, group.OrgId);
        Assert.Equal(Created, group.DateCreated);
    }

    [Fact]
    public async Task GetReadsTheDetailWithItsMembersAndLabels()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-get");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.GetAsync(GroupId);

        AssertSigned(server.Received(fixture));
        Assert.Equal("api_test", group.Name);
        Assert.Equal([new JumpServerUserReference(MemberId, "Administrator", false), new JumpServerUserReference("e2d4f6a8-0b1c-4d3e-9f5a-7b8c9d0e1f2a", "backup-robot", true)], group.Users);
        var label = Assert.Single(group.Labels!);
        Assert.Equal(("env", "prod"), (label.Name, label.Value));
        Assert.Equal("DEFAULT", group.OrgName);
        Assert.Equal("Administrator", group.CreatedBy);
        Assert.Equal(Created, group.DateCreated);
    }

    [Fact]
    public async Task ListSendsLimitOffsetSearchAndOrderAndReadsThePage()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-list");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.UserGroups.ListAsync(new JumpServerGroupListOptions { Limit = 10, Offset = 20, Search = "api", Order = "-date_created" });

        AssertSigned(server.Received(fixture));
        Assert.Equal(21, page.Count);
        Assert.Null(page.Next);
        Assert.Equal("http://localhost/api/v1/users/groups/?limit=10&offset=10&order=-date_created&search=api", page.Previous);
        var group = Assert.Single(page.Results);
        Assert.Equal((GroupId, "api_test", 1), (group.Id, group.Name, group.UsersAmount));
        Assert.Null(group.Users);
        Assert.Equal(Created, group.DateCreated);
    }

    [Fact]
    public async Task ListAllPagesByCountNotByNext()
    {
        using var server = new ContractServer();
        var first = Fixture("groups-list-page-1");
        var second = Fixture("groups-list-page-2");
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, first, second);
        using var client = Client(server);

        var groups = await client.UserGroups.ListAllAsync(new JumpServerGroupListOptions { Limit = 2, Search = "api" }).ToListAsync();

        Assert.All(server.ReceivedInOrder(first, second), AssertSigned);
        Assert.Equal(["api_test", "api_test_2", "api_test_3"], groups.Select(g => g.Name));
        Assert.Equal([1, 0, 4], groups.Select(g => g.UsersAmount));
    }

    [Fact]
    public async Task UpdatePutsTheWholeGroup()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-update");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.UpdateAsync(GroupId, new JumpServerUserGroupUpdate("api_test_renamed") { Comment = "ops team", Users = [MemberId] });

        AssertSigned(server.Received(fixture));
        Assert.Equal(("api_test_renamed", "ops team"), (group.Name, group.Comment));
        Assert.Equal([MemberId], group.Users!.Select(u => u.Id));
    }

    [Fact]
    public async Task PatchSendsOnlyWhatChanges()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-patch");
        server.Given(fixture);
        using var client = Client(server);

        var group = await client.UserGroups.PatchAsync(GroupId, new JumpServerUserGroupPatch { Name = "api_test_renamed", Comment = "ops team" });

        AssertSigned(server.Received(fixture));
        Assert.Equal(("api_test_renamed", "ops team"), (group.Name, group.Comment));
        Assert.Equal(2, group.Users!.Count);
    }

    [Fact]
    public async Task DeleteIsTheDocumentedRequestAndItsEmpty204IsASuccess()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.DeleteAsync(GroupId);

        AssertSigned(server.Received(fixture));
    }

    [Fact]
    public async Task AddAllUsersPostsWithoutABodyAndTakesTheEmpty200()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-add-all-users");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.AddAllUsersAsync(GroupId);

        AssertSigned(server.Received(fixture));
    }

    [Fact]
    public async Task WithOrganizationSendsTheOtherOrganizationInXJmsOrg()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups-create-root-org");
        server.Given(fixture);
        using var client = Client(server);

        await Assert.ThrowsAsync<UserGroupValidationException>(() => client.UserGroups.WithOrganization(JumpServerOrganizations.Root).CreateAsync(new JumpServerUserGroupCreate("api_test")));

        AssertSigned(server.Received(fixture));
    }
}
