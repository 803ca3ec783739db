using System.Net;
using UserGroupClient.JumpServer;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>What the typed API and the facade put on the wire, against an in-memory transport.</summary>
public sealed class JumpServerRequestTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string UserA = "a0b1c2d3-0000-4000-8000-000000000001";
    private const string UserB = "a0b1c2d3-0000-4000-8000-000000000002";
    private const string OtherOrg = "5b1e8d0c-3f4a-4c44-9a5e-0d7e2f9c1a11";

    [Fact]
    public async Task ListAlwaysSendsLimitAndClampsItToTheCap()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"next":null,"previous":null,"results":[]}"""));
        using var jms = new JumpServerStub(stub, configure: o => o.MaxPageSize = 1000);

        await jms.Client.UserGroups.ListAsync();
        await jms.Client.UserGroups.ListAsync(new JumpServerGroupListOptions { Limit = 5000, Offset = 20, Name = "ops", Order = "-date_created" });

        Assert.Equal("/api/v1/users/groups/?limit=100", stub.Requests[0].PathAndQuery);
        Assert.Equal("/api/v1/users/groups/?limit=1000&offset=20&name=ops&order=-date_created", stub.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task ListAllPagesByCountAndOffsetNotByNextLinks()
    {
        var stub = new StubHandler(request =>
        {
            var offset = request.RequestUri!.Query.Contains("offset=2", StringComparison.Ordinal) ? 2 : 0;
            var items = offset == 0 ? """[{"id":"a","name":"A"},{"id":"b","name":"B"}]""" : """[{"id":"c","name":"C"}]""";
            return StubHandler.Json(HttpStatusCode.OK, $$"""{"count":3,"next":"http://wrong-host/next","previous":null,"results":{{items}}}""");
        });
        using var jms = new JumpServerStub(stub);

        var names = new List<string>();
        await foreach (var group in jms.Client.UserGroups.ListAllAsync(new JumpServerGroupListOptions { Limit = 2 }))
        {
            names.Add(group.Name);
        }

        Assert.Equal(["A", "B", "C"], names);
        Assert.Equal(["/api/v1/users/groups/?limit=2&offset=0", "/api/v1/users/groups/?limit=2&offset=2"], stub.Requests.Select(r => r.PathAndQuery));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(-4, 0)]
    public async Task ListAllStartsAtTheOffsetAskedForAndANegativeOneAtZero(int asked, int sent)
    {
        var stub = new StubHandler(request =>
        {
            var second = request.RequestUri!.Query.Contains($"offset={sent + 2}", StringComparison.Ordinal);
            var items = second ? """[{"id":"c","name":"C"}]""" : """[{"id":"a","name":"A"},{"id":"b","name":"B"}]""";
            return StubHandler.Json(HttpStatusCode.OK, $$"""{"count":{{sent + 3}},"next":null,"previous":null,"results":{{items}}}""");
        });
        using var jms = new JumpServerStub(stub);

        var names = await jms.Client.UserGroups.ListAllAsync(new JumpServerGroupListOptions { Limit = 2, Offset = asked }).Select(g => g.Name).ToListAsync();

        Assert.Equal(["A", "B", "C"], names);
        Assert.Equal([$"/api/v1/users/groups/?limit=2&offset={sent}", $"/api/v1/users/groups/?limit=2&offset={sent + 2}"], stub.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task EveryPathEndsWithASlash()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Delete || request.RequestUri!.AbsolutePath.EndsWith("add-all-users/", StringComparison.Ordinal)
            ? new HttpResponseMessage(request.Method == HttpMethod.Delete ? HttpStatusCode.NoContent : HttpStatusCode.OK)
            : StubHandler.Json(HttpStatusCode.OK, $$"""{"id":"{{GroupId}}","name":"n","users":[],"count":0,"results":[]}"""));
        using var jms = new JumpServerStub(stub);
        var api = jms.Client.UserGroups;

        await api.GetAsync(GroupId);
        await api.UpdateAsync(GroupId, new JumpServerUserGroupUpdate("n"));
        await api.PatchAsync(GroupId, new JumpServerUserGroupPatch { Comment = "c" });
        await api.DeleteAsync(GroupId);
        await api.AddAllUsersAsync(GroupId);
        await api.RemoveUserAsync(GroupId, UserA);

        Assert.All(stub.Requests, r => Assert.EndsWith("/", r.PathAndQuery.Split('?')[0], StringComparison.Ordinal));
        Assert.Equal(
            ["GET", "PUT", "PATCH", "DELETE", "POST", "DELETE"],
            stub.Requests.Select(r => r.Method));
        Assert.Equal($"/api/v1/users/groups/{GroupId}/add-all-users/", stub.Requests[4].PathAndQuery);
        Assert.Equal($"/api/v1/users/users-groups-relations/?usergroup={GroupId}&user={UserA}", stub.Requests[5].PathAndQuery);
    }

    [Fact]
    public async Task TheOrganizationCanBeOverriddenPerScope()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"count":0,"results":[]}"""));
        using var jms = new JumpServerStub(stub, configure: o => o.OrganizationId = OtherOrg);

        await jms.Client.UserGroups.ListAsync();
        await jms.Client.UserGroups.WithOrganization(JumpServerOrganizations.Root).ListAsync();

        Assert.Equal(OtherOrg, stub.Requests[0].Header("X-JMS-ORG"));
        Assert.Equal(JumpServerOrganizations.Root, stub.Requests[1].Header("X-JMS-ORG"));
        Assert.Throws<ArgumentException>(() => jms.Client.UserGroups.WithOrganization("Default org"));
    }

    [Fact]
    public async Task BulkDeleteCachesTheIdsChecksTheSelectionAndDeletesBySpm()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/api/v1/common/resources/cache/" => StubHandler.Json(HttpStatusCode.OK, """{"spm": "3f2a"}"""),
            _ when request.Method == HttpMethod.Get => StubHandler.Json(HttpStatusCode.OK, """{"count": 2, "results": [{"id":"a","name":"A"}]}"""),
            _ => new HttpResponseMessage(HttpStatusCode.NoContent),
        });
        using var jms = new JumpServerStub(stub);

        await jms.Client.UserGroups.BulkDeleteAsync(["a", "b", "A"]);

        Assert.Equal("""{"resources":["a","b"]}""", stub.Requests[0].Body);
        Assert.Equal("/api/v1/users/groups/?limit=1&spm=3f2a", stub.Requests[1].PathAndQuery);
        Assert.Equal("DELETE", stub.Requests[2].Method);
        Assert.Equal("/api/v1/users/groups/?spm=3f2a", stub.Requests[2].PathAndQuery);
    }

    [Fact]
    public async Task BulkDeleteRefusesWhenSomeIdsAreNotGroupsAndDeletesNothing()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath == "/api/v1/common/resources/cache/"
            ? StubHandler.Json(HttpStatusCode.OK, """{"spm": "3f2a"}""")
            : StubHandler.Json(HttpStatusCode.OK, """{"count": 1, "results": [{"id":"a","name":"A"}]}"""));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.BulkDeleteAsync(["a", "b"]));

        Assert.StartsWith("JumpServer: the selection holds 1 group, not the 2 asked for; nothing was deleted.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(stub.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task BulkDeleteRefusesASelectionLargerThanTheIdsAndSaysSoPlainly()
    {
        // A server that ignores the spm selects every group of the organization: deleting by it would delete them all.
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath == "/api/v1/common/resources/cache/"
            ? StubHandler.Json(HttpStatusCode.OK, """{"spm": "3f2a"}""")
            : StubHandler.Json(HttpStatusCode.OK, """{"count": 254, "results": [{"id":"a","name":"A"}]}"""));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => jms.Client.UserGroups.BulkDeleteAsync(["a", "b", "c"]));

        Assert.Equal(typeof(UserGroupApiException), error.GetType());
        Assert.StartsWith("JumpServer: the selection holds 254 groups, not the 3 asked for; nothing was deleted.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("-251", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(stub.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task BulkDeleteWithAnExpiredSelectionSaysItHoldsNoGroups()
    {
        var stub = new StubHandler(request => request.RequestUri!.AbsolutePath == "/api/v1/common/resources/cache/"
            ? StubHandler.Json(HttpStatusCode.OK, """{"spm": "3f2a"}""")
            : StubHandler.Json(HttpStatusCode.OK, """{"count": 0, "results": []}"""));
        using var jms = new JumpServerStub(stub);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => jms.Client.UserGroups.BulkDeleteAsync(["a", "b", "c"]));

        Assert.Contains("the selection holds 0 groups, not the 3 asked for; nothing was deleted", error.Message, StringComparison.Ordinal);
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(stub.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task AddUsersPostsRelationRows()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created, $$"""[{"id": 1, "user": "{{UserA}}", "user_display": "Alice", "usergroup": "{{GroupId}}", "usergroup_display": "ops"}]"""));
        using var jms = new JumpServerStub(stub);

        var rows = await jms.Client.UserGroups.AddUsersAsync(GroupId, [UserA]);

        Assert.Equal("/api/v1/users/users-groups-relations/", stub.Requests[0].PathAndQuery);
        Assert.Equal($$"""[{"user":"{{UserA}}","usergroup":"{{GroupId}}"}]""", stub.Requests[0].Body);
        Assert.Equal("Alice", rows[0].UserDisplay);
    }

    [Fact]
    public async Task AddUsersWithNoUsersSendsNothing()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created, "[]"));
        using var jms = new JumpServerStub(stub);

        var rows = await jms.Client.UserGroups.AddUsersAsync(GroupId, []);

        Assert.Empty(rows);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SetUsersPatchesTheUsersField()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"id":"{{GroupId}}","name":"n","users":[]}"""));
        using var jms = new JumpServerStub(stub);

        await jms.Client.UserGroups.SetUsersAsync(GroupId, [UserA, UserB]);

        Assert.Equal("PATCH", stub.Requests[0].Method);
        Assert.Equal($$"""{"users":["{{UserA}}","{{UserB}}"]}""", stub.Requests[0].Body);
    }

    [Fact]
    public async Task MembersAreListedThroughTheUserFilter()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"count":1,"results":[{"id":"{{UserA}}","name":"Alice","username":"alice"}]}"""));
        using var jms = new JumpServerStub(stub);

        var page = await jms.Client.UserGroups.ListMembersAsync(GroupId, new JumpServerPageRequest(50, 0));

        Assert.Equal($"/api/v1/users/users/?group_id={GroupId}&limit=50&offset=0", stub.Requests[0].PathAndQuery);
        Assert.Equal("alice", page.Results[0].Username);
    }

    [Fact]
    public async Task FacadeAddSkipsExistingMembers()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Get
            ? StubHandler.Json(HttpStatusCode.OK, $$"""{"id":"{{GroupId}}","name":"n","users":[{"id":"{{UserA}}","name":"Alice"}]}""")
            : StubHandler.Json(HttpStatusCode.Created, "[]"));
        using var jms = new JumpServerStub(stub);

        await jms.Service.AddMembersAsync(GroupId, [UserA, UserB]);
        await jms.Service.AddMembersAsync(GroupId, [UserA]);

        var posts = stub.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Single(posts);
        Assert.Equal($$"""[{"user":"{{UserB}}","usergroup":"{{GroupId}}"}]""", posts[0].Body);
    }

    [Fact]
    public async Task FacadeRemoveDeletesOnlyCurrentMembers()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Get
            ? StubHandler.Json(HttpStatusCode.OK, $$"""{"id":"{{GroupId}}","name":"n","users":[{"id":"{{UserA}}"}]}""")
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        using var jms = new JumpServerStub(stub);

        await jms.Service.RemoveMembersAsync(GroupId, [UserA, UserB]);

        var delete = Assert.Single(stub.Requests, r => r.Method == "DELETE");
        Assert.Contains($"user={UserA}", delete.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FacadeRefusesHierarchyBeforeSending()
    {
        var stub = new StubHandler(_ => throw new InvalidOperationException("nothing may be sent"));
        using var jms = new JumpServerStub(stub);

        Assert.False(jms.Service.Capabilities.SupportsHierarchy);
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => jms.Service.CreateGroupAsync(new NewUserGroup("x") { ParentId = "p" }));
        Assert.Contains("JumpServer", error.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => jms.Service.ListGroupsAsync(new UserGroupQuery { ParentId = "p" }));
        await Assert.ThrowsAsync<NotSupportedException>(() => jms.Service.UpdateGroupAsync(GroupId, new UserGroupUpdate { ParentId = "p" }));
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    public async Task BadNamesAreRefusedBeforeSending(string name)
    {
        var stub = new StubHandler(_ => throw new InvalidOperationException("nothing may be sent"));
        using var jms = new JumpServerStub(stub);

        await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.CreateGroupAsync(new NewUserGroup(name)));
        await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.FindGroupByNameAsync(name));
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task OverlongNamesAndBadIdsAreRefusedBeforeSending()
    {
        var stub = new StubHandler(_ => throw new InvalidOperationException("nothing may be sent"));
        using var jms = new JumpServerStub(stub);

        await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.CreateGroupAsync(new NewUserGroup(new string('n', 129))));
        await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.GetGroupAsync("../users"));
        await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.DeleteGroupAsync("a/b"));
        await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.AddMembersAsync(GroupId, ["not-a-uuid"]));
        await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.SetMembersAsync(GroupId, ["x\r\ny"]));
        Assert.Empty(stub.Requests);
    }
}
