using System.Net;
using UserGroupClient.ContractTests.Infrastructure;
using UserGroupClient.Kylin;
using static UserGroupClient.ContractTests.Kylin.KylinContract;

namespace UserGroupClient.ContractTests.Kylin;

/// <summary>
/// The v4-public open API of Kylin 5 and Kyligence Enterprise 4.x through <see cref="KylinClient.OpenUserGroups"/>
/// (docs/wire/kylin.md §12).
/// </summary>
public sealed class KylinOpenContractTests
{
    [Fact]
    public async Task ListAllGroupsAsksForPageIndexesUntilTheTotal()
    {
        using var server = new ContractServer();
        var first = Fixture("open-groups-page-1");
        var second = Fixture("open-groups-page-2");
        server.GivenInTurn(AfterTheLastAnswer.NoMapping, first, second);
        using var client = Open(server, o => o.DefaultPageSize = 2);

        var groups = await client.OpenUserGroups.ListAllGroupsAsync().ToListAsync();

        Assert.All(server.ReceivedInOrder(first, second), AssertBasic);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], groups);
    }

    [Fact]
    public async Task ListGroupsSendsTheSearchInSnakeCase()
    {
        using var server = new ContractServer();
        var fixture = Fixture("open-groups-search");
        server.Given(fixture);
        using var client = Open(server, o => o.DefaultPageSize = 10);

        var page = await client.OpenUserGroups.ListGroupsAsync("role_a");

        AssertBasic(server.Received(fixture));
        Assert.Equal(["ROLE_ADMIN", "ROLE_ANALYST"], page.Items);
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task ListGroupMembersReadsTheSnakeCaseUsers()
    {
        using var server = new ContractServer();
        var fixture = Fixture("open-group-members");
        server.Given(fixture);
        using var client = Open(server, o => o.DefaultPageSize = 10);

        var page = await client.OpenUserGroups.ListGroupMembersAsync("g1");

        AssertBasic(server.Received(fixture));
        Assert.Equal(["alice", "bob"], page.Items.Select(u => u.Username));
        Assert.Equal(2, page.TotalCount);
        Assert.True(page.Items[1].DefaultPassword);
        Assert.True(page.Items[1].Locked);
        Assert.Equal(3, page.Items[1].WrongTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000300000), page.Items[1].LockedTime);
    }

    [Fact]
    public async Task WritesSendTheGroupInTheBody()
    {
        using var server = new ContractServer();
        var create = Fixture("open-create");
        var setUsers = Fixture("open-set-users");
        var delete = Fixture("open-delete");
        var batchCreate = Fixture("open-batch-create");
        var batchDelete = Fixture("open-batch-delete");
        server.Given(create).Given(setUsers).Given(delete).Given(batchCreate).Given(batchDelete);
        using var client = Open(server);

        await client.OpenUserGroups.CreateGroupAsync("g1");
        await client.OpenUserGroups.SetGroupUsersAsync("g1", ["alice", "bob"]);
        await client.OpenUserGroups.DeleteGroupAsync("g1");
        await client.OpenUserGroups.CreateGroupsAsync(["g1", "g2"]);
        await client.OpenUserGroups.DeleteGroupsAsync(["g1", "g2"]);

        Assert.All(server.ReceivedInOrder(create, setUsers, delete, batchCreate, batchDelete), AssertBasic);
    }

    [Fact]
    public async Task KeCodesMapToTheExceptionFamily()
    {
        using var server = new ContractServer();
        var duplicate = Fixture("open-create-duplicate");
        var missing = Fixture("open-delete-missing");
        var admin = Fixture("open-set-users-admin");
        server.Given(duplicate).Given(missing).Given(admin);
        using var client = Open(server);

        var conflict = await Assert.ThrowsAsync<UserGroupConflictException>(() => client.OpenUserGroups.CreateGroupAsync("g1"));
        var notFound = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => client.OpenUserGroups.DeleteGroupAsync("g1"));
        var refused = await Assert.ThrowsAsync<UserGroupValidationException>(() => client.OpenUserGroups.SetGroupUsersAsync("g1", ["ADMIN"]));

        server.ReceivedInOrder(duplicate, missing, admin);
        Assert.Equal("KE-010004004", conflict.ErrorCode);
        Assert.Contains("\"G1\" already exists", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("KE-010004001", notFound.ErrorCode);
        Assert.Equal("KE-010024002", refused.ErrorCode);
    }

    [Theory]
    [InlineData("open-groups-access-denied", typeof(UserGroupPermissionException), "KE-010024001")]
    [InlineData("open-groups-locked", typeof(UserGroupAuthenticationException), "KE-010003005")]
    public async Task ABadRequestIsAccessDeniedOrALockByItsCode(string answer, Type expected, string code)
    {
        using var server = new ContractServer();
        var fixture = Fixture(answer);
        server.Given(fixture);
        using var client = Open(server, o => o.DefaultPageSize = 10);

        var error = await Assert.ThrowsAnyAsync<UserGroupApiException>(() => client.OpenUserGroups.ListGroupsAsync());

        server.Received(fixture);
        Assert.IsType(expected, error);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.StartsWith(code, error.ServerMessage, StringComparison.Ordinal);
    }

    private static KylinClient Open(ContractServer server, Action<KylinClientOptions>? configure = null) =>
        Client(server, o =>
        {
            o.Flavor = KylinFlavor.Kylin5;
            configure?.Invoke(o);
        });
}
