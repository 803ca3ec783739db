using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Kylin;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>Apache Kylin 3.x/4.x's <c>user_group</c> API through <see cref="KylinClient.ApacheUserGroups"/> (docs/wire/kylin.md §11).</summary>
public sealed class KylinApacheContractTests
{
    [Fact]
    public async Task ListAllGroupsPagesByRowAndSortsTheMapByName()
    {
        using var server = new ContractServer();
        var first = Fixture("apache-groups-page-1");
        var second = Fixture("apache-groups-page-2");
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, first, second);
        using var client = Apache(server, o => o.DefaultPageSize = 2);

        var groups = await client.ApacheUserGroups.ListAllGroupsAsync().ToListAsync();

        Assert.All(server.ReceivedInOrder(first, second), AssertBasic);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], groups.Select(g => g.Name));
        Assert.Equal(["ADMIN", "ANALYST", "MODELER"], groups[0].Users);
    }

    [Fact]
    public async Task ListGroupsSendsTheFuzzyNameAndReportsTheMatches()
    {
        using var server = new ContractServer();
        var fixture = Fixture("apache-groups-fuzzy");
        server.Given(fixture);
        using var client = Apache(server, o => o.DefaultPageSize = 10);

        var page = await client.ApacheUserGroups.ListGroupsAsync("role_a", isFuzzMatch: true);

        AssertBasic(server.Received(fixture));
        Assert.Equal(["ROLE_ADMIN", "ROLE_ANALYST"], page.Items.Select(g => g.Name));
        Assert.Equal(2, page.TotalCount);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ListGroupUsersReadsEveryMemberWithoutKeepingTheirPasswordHashes()
    {
        using var server = new ContractServer();
        var fixture = Fixture("apache-users-g1");
        server.Given(fixture);
        using var client = Apache(server);

        var users = await client.ApacheUserGroups.ListGroupUsersAsync("g1");

        AssertBasic(server.Received(fixture));
        Assert.Equal(["ANALYST", "MODELER"], users.Select(u => u.Username));
        Assert.Equal(["ROLE_ANALYST", "ALL_USERS", "g1"], users[0].Authorities);
        Assert.True(users[0].DefaultPassword);
        Assert.DoesNotContain("$2a$", users[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDeleteAndSetUsersSendTheDocumentedRequests()
    {
        using var server = new ContractServer();
        var create = Fixture("apache-create");
        var delete = Fixture("apache-delete");
        var setUsers = Fixture("apache-set-users");
        server.Given(create).Given(delete).Given(setUsers);
        using var client = Apache(server);

        await client.ApacheUserGroups.CreateGroupAsync("g1");
        await client.ApacheUserGroups.SetGroupUsersAsync("g1", ["ANALYST", "MODELER", "ANALYST"]);
        await client.ApacheUserGroups.DeleteGroupAsync("g1");

        Assert.All(server.ReceivedInOrder(create, setUsers, delete), AssertBasic);
    }

    [Fact]
    public async Task ServerErrorsMapToTheExceptionFamily()
    {
        using var server = new ContractServer();
        var exists = Fixture("apache-create-exists");
        var roleAdmin = Fixture("apache-set-users-role-admin-empty");
        var denied = Fixture("apache-groups-access-denied");
        server.Given(exists).Given(roleAdmin).Given(denied);
        using var client = Apache(server, o => o.DefaultPageSize = 10);

        var conflict = await Assert.ThrowsAsync<UserGroupConflictException>(() => client.ApacheUserGroups.CreateGroupAsync("g1"));
        var refused = await Assert.ThrowsAsync<UserGroupValidationException>(() => client.ApacheUserGroups.SetGroupUsersAsync("ROLE_ADMIN", []));
        var permission = await Assert.ThrowsAsync<UserGroupPermissionException>(() => client.ApacheUserGroups.ListGroupsAsync());

        server.ReceivedInOrder(exists, roleAdmin, denied);
        Assert.Equal("999", conflict.ErrorCode);
        Assert.Equal("role_admin must have at least one user", refused.ServerMessage);
        Assert.Equal("Access is denied", permission.ServerMessage);
    }

    private static KylinClient Apache(ContractServer server, Action<KylinClientOptions>? configure = null) =>
        Client(server, o =>
        {
            o.Flavor = KylinFlavor.Apache4;
            configure?.Invoke(o);
        });
}
