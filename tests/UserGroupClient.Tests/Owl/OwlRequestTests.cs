using System.Net;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>Every typed endpoint sends exactly the method, path, query and body of docs/wire/owl.md §2 and §7.</summary>
public sealed class OwlRequestTests
{
    private const string HostGroup = """{"code":200,"message":"ok","group":{"id":8,"name":"web","hosts":[]}}""";

    [Fact]
    public async Task UserListSendsEveryParameter()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200,"users":[],"total":0}""")));

        var page = await owl.Client.Users.ListAsync(new OwlUserListOptions { Search = "a b", GroupId = 2, Status = 1, HasNull = true, Page = 3, PageSize = 20 });

        var request = Assert.Single(owl.Handler.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/users?q=a%20b&group_id=2&status=1&hasNull=1&page=3&pageSize=20", request.PathAndQuery);
        Assert.Equal("Bearer test-jwt", request.Header("Authorization"));
        Assert.Empty(page.Users);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public async Task AUserStatusOtherThanMinusOneIsSentAsGiven(int status)
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200,"users":[],"total":0}""")));

        await owl.Client.Users.ListAsync(new OwlUserListOptions { Status = status });

        Assert.Equal($"/api/v1/users?status={status}", Assert.Single(owl.Handler.Requests).PathAndQuery);
    }

    [Fact]
    public async Task AUserListWithHasNullFalseSendsZeroAndLeavesOutWhatIsNotSet()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200,"users":[],"total":0}""")));

        await owl.Client.Users.ListAsync(new OwlUserListOptions { HasNull = false });

        Assert.Equal("/api/v1/users?hasNull=0", Assert.Single(owl.Handler.Requests).PathAndQuery);
    }

    [Fact]
    public async Task UserCreateIsAPutOfTheUser()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200,"message":"user create successful","user":{"id":7,"username":"dave","role":0,"phone":"1","mail":"","weixin":"","status":1,"groups":[{"id":2,"name":"ops"}]}}""")));

        var user = await owl.Client.Users.CreateAsync(new OwlUser { Id = 99, Username = "dave", Phone = "1", Status = 1, Groups = [new OwlGroupReference { Id = 2 }] });

        var request = Assert.Single(owl.Handler.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/api/v1/users", request.PathAndQuery);
        Assert.Equal("""{"id":0,"username":"dave","role":0,"phone":"1","mail":"","weixin":"","status":1,"groups":[{"id":2}]}""", request.Body);
        Assert.Equal(7, user.Id);
        Assert.Equal("ops", user.Groups![0].Name);
    }

    [Fact]
    public async Task UserUpdateReadsTheUsersThenPostsTheWholeUserAndDeleteUsesThePath()
    {
        using var owl = new OwlStub(new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.Method.Method switch
        {
            "GET" => """{"code":200,"users":[{"id":7,"username":"dave","role":1,"phone":"1","mail":"d@x","weixin":"wx","status":1,"groups":[{"id":2,"name":"ops"}]}],"total":1}""",
            _ => """{"code":200,"message":"user update successful"}""",
        })));

        await owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { Mail = "dave@x" });
        await owl.Client.Users.DeleteAsync(7);

        var requests = owl.Handler.Requests;
        Assert.Equal("GET /api/v1/users?page=0", $"{requests[0].Method} {requests[0].PathAndQuery}");
        Assert.Equal("POST /api/v1/users", $"{requests[1].Method} {requests[1].PathAndQuery}");
        Assert.Equal("""{"id":7,"username":"dave","role":1,"phone":"1","mail":"dave@x","weixin":"wx","status":1,"groups":[{"id":2}]}""", requests[1].Body);
        Assert.Equal("DELETE /api/v1/users/7", $"{requests[2].Method} {requests[2].PathAndQuery}");
        Assert.Null(requests[2].Body);
    }

    [Fact]
    public async Task UserGroupEndpoints()
    {
        using var owl = new OwlStub(new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.Method.Method switch
        {
            "PUT" => """{"code":200,"message":"group create successful","group":{"id":3,"name":"ops","users":[]}}""",
            "DELETE" => """{"code":200,"message":"ops delete successful"}""",
            "GET" => """{"code":200,"groups":[{"id":3,"name":"ops","users":[]}]}""",
            _ => """{"code":200,"message":"ok","groups":[]}""",
        })));

        await owl.Client.UserGroups.ListAsync("op");
        await owl.Client.UserGroups.CreateAsync("ops", [1, 2, 1]);
        await owl.Client.UserGroups.UpdateAsync([new OwlUserGroupUpdate(3, "ops", [2])]);
        await owl.Client.UserGroups.DeleteAsync(3);

        var requests = owl.Handler.Requests;
        Assert.Equal("GET /api/v1/usergroups?q=op", $"{requests[0].Method} {requests[0].PathAndQuery}");
        Assert.Equal("PUT /api/v1/usergroups", $"{requests[1].Method} {requests[1].PathAndQuery}");
        Assert.Equal("""{"name":"ops","users":[{"id":1},{"id":2}]}""", requests[1].Body);
        Assert.Equal("GET /api/v1/usergroups", $"{requests[2].Method} {requests[2].PathAndQuery}");
        Assert.Equal("POST /api/v1/usergroups", $"{requests[3].Method} {requests[3].PathAndQuery}");
        Assert.Equal("""[{"id":3,"name":"ops","users":[{"id":2}]}]""", requests[3].Body);
        Assert.Equal("DELETE /api/v1/usergroups/3", $"{requests[4].Method} {requests[4].PathAndQuery}");
    }

    [Fact]
    public async Task HostGroupEndpoints()
    {
        using var owl = new OwlStub(new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.Method.Method switch
        {
            "GET" when request.RequestUri!.AbsolutePath.EndsWith("/hosts", StringComparison.Ordinal) => """{"code":200,"hosts":[]}""",
            "GET" => """{"code":200,"groups":[]}""",
            "DELETE" => """{"message":"delete success"}""",
            _ => HostGroup,
        })));

        await owl.Client.HostGroups.ListAsync("we");
        await owl.Client.HostGroups.CreateAsync("web", ["03381a1a3ea35d5a"]);
        await owl.Client.HostGroups.UpdateAsync(8, "web-new", ["03381a1a3ea35d5a", "b"]);
        await owl.Client.HostGroups.ListHostsAsync(8, new OwlHostListOptions { Status = "1", Search = "10.0", Page = 2, PageSize = 5 });
        await owl.Client.HostGroups.DeleteAsync(8);

        var requests = owl.Handler.Requests;
        Assert.Equal("GET /api/v1/groups?q=we", $"{requests[0].Method} {requests[0].PathAndQuery}");
        Assert.Equal("PUT /api/v1/groups", $"{requests[1].Method} {requests[1].PathAndQuery}");
        Assert.Equal("""{"name":"web","hosts":[{"id":"03381a1a3ea35d5a"}]}""", requests[1].Body);
        Assert.Equal("POST /api/v1/groups", $"{requests[2].Method} {requests[2].PathAndQuery}");
        Assert.Equal("""{"id":8,"name":"web-new","hosts":[{"id":"03381a1a3ea35d5a"},{"id":"b"}]}""", requests[2].Body);
        Assert.Equal("GET /api/v1/groups/8/hosts?status=1&q=10.0&page=2&pageSize=5", $"{requests[3].Method} {requests[3].PathAndQuery}");
        Assert.Equal("DELETE /api/v1/groups/8", $"{requests[4].Method} {requests[4].PathAndQuery}");
        Assert.Null(requests[4].Body);
    }

    [Fact]
    public async Task HostListSendsItsParameters()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200,"hosts":[{"id":"a","status":"1","groups":[{"id":1,"name":"web"}],"metrics":3}],"total":1}""")));

        var page = await owl.Client.Hosts.ListAsync(new OwlHostListOptions { GroupId = 0, Status = "1", Page = 1, PageSize = 50 });

        Assert.Equal("/api/v1/hosts?group_id=0&status=1&page=1&pageSize=50", Assert.Single(owl.Handler.Requests).PathAndQuery);
        Assert.Equal(1, page.Total);
        Assert.Equal("web", page.Hosts[0].Groups![0].Name);
    }

    [Fact]
    public async Task BadInputIsRefusedBeforeAnythingIsSent()
    {
        using var owl = new OwlStub(new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, HostGroup)));
        var hostGroups = owl.Client.AsHostGroupService();
        var userGroups = owl.Client.AsUserGroupService();

        await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.HostGroups.CreateAsync("  "));
        await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.HostGroups.CreateAsync(new string('x', 256)));
        await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.HostGroups.CreateAsync("web\r\nX: y"));
        await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.HostGroups.CreateAsync("web", [""]));
        await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.HostGroups.CreateAsync("web", ["../x"]));
        await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.HostGroups.CreateAsync("web", [new string('a', 33)]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => owl.Client.HostGroups.DeleteAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => owl.Client.UserGroups.CreateAsync("ops", [0]));
        await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.Users.CreateAsync(new OwlUser { Username = "dave" }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => owl.Client.Users.UpdateAsync(0, new OwlUserUpdate { Mail = "d@x" }));
        await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { Username = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { Mail = "d@x\r\nX: y" }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { GroupIds = [0] }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => owl.Client.Users.ListAsync(new OwlUserListOptions { PageSize = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("options", () => owl.Client.Users.ListAsync(new OwlUserListOptions { GroupId = -1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("options", () => owl.Client.Hosts.ListAsync(new OwlHostListOptions { GroupId = -1 }));
        var everyStatus = await Assert.ThrowsAsync<ArgumentOutOfRangeException>("options", () => owl.Client.Users.ListAsync(new OwlUserListOptions { Status = -1 }));
        Assert.Equal(-1, everyStatus.ActualValue);
        Assert.StartsWith("Owl reads status -1 as 'every status', not as users whose status is -1; leave Status null to list every status.", everyStatus.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => hostGroups.GetGroupAsync("1/../2"));
        await Assert.ThrowsAsync<ArgumentException>(() => hostGroups.DeleteGroupAsync("abc"));
        await Assert.ThrowsAsync<ArgumentException>(() => userGroups.AddMembersAsync("1", ["alice"]));
        await Assert.ThrowsAsync<NotSupportedException>(() => hostGroups.CreateGroupAsync(new NewUserGroup("web") { Comment = "c" }));
        await Assert.ThrowsAsync<NotSupportedException>(() => hostGroups.CreateGroupAsync(new NewUserGroup("web") { ParentId = "1" }));

        Assert.Empty(owl.Handler.Requests);
    }
}
