using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// A successful list whose <c>data</c> is <c>null</c> or lacks its items, on every flavor's typed API: an empty list
/// (or page) comes back, never <see langword="null"/>.
/// </summary>
public sealed class KylinEmptyAnswerTests
{
    [Fact]
    public async Task KapsGroupListWithoutDataIsEmpty()
    {
        using var kylin = new KylinStub(new StubHandler(_ => KylinStub.Ok("null")));

        Assert.Empty(await kylin.Client.UserGroups.ListGroupsAsync());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    public async Task KapsPagesWithoutItemsAreEmpty(string data)
    {
        using var kylin = new KylinStub(new StubHandler(_ => KylinStub.Ok(data)));
        var api = kylin.Client.UserGroups;

        var usersWithGroup = await api.ListUsersWithGroupAsync();
        var members = await api.ListGroupMembersAsync("ops");

        Assert.Equal((0, 0), (usersWithGroup.Items.Count, usersWithGroup.TotalCount));
        Assert.Equal((0, 0), (members.Items.Count, members.TotalCount));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    public async Task ApacheKylinsListsWithoutItemsAreEmpty(string data)
    {
        var stub = new StubHandler(_ => KylinStub.Ok(data));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Apache4);
        var api = kylin.Client.ApacheUserGroups;

        var groups = await api.ListGroupsAsync();
        var users = await api.ListGroupUsersAsync("ops");

        Assert.Equal((0, 0), (groups.Items.Count, groups.TotalCount));
        Assert.Empty(users);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    public async Task TheOpenApisPagesWithoutValuesAreEmpty(string data)
    {
        var stub = new StubHandler(_ => KylinStub.Ok(data));
        using var kylin = new KylinStub(stub, o => o.Flavor = KylinFlavor.Kylin5);
        var api = kylin.Client.OpenUserGroups;

        var groups = await api.ListGroupsAsync();
        var members = await api.ListGroupMembersAsync("ops");
        var usersWithGroup = await api.ListUsersWithGroupAsync();

        Assert.Equal((0, 0), (groups.Items.Count, groups.TotalCount));
        Assert.Equal((0, 0), (members.Items.Count, members.TotalCount));
        Assert.Equal((0, 0), (usersWithGroup.Items.Count, usersWithGroup.TotalCount));
    }
}
