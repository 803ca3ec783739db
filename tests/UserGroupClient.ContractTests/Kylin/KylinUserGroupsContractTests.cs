using UserGroupClient.ContractTests.Infrastructure;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary><c>/kylin/api/user_group/…</c> through the typed API, against the vendor document's examples.</summary>
public sealed class KylinUserGroupsContractTests
{
    [Fact]
    public async Task ListGroupsSendsTheProjectInTheQueryAndReadsTheDocumentedNames()
    {
        using var server = new ContractServer();
        var fixture = Fixture("groups");
        server.Given(fixture);
        using var client = Client(server);

        var groups = await client.UserGroups.ListGroupsAsync();

        AssertBasic(server.Received(fixture));
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], groups);
    }

    [Fact]
    public async Task ListUsersWithGroupSendsThePageAndReadsTheDocumentedPairs()
    {
        using var server = new ContractServer();
        var fixture = Fixture("users-with-group");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.UserGroups.ListUsersWithGroupAsync(pageOffset: 0, pageSize: 9);

        AssertBasic(server.Received(fixture));
        Assert.Equal(4, page.TotalCount);
        Assert.False(page.HasMore);
        Assert.Equal(
            [("ALL_USERS", "ADMIN,ANALYST,MODELER"), ("ROLE_ADMIN", "ADMIN"), ("ROLE_ANALYST", ""), ("ROLE_MODELER", "")],
            page.Items.Select(g => (g.Name, string.Join(',', g.Users))));
    }

    [Fact]
    public async Task ListAllUsersWithGroupAsksForPageIndexesUntilTheSize()
    {
        using var server = new ContractServer();
        var first = Fixture("users-with-group-page-1");
        var second = Fixture("users-with-group-page-2");
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, first, second);
        using var client = Client(server);

        var groups = await client.UserGroups.ListAllUsersWithGroupAsync(pageSize: 2).ToListAsync();

        Assert.All(server.ReceivedInOrder(first, second), AssertBasic);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], groups.Select(g => g.Name));
    }

    [Fact]
    public async Task CreateGroupPostsTheNameWithoutABody()
    {
        using var server = new ContractServer();
        var fixture = Fixture("create");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.CreateGroupAsync("g1");

        AssertBasic(server.Received(fixture));
    }

    [Fact]
    public async Task DeleteGroupDeletesByName()
    {
        using var server = new ContractServer();
        var fixture = Fixture("delete");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.DeleteGroupAsync("g1");

        AssertBasic(server.Received(fixture));
    }

    [Fact]
    public async Task ListGroupMembersPagesAndReadsTheDocumentedMembersWithoutTheirPasswords()
    {
        using var server = new ContractServer();
        var fixture = Fixture("group-members");
        server.Given(fixture);
        using var client = Client(server);

        var page = await client.UserGroups.ListGroupMembersAsync("ALL_USERS", pageOffset: 0, pageSize: 100);

        AssertBasic(server.Received(fixture));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["ADMIN", "ANALYST", "MODELER"], page.Items.Select(u => u.Username));
        var admin = page.Items[0];
        Assert.Equal(["ROLE_ADMIN", "ALL_USERS"], admin.Authorities);
        Assert.Equal((false, false, false, 1), (admin.Disabled, admin.DefaultPassword, admin.Locked, admin.WrongTime));
        Assert.Null(admin.LockedTime);
        Assert.Null(admin.Uuid);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1511179915000), admin.LastModified);
        Assert.Equal("2.3.0.20500", admin.Version);
        Assert.True(page.Items[1].DefaultPassword);
        Assert.DoesNotContain("$2a$10$", string.Join(' ', page.Items), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAllGroupMembersStopsAtTheSize()
    {
        using var server = new ContractServer();
        var fixture = Fixture("group-members");
        server.Given(fixture);
        using var client = Client(server);

        var members = await client.UserGroups.ListAllGroupMembersAsync("ALL_USERS").ToListAsync();

        AssertBasic(server.Received(fixture));
        Assert.Equal(["ADMIN", "ANALYST", "MODELER"], members.Select(u => u.Username));
    }

    [Fact]
    public async Task SetGroupUsersPutsTheDocumentedBareArray()
    {
        using var server = new ContractServer();
        var fixture = Fixture("set-users");
        server.Given(fixture);
        using var client = Client(server);

        await client.UserGroups.SetGroupUsersAsync("g1", ["ADMIN", "ANALYST", "MODELER"]);

        AssertBasic(server.Received(fixture));
    }

    [Fact]
    public async Task DeletingABuiltInGroupOrNamingOneWithADotSendsNothing()
    {
        using var server = new ContractServer();
        server.Given(Fixture("delete")).Given(Fixture("create"));
        using var client = Client(server);

        var builtIn = await Assert.ThrowsAsync<UserGroupValidationException>(() => client.UserGroups.DeleteGroupAsync("ROLE_ADMIN"));
        var dotted = await Assert.ThrowsAsync<ArgumentException>(() => client.UserGroups.CreateGroupAsync("g1.h"));

        Assert.Empty(server.Requests);
        Assert.Null(builtIn.StatusCode);
        Assert.Contains("it would act on 'g1'", dotted.Message, StringComparison.Ordinal);
    }
}
