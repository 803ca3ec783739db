using System.Net;
using UserGroupClient.Owl;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// The typed user update (docs/wire/owl.md §6.1, §8): it reads every user, sends the whole user with each given
/// change in place of the current value, checks new group ids against the user-group list, and changes nothing for a
/// user or a group that does not exist.
/// </summary>
public sealed class OwlUserUpdateTests
{
    private const string Dave = """{"id":7,"username":"dave","role":1,"phone":"1","mail":"d@x","weixin":"wx","status":1,"groups":[{"id":2,"name":"ops"}]}""";

    // User 7 "dave" (in user group 2) and user 8 "erin" (whose listing has no groups); user groups 3 "ops" and 4 "dev".
    private static StubHandler Server() => new(request => StubHandler.Json(HttpStatusCode.OK, (request.Method.Method, request.RequestUri!.AbsolutePath) switch
    {
        ("GET", "/api/v1/users") => $$"""{"code":200,"users":[{{Dave}},{"id":8,"username":"erin","role":0,"phone":"2","mail":"","weixin":"","status":1}],"total":2}""",
        ("GET", "/api/v1/usergroups") => """{"code":200,"groups":[{"id":3,"name":"ops","users":[]},{"id":4,"name":"dev","users":[]}]}""",
        _ => """{"code":200,"message":"user update successful"}""",
    }));

    [Fact]
    public async Task EveryGivenChangeReplacesTheCurrentValueAndTheRestIsSentAsRead()
    {
        using var owl = new OwlStub(Server());

        var user = await owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { Username = "david", Role = 0, Phone = "9", Weixin = "wx9", Status = 0 });

        var post = owl.Handler.Requests[^1];
        Assert.Equal("POST /api/v1/users", $"{post.Method} {post.PathAndQuery}");
        Assert.Equal("""{"id":7,"username":"david","role":0,"phone":"9","mail":"d@x","weixin":"wx9","status":0,"groups":[{"id":2}]}""", post.Body);
        Assert.Equal((7, "david", 0, "9", "d@x", "wx9", 0), (user.Id, user.Username, user.Role, user.Phone, user.Mail, user.Weixin, user.Status));
        Assert.Equal([(2, "ops")], user.Groups!.Select(group => (group.Id, group.Name)));
    }

    [Fact]
    public async Task NewGroupIdsAreCheckedAgainstTheUserGroupsAndReplaceTheUsersGroups()
    {
        using var owl = new OwlStub(Server());

        var user = await owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { GroupIds = [4, 3] });

        Assert.Equal(
            ["GET /api/v1/users?page=0", "GET /api/v1/usergroups", "POST /api/v1/users"],
            owl.Handler.Requests.Select(request => $"{request.Method} {request.PathAndQuery}"));
        Assert.Equal("""{"id":7,"username":"dave","role":1,"phone":"1","mail":"d@x","weixin":"wx","status":1,"groups":[{"id":4},{"id":3}]}""", owl.Handler.Requests[^1].Body);
        Assert.Equal([(4, "dev"), (3, "ops")], user.Groups!.Select(group => (group.Id, group.Name)));
    }

    [Fact]
    public async Task AnEmptyGroupListTakesTheUserOutOfEveryGroupWithoutReadingTheGroups()
    {
        using var owl = new OwlStub(Server());

        var user = await owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { GroupIds = [] });

        Assert.Equal(["GET /api/v1/users?page=0", "POST /api/v1/users"], owl.Handler.Requests.Select(request => $"{request.Method} {request.PathAndQuery}"));
        Assert.EndsWith(""","groups":[]}""", owl.Handler.Requests[^1].Body, StringComparison.Ordinal);
        Assert.Empty(user.Groups!);
    }

    [Fact]
    public async Task AUserListedWithoutGroupsIsSentWithAnEmptyGroupList()
    {
        using var owl = new OwlStub(Server());

        var user = await owl.Client.Users.UpdateAsync(8, new OwlUserUpdate { Mail = "e@x" });

        Assert.Equal("""{"id":8,"username":"erin","role":0,"phone":"2","mail":"e@x","weixin":"","status":1,"groups":[]}""", owl.Handler.Requests[^1].Body);
        Assert.Empty(user.Groups!);
    }

    [Fact]
    public async Task AnUnknownGroupIdIsRefusedByNameBeforeTheUserIsWritten()
    {
        using var owl = new OwlStub(Server());

        var error = await Assert.ThrowsAsync<UserGroupUnknownIdsException>(() => owl.Client.Users.UpdateAsync(7, new OwlUserUpdate { GroupIds = [3, 9, 10] }));

        Assert.Equal("Owl users: no user group has id 9, 10; nothing was changed.", error.Message);
        Assert.Equal("Owl", error.Dialect);
        Assert.Equal(["9", "10"], error.UnknownIds);
        Assert.DoesNotContain(owl.Handler.Requests, request => request.Method == "POST");
    }

    [Fact]
    public async Task AnUnknownUserIsNotFoundAndNothingIsWritten()
    {
        using var owl = new OwlStub(Server());

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => owl.Client.Users.UpdateAsync(9, new OwlUserUpdate { Mail = "x@y" }));

        Assert.Equal("Owl users: no user has id 9; nothing was changed.", error.Message);
        Assert.Equal("Owl", error.Dialect);
        Assert.Equal("GET /api/v1/users?page=0", Assert.Single(owl.Handler.Requests.Select(request => $"{request.Method} {request.PathAndQuery}")));
    }
}
