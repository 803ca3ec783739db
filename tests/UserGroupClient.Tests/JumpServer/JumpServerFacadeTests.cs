using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.JumpServer;

/// <summary>What each call of the JumpServer facade sends, and what it returns or raises, against an in-memory transport.</summary>
public sealed class JumpServerFacadeTests
{
    private const string GroupId = "7413d36d-cf37-45f4-b42a-cd5eeff1f4ff";
    private const string OtherId = "0d1e2f3a-0000-4000-8000-0000000000aa";
    private const string UserA = "a0b1c2d3-0000-4000-8000-000000000001";
    private const string UserB = "a0b1c2d3-0000-4000-8000-000000000002";
    private const string EmptyPage = """{"count":0,"next":null,"previous":null,"results":[]}""";

    private static string Page(string results, int count) => $$"""{"count":{{count}},"next":null,"previous":null,"results":[{{results}}]}""";

    private static string Detail(params string[] users) =>
        $$"""{"id":"{{GroupId}}","name":"ops","comment":"","users":[{{string.Join(',', users.Select(u => $$"""{"id":"{{u}}"}"""))}}]}""";

    private static IEnumerable<string> Sent(StubHandler stub) => stub.Requests.Select(r => $"{r.Method} {r.PathAndQuery}");

    [Fact]
    public void CapabilitiesDescribeJumpServerWithTheConfiguredPageCap()
    {
        using var jms = new JumpServerStub(new StubHandler(_ => throw new InvalidOperationException("nothing may be sent")), configure: o => o.MaxPageSize = 700);

        Assert.Equal(
            new UserGroupCapabilities
            {
                Dialect = "JumpServer",
                SupportsRename = true,
                SupportsComment = true,
                SupportsHierarchy = false,
                SupportsSearch = true,
                SupportsParentFilter = false,
                NativeBulkDelete = true,
                NativeAddMembers = true,
                NativeRemoveMembers = true,
                NativeSetMembers = true,
                MaxPageSize = 700,
                UniqueNames = true,
                NameComparison = StringComparison.Ordinal,
            },
            jms.Service.Capabilities);
    }

