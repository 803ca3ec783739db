using System.Net;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// Which pages the typed "list all" calls ask for (docs/wire/owl.md §7): Owl's pages count from 1, so a listing asks
/// for page 1, 2, 3… (never 0, which is "everything" on <c>/users</c> and <c>/hosts</c>), at the caller's page size or
/// the client's default, with the caller's filters on every page; <c>/users</c> and <c>/hosts</c> end at the total,
/// a group's hosts at a short page.
/// </summary>
public sealed class OwlListAllPagingTests
{
    // Five users, two a page: the server answers each page by its number.
    private static StubHandler UserPages() => new(request => StubHandler.Json(HttpStatusCode.OK, PageOf(request) switch
    {
        1 => """{"code":200,"users":[{"id":1,"username":"u1"},{"id":2,"username":"u2"}],"total":5}""",
        2 => """{"code":200,"users":[{"id":3,"username":"u3"},{"id":4,"username":"u4"}],"total":5}""",
        3 => """{"code":200,"users":[{"id":5,"username":"u5"}],"total":5}""",
        _ => """{"code":400,"message":"no such page"}""",
    }));

    private static StubHandler HostPages() => new(request => StubHandler.Json(HttpStatusCode.OK, PageOf(request) switch
    {
        1 => """{"code":200,"hosts":[{"id":"a"},{"id":"b"}],"total":5}""",
        2 => """{"code":200,"hosts":[{"id":"c"},{"id":"d"}],"total":5}""",
        3 => """{"code":200,"hosts":[{"id":"e"}],"total":5}""",
        _ => """{"code":400,"message":"no such page"}""",
    }));

    // A group's hosts come without a total: a page shorter than the page size is the last.
    private static StubHandler GroupHostPages() => new(request => StubHandler.Json(HttpStatusCode.OK, PageOf(request) switch
    {
        1 => """{"code":200,"hosts":[{"id":"a"},{"id":"b"}],"metric_count":4,"host_count":2}""",
        2 => """{"code":200,"hosts":[{"id":"c"},{"id":"d"}],"metric_count":4,"host_count":2}""",
        3 => """{"code":200,"hosts":[{"id":"e"}],"metric_count":4,"host_count":1}""",
        _ => """{"code":400,"message":"no such page"}""",
    }));

    [Fact]
    public async Task AllUsersAreReadFromPageOneOnAtTheCallersPageSizeWithItsFilters()
    {
        using var owl = new OwlStub(UserPages());

        var users = await owl.Client.Users.ListAllAsync(new OwlUserListOptions { Search = "u", Status = 1, PageSize = 2 }).ToListAsync();

        Assert.Equal([1, 2, 3, 4, 5], users.Select(user => user.Id));
        Assert.Equal(
            ["/api/v1/users?q=u&status=1&page=1&pageSize=2", "/api/v1/users?q=u&status=1&page=2&pageSize=2", "/api/v1/users?q=u&status=1&page=3&pageSize=2"],
            owl.Handler.Requests.Select(request => request.PathAndQuery));
    }

    [Fact]
    public async Task AllUsersAreReadAtTheClientsDefaultPageSizeWhenTheCallerGivesNone()
    {
        using var owl = new OwlStub(UserPages(), configure: options => options.DefaultPageSize = 2);

        var users = await owl.Client.Users.ListAllAsync().ToListAsync();

        Assert.Equal(5, users.Count);
        Assert.Equal(
            ["/api/v1/users?page=1&pageSize=2", "/api/v1/users?page=2&pageSize=2", "/api/v1/users?page=3&pageSize=2"],
            owl.Handler.Requests.Select(request => request.PathAndQuery));
    }

    [Fact]
    public async Task AllHostsAreReadFromPageOneOnAtTheCallersPageSizeWithItsFilters()
    {
        using var owl = new OwlStub(HostPages());

        var hosts = await owl.Client.Hosts.ListAllAsync(new OwlHostListOptions { GroupId = 3, Status = "1", Search = "web", PageSize = 2 }).ToListAsync();

        Assert.Equal(["a", "b", "c", "d", "e"], hosts.Select(host => host.Id));
        Assert.Equal(
            [
                "/api/v1/hosts?group_id=3&status=1&q=web&page=1&pageSize=2",
                "/api/v1/hosts?group_id=3&status=1&q=web&page=2&pageSize=2",
                "/api/v1/hosts?group_id=3&status=1&q=web&page=3&pageSize=2",
            ],
            owl.Handler.Requests.Select(request => request.PathAndQuery));
    }

    [Fact]
    public async Task AllHostsAreReadAtTheClientsDefaultPageSizeWhenTheCallerGivesNone()
    {
        using var owl = new OwlStub(HostPages(), configure: options => options.DefaultPageSize = 2);

        var hosts = await owl.Client.Hosts.ListAllAsync().ToListAsync();

        Assert.Equal(5, hosts.Count);
        Assert.Equal(
            ["/api/v1/hosts?page=1&pageSize=2", "/api/v1/hosts?page=2&pageSize=2", "/api/v1/hosts?page=3&pageSize=2"],
            owl.Handler.Requests.Select(request => request.PathAndQuery));
    }

    [Fact]
    public async Task AllOfAGroupsHostsAreReadFromPageOneUntilAShortPageWithTheCallersFilters()
    {
        using var owl = new OwlStub(GroupHostPages());

        var hosts = await owl.Client.HostGroups.ListAllHostsAsync(8, new OwlHostListOptions { Status = "1", Search = "web", PageSize = 2 }).ToListAsync();

        Assert.Equal(["a", "b", "c", "d", "e"], hosts.Select(host => host.Id));
        Assert.Equal(
            [
                "/api/v1/groups/8/hosts?status=1&q=web&page=1&pageSize=2",
                "/api/v1/groups/8/hosts?status=1&q=web&page=2&pageSize=2",
                "/api/v1/groups/8/hosts?status=1&q=web&page=3&pageSize=2",
            ],
            owl.Handler.Requests.Select(request => request.PathAndQuery));
    }

    [Fact]
    public async Task AllOfAGroupsHostsAreReadAtTheClientsDefaultPageSizeWhenTheCallerGivesNone()
    {
        using var owl = new OwlStub(GroupHostPages(), configure: options => options.DefaultPageSize = 2);

        var hosts = await owl.Client.HostGroups.ListAllHostsAsync(8).ToListAsync();

        Assert.Equal(5, hosts.Count);
        Assert.Equal(
            ["/api/v1/groups/8/hosts?page=1&pageSize=2", "/api/v1/groups/8/hosts?page=2&pageSize=2", "/api/v1/groups/8/hosts?page=3&pageSize=2"],
            owl.Handler.Requests.Select(request => request.PathAndQuery));
    }

    private static int PageOf(HttpRequestMessage request)
    {
        var page = request.RequestUri!.Query.TrimStart('?').Split('&').Single(pair => pair.StartsWith("page=", StringComparison.Ordinal));
        return int.Parse(page["page=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
