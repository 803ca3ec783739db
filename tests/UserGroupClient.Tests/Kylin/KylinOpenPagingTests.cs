using UserGroupClient.Kylin;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// How the v4-public lists of Kylin 5 and Kyligence Enterprise 4.x are asked for (docs/wire/kylin.md §12.2): by page
/// index and the given page size, with pages and names out of range refused before anything is sent.
/// </summary>
public sealed class KylinOpenPagingTests
{
    private const string EmptyPage = """{"value":[],"total_size":0,"offset":0,"limit":0}""";

    [Fact]
    public async Task EachListAsksForTheGivenPageIndexAndSize()
    {
        var stub = new StubHandler(_ => KylinStub.Ok(EmptyPage));
        using var kylin = Open(stub);
        var api = kylin.Client.OpenUserGroups;

        var groups = await api.ListGroupsAsync(pageOffset: 2, pageSize: 3);
        var members = await api.ListGroupMembersAsync("ops", pageOffset: 1, pageSize: 4);
        var usersWithGroup = await api.ListUsersWithGroupAsync(pageOffset: 0, pageSize: 5);

        Assert.Equal(
            [
                "/kylin/api/user_group/groups?page_offset=2&page_size=3",
                "/kylin/api/user_group/group_members/ops?page_offset=1&page_size=4",
                "/kylin/api/user_group/users_with_group?page_offset=0&page_size=5",
            ],
            stub.Requests.Select(r => r.PathAndQuery));
        Assert.Equal([(2, 3), (1, 4), (0, 5)], [(groups.PageOffset, groups.PageSize), (members.PageOffset, members.PageSize), (usersWithGroup.PageOffset, usersWithGroup.PageSize)]);
    }

    [Fact]
    public async Task APageIndexBelowZeroIsRefusedBeforeSending()
    {
        var stub = new StubHandler(_ => KylinStub.Ok(EmptyPage));
        using var kylin = Open(stub);
        var api = kylin.Client.OpenUserGroups;

        Assert.Equal("pageOffset", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListGroupsAsync(pageOffset: -1))).ParamName);
        Assert.Equal("pageOffset", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListGroupMembersAsync("ops", pageOffset: -1))).ParamName);
        Assert.Equal("pageOffset", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListUsersWithGroupAsync(pageOffset: -1))).ParamName);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task EveryPageOfAListingIsAskedForWithTheGivenPageSize()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath.Contains("group_members", StringComparison.Ordinal)
            ? KylinStub.Ok("""{"value":[{"username":"ADMIN"}],"total_size":1}""")
            : KylinStub.Ok("""{"value":["ops"],"total_size":1}"""));
        using var kylin = Open(stub);
        var api = kylin.Client.OpenUserGroups;

        var groups = await api.ListAllGroupsAsync(pageSize: 2).ToListAsync();
        var members = await api.ListAllGroupMembersAsync("ops", pageSize: 2).Select(m => m.Username).ToListAsync();

        Assert.Equal(["ops"], groups);
        Assert.Equal(["ADMIN"], members);
        Assert.Equal(
            [
                "/kylin/api/user_group/groups?page_offset=0&page_size=2",
                "/kylin/api/user_group/group_members/ops?page_offset=0&page_size=2",
            ],
            stub.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public void AListingRefusesABadGroupNameOrUsernameAtTheCall()
    {
        var stub = new StubHandler(_ => KylinStub.Ok(EmptyPage));
        using var kylin = Open(stub);
        var api = kylin.Client.OpenUserGroups;

        Assert.Equal("groupName", Assert.Throws<ArgumentException>(() => api.ListAllGroupsAsync("ops\u0001")).ParamName);
        Assert.Equal("groupName", Assert.Throws<ArgumentException>(() => api.ListAllGroupMembersAsync("a/b")).ParamName);
        Assert.Equal("username", Assert.Throws<ArgumentException>(() => api.ListAllGroupMembersAsync("ops", "bob\u0001")).ParamName);
        Assert.Empty(stub.Requests);
    }

    private static KylinStub Open(StubHandler stub) =>
        new(stub, o => (o.Flavor, o.DefaultPageSize) = (KylinFlavor.Kylin5, 50));
}