    [Fact]
    public async Task ListingSendsTheSearchAndPageSizeAndCountsPeopleNotServiceAccounts()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Page(
            """
            {"id":"g1","name":"ops-a","comment":"first","users_amount":5,"users":[{"id":"u1"}],"date_created":"2026/01/02 03:04:05 +0000"},
            {"id":"g2","name":"ops-b","users":[{"id":"u1","is_service_account":false},{"id":"u2","is_service_account":true},{"id":"u3"},{"id":"u4","is_service_account":false}]},
            {"id":"g3","name":"ops-c"}
            """,
            3)));
        using var jms = new JumpServerStub(stub);

        var groups = await jms.Service.ListGroupsAsync(new UserGroupQuery { Search = "ops", PageSize = 7 }).ToListAsync();

        Assert.Equal("GET /api/v1/users/groups/?limit=7&offset=0&search=ops", Assert.Single(Sent(stub)));
        Assert.Equal(["g1", "g2", "g3"], groups.Select(g => g.Id));
        Assert.Equal("first", groups[0].Comment);
        Assert.Equal(5, groups[0].MemberCount);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), groups[0].CreatedAt);
        Assert.Equal(3, groups[1].MemberCount);
        Assert.Null(groups[2].MemberCount);
        Assert.Null(groups[2].ParentId);
    }

    [Fact]
    public async Task ListingWithoutAQuerySendsNoSearch()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, EmptyPage));
        using var jms = new JumpServerStub(stub);

        Assert.Empty(await jms.Service.ListGroupsAsync().ToListAsync());

        Assert.Equal("GET /api/v1/users/groups/?limit=100&offset=0", Assert.Single(Sent(stub)));
    }

    [Fact]
    public async Task FindingByNameSendsTheTrimmedNameAndPicksTheExactCase()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Page("""{"id":"g1","name":"OPS"},{"id":"g2","name":"ops","comment":"c"}""", 2)));
        using var jms = new JumpServerStub(stub);

        var found = await jms.Service.FindGroupByNameAsync(" ops ");
        var missing = await jms.Service.FindGroupByNameAsync("Ops");

        Assert.Equal(new UserGroup("g2", "ops") { Comment = "c" }, found);
        Assert.Null(missing);
        Assert.Equal(["GET /api/v1/users/groups/?limit=100&name=ops", "GET /api/v1/users/groups/?limit=100&name=Ops"], Sent(stub));
    }

    [Fact]
    public async Task CreatingSendsNameCommentAndMembersAndReturnsTheCreatedGroup()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Post
            ? StubHandler.Json(HttpStatusCode.Created, $$"""{"id":"{{GroupId}}","name":"ops","comment":"night shift","users":[{"id":"{{UserA}}"}]}""")
            : StubHandler.Json(HttpStatusCode.OK, EmptyPage));
        using var jms = new JumpServerStub(stub);

        var created = await jms.Service.CreateGroupAsync(new NewUserGroup("ops") { Comment = "night shift", MemberIds = [UserA.ToUpperInvariant(), UserA] });

        Assert.Equal(new UserGroup(GroupId, "ops") { Comment = "night shift", MemberCount = 1 }, created);
        var post = Assert.Single(stub.Requests, r => r.Method == "POST");
        Assert.Equal("/api/v1/users/groups/", post.PathAndQuery);
        Assert.Contains("\"name\":\"ops\"", post.Body, StringComparison.Ordinal);
        Assert.Contains("\"comment\":\"night shift\"", post.Body, StringComparison.Ordinal);
        Assert.Contains($"\"users\":[\"{UserA}\"]", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingWithoutMembersSendsNoUsers()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Created, $$"""{"id":"{{GroupId}}","name":"ops"}"""));
        using var jms = new JumpServerStub(stub);

        await jms.Service.CreateGroupAsync(new NewUserGroup("ops"));

        var post = Assert.Single(stub.Requests);
        Assert.DoesNotContain("users", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadCreateInputIsRefusedBeforeAnythingIsSent()
    {
        var stub = new StubHandler(_ => throw new InvalidOperationException("nothing may be sent"));
        using var jms = new JumpServerStub(stub);

        await Assert.ThrowsAsync<ArgumentNullException>(() => jms.Service.CreateGroupAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = ["alice"] }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => jms.Service.UpdateGroupAsync(GroupId, null!));
        await Assert.ThrowsAsync<ArgumentException>(() => jms.Service.UpdateGroupAsync(GroupId, new UserGroupUpdate { Name = " " }));
        Assert.Throws<ArgumentException>(() => jms.Service.ListGroupsAsync(new UserGroupQuery { Search = "a\nb" }));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task UpdatingPatchesOnlyWhatIsGivenAndReturnsTheAnswer()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"id":"{{GroupId}}","name":"ops2","comment":"c2","users_amount":3}"""));
        using var jms = new JumpServerStub(stub);

        var renamed = await jms.Service.UpdateGroupAsync(GroupId, new UserGroupUpdate { Name = "ops2" });
        await jms.Service.UpdateGroupAsync(GroupId, new UserGroupUpdate { Comment = "c2" });

        Assert.Equal(new UserGroup(GroupId, "ops2") { Comment = "c2", MemberCount = 3 }, renamed);
        Assert.Equal([$"PATCH /api/v1/users/groups/{GroupId}/", $"PATCH /api/v1/users/groups/{GroupId}/"], Sent(stub));
        Assert.Equal("""{"name":"ops2"}""", stub.Requests[0].Body);
        Assert.Equal("""{"comment":"c2"}""", stub.Requests[1].Body);
    }

    [Fact]
    public async Task DeletingNoGroupsSendsNothingAndOneGroupIsOneDelete()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var jms = new JumpServerStub(stub);

        await jms.Service.DeleteGroupsAsync([]);
        await jms.Service.DeleteGroupsAsync([GroupId, GroupId.ToUpperInvariant()]);
        await jms.Service.DeleteGroupAsync(OtherId);

        Assert.Equal([$"DELETE /api/v1/users/groups/{GroupId}/", $"DELETE /api/v1/users/groups/{OtherId}/"], Sent(stub));
        await Assert.ThrowsAsync<ArgumentNullException>(() => jms.Service.DeleteGroupsAsync(null!));
    }

    [Fact]
    public async Task DeletingSeveralGroupsUsesTheCheckedSelection()
    {
        var stub = new StubHandler(request => request.Method.Method switch
        {
            "POST" => StubHandler.Json(HttpStatusCode.OK, """{"spm":"s-1"}"""),
            "GET" => StubHandler.Json(HttpStatusCode.OK, Page("""{"id":"x","name":"x"}""", 2)),
            _ => new HttpResponseMessage(HttpStatusCode.NoContent),
        });
        using var jms = new JumpServerStub(stub);

        await jms.Service.DeleteGroupsAsync([GroupId, OtherId, GroupId.ToUpperInvariant()]);

        Assert.Equal(
            ["POST /api/v1/common/resources/cache/", "GET /api/v1/users/groups/?limit=1&spm=s-1", "DELETE /api/v1/users/groups/?spm=s-1"],
            Sent(stub));
        Assert.Equal($$"""{"resources":["{{GroupId}}","{{OtherId}}"]}""", stub.Requests[0].Body);
    }

    [Fact]
    public async Task ListingMembersReadsTheGroupFirstAndNamesEachMember()
    {
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.AbsolutePath.EndsWith("/users/users/", StringComparison.Ordinal)
            ? Page($$"""{"id":"{{UserA}}","name":"Alice","username":"alice"},{"id":"{{UserB}}","username":"bob"}""", 2)
            : Detail(UserA, UserB)));
        using var jms = new JumpServerStub(stub);

        var members = await jms.Service.ListMembersAsync(GroupId).ToListAsync();

        Assert.Equal([new GroupMember(UserA, "Alice") { UserName = "alice" }, new GroupMember(UserB, "bob") { UserName = "bob" }], members);
        Assert.Equal([$"GET /api/v1/users/groups/{GroupId}/", $"GET /api/v1/users/users/?group_id={GroupId}&limit=100&offset=0"], Sent(stub));
    }

    [Fact]
    public async Task ListingTheMembersOfAnUnknownGroupIsNotFound()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, """{"detail":"Not found."}"""));
        using var jms = new JumpServerStub(stub);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(async () => await jms.Service.ListMembersAsync(GroupId).ToListAsync());

        Assert.Equal([$"GET /api/v1/users/groups/{GroupId}/"], Sent(stub));
    }

    [Fact]
    public async Task AddingMembersComparesIdsIgnoringCaseAndSendsOnlyTheMissing()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Get
            ? StubHandler.Json(HttpStatusCode.OK, Detail(UserA.ToUpperInvariant()))
            : StubHandler.Json(HttpStatusCode.Created, "[]"));
        using var jms = new JumpServerStub(stub);

        await jms.Service.AddMembersAsync(GroupId, [UserA]);
        await jms.Service.AddMembersAsync(GroupId, [UserA, UserB]);

        Assert.Equal(
            [$"GET /api/v1/users/groups/{GroupId}/", $"GET /api/v1/users/groups/{GroupId}/", "POST /api/v1/users/users-groups-relations/"],
            Sent(stub));
        Assert.Equal($$"""[{"user":"{{UserB}}","usergroup":"{{GroupId}}"}]""", stub.Requests[2].Body);
    }

    [Fact]
    public async Task AddingToAGroupWithoutAMemberListSendsEveryId()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Get
            ? StubHandler.Json(HttpStatusCode.OK, $$"""{"id":"{{GroupId}}","name":"ops"}""")
            : StubHandler.Json(HttpStatusCode.Created, "[]"));
        using var jms = new JumpServerStub(stub);

        await jms.Service.AddMembersAsync(GroupId, [UserA]);

        Assert.Equal($$"""[{"user":"{{UserA}}","usergroup":"{{GroupId}}"}]""", Assert.Single(stub.Requests, r => r.Method == "POST").Body);
    }

    [Fact]
    public async Task ARefusedRelationDeleteOfAUserAlreadyGoneCountsAsDone()
    {
        var deleted = false;
        var stub = new StubHandler(request =>
        {
            if (request.Method == HttpMethod.Delete)
            {
                deleted = true;
                return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new ByteArrayContent([]) };
            }

            return StubHandler.Json(HttpStatusCode.OK, deleted ? Detail(UserB) : Detail(UserA, UserB));
        });
        using var jms = new JumpServerStub(stub);

        await jms.Service.RemoveMembersAsync(GroupId, [UserA]);

        Assert.Equal(
            [$"GET /api/v1/users/groups/{GroupId}/", $"DELETE /api/v1/users/users-groups-relations/?usergroup={GroupId}&user={UserA}", $"GET /api/v1/users/groups/{GroupId}/"],
            Sent(stub));
    }

    [Fact]
    public async Task ARefusedRelationDeleteOfAUserStillInTheGroupIsRaised()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Delete
            ? new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new ByteArrayContent([]) }
            : StubHandler.Json(HttpStatusCode.OK, Detail(UserA, UserB)));
        using var jms = new JumpServerStub(stub);

        await Assert.ThrowsAsync<UserGroupValidationException>(() => jms.Service.RemoveMembersAsync(GroupId, [UserB, UserA]));

        Assert.Single(stub.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task SettingMembersIsOnePatchOfTheCheckedIds()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Detail(UserA)));
        using var jms = new JumpServerStub(stub);

        await jms.Service.SetMembersAsync(GroupId, [UserA.ToUpperInvariant(), UserB]);

        var patch = Assert.Single(stub.Requests);
        Assert.Equal($"PATCH /api/v1/users/groups/{GroupId}/", $"{patch.Method} {patch.PathAndQuery}");
        Assert.Equal($$"""{"users":["{{UserA}}","{{UserB}}"]}""", patch.Body);
    }

    [Fact]
    public async Task GettingAGroupReadsItsDetail()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, Detail(UserA, UserB)));
        using var jms = new JumpServerStub(stub);

        var group = await jms.Service.GetGroupAsync(GroupId);

        Assert.Equal(new UserGroup(GroupId, "ops") { Comment = "", MemberCount = 2 }, group);
        Assert.Equal([$"GET /api/v1/users/groups/{GroupId}/"], Sent(stub));
    }
}
