using System.Net;
using UserGroupClient.MinApp;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.MinApp;

/// <summary>
/// What each call of the MinApp facade sends and returns: supergroups as parents, searches and name lookups matched on
/// the client, member changes as membership PATCHes, and the comment it refuses.
/// </summary>
public sealed class MinAppFacadeTests
{
    private const string Groups = "/oserve/v1/user-group/";
    private const string Membership = "/oserve/v1/miniapp/group/membership/";

    private static MinAppStub Stub(Func<HttpRequestMessage, HttpResponseMessage> api, Action<MinAppClientOptions>? configure = null)
    {
        var stub = new MinAppStub(MinAppCredentials.AccessToken("t"), configure) { Api = api };
        stub.Accept("t");
        return stub;
    }

    private static HttpResponseMessage Page(params string[] objects) =>
        StubHandler.Json(HttpStatusCode.OK, $$"""{"meta": {"limit": 1000, "next": null, "offset": 0, "previous": null, "total_count": {{objects.Length}}}, "objects": [{{string.Join(',', objects)}}]}""");

    private static string Group(int id, string name, int? parent = null, int members = 0) =>
        $$"""{"id": {{id}}, "members": {{members}}, "name": "{{name}}", "parent": {{(parent is null ? "null" : $$"""{"id": {{parent}}, "name": "s"}""")}}}""";

    private static HttpResponseMessage One(string group) => StubHandler.Json(HttpStatusCode.OK, group);

    private static List<string> Sent(MinAppStub stub) => stub.ApiRequests.Select(r => $"{r.Method} {r.PathAndQuery}").ToList();

    [Fact]
    public void CapabilitiesDescribeMinApp()
    {
        using var stub = Stub(_ => throw new InvalidOperationException("nothing may be sent"));

        Assert.Equal(
            new UserGroupCapabilities
            {
                Dialect = "MinApp",
                SupportsRename = true,
                SupportsComment = false,
                SupportsHierarchy = true,
                SupportsSearch = true,
                SupportsParentFilter = true,
                NativeBulkDelete = true,
                NativeAddMembers = true,
                NativeRemoveMembers = true,
                NativeSetMembers = false,
                MaxPageSize = 1000,
                UniqueNames = false,
                NameComparison = StringComparison.Ordinal,
            },
            stub.Service.Capabilities);
    }

    [Fact]
    public async Task ListingPassesTheParentAndPageSizeAndMapsTheSupergroup()
    {
        using var stub = Stub(_ => Page(Group(1, "ops", parent: 9, members: 4), Group(2, "dev")));

        var groups = await stub.Service.ListGroupsAsync(new UserGroupQuery { ParentId = "9", PageSize = 20 }).ToListAsync();

        Assert.Equal([new UserGroup("1", "ops") { ParentId = "9", MemberCount = 4 }, new UserGroup("2", "dev") { MemberCount = 0 }], groups);
        Assert.Equal([$"GET {Groups}?limit=20&offset=0&parent_id=9"], Sent(stub));
    }

    [Fact]
    public async Task ASearchReadsTheLargestPagesAndMatchesNamesIgnoringCase()
    {
        using var stub = Stub(_ => Page(Group(1, "ops-a"), Group(2, "dev"), Group(3, "OPS-b")));

        var groups = await stub.Service.ListGroupsAsync(new UserGroupQuery { Search = "Ops" }).ToListAsync();
        var all = await stub.Service.ListGroupsAsync().ToListAsync();

        Assert.Equal(["1", "3"], groups.Select(g => g.Id));
        Assert.Equal(["1", "2", "3"], all.Select(g => g.Id));
        Assert.Equal($"GET {Groups}?limit=1000&offset=0", Sent(stub)[0]);
        Assert.DoesNotContain("limit=1000", Sent(stub)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindingByNamePagesThroughTheGroupsForTheExactName()
    {
        using var stub = Stub(_ => Page(Group(1, "OPS"), Group(2, "ops", parent: 5), Group(3, "ops")));

        var found = await stub.Service.FindGroupByNameAsync("ops");
        var missing = await stub.Service.FindGroupByNameAsync("Ops ");

        Assert.Equal(new UserGroup("2", "ops") { ParentId = "5", MemberCount = 0 }, found);
        Assert.Null(missing);
        Assert.Equal([$"GET {Groups}?limit=1000&offset=0", $"GET {Groups}?limit=1000&offset=0"], Sent(stub));
    }

    [Fact]
    public async Task ACommentIsRefusedNamingMinAppBeforeAnythingIsSent()
    {
        using var stub = Stub(_ => throw new InvalidOperationException("nothing may be sent"));

        var create = await Assert.ThrowsAsync<NotSupportedException>(() => stub.Service.CreateGroupAsync(new NewUserGroup("ops") { Comment = "" }));
        var update = await Assert.ThrowsAsync<NotSupportedException>(() => stub.Service.UpdateGroupAsync("7", new UserGroupUpdate { Comment = "c" }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => stub.Service.CreateGroupAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => stub.Service.UpdateGroupAsync("7", null!));
        await Assert.ThrowsAsync<ArgumentException>(() => stub.Service.UpdateGroupAsync("7", new UserGroupUpdate { Name = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => stub.Service.UpdateGroupAsync("7", new UserGroupUpdate { Name = "n", ParentId = "x" }));
        await Assert.ThrowsAsync<ArgumentException>(() => stub.Service.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = ["x"] }));
        Assert.Throws<ArgumentException>(() => stub.Service.ListGroupsAsync(new UserGroupQuery { ParentId = "x" }));

        Assert.Contains("MinApp", create.Message, StringComparison.Ordinal);
        Assert.Contains("SupportsComment", update.Message, StringComparison.Ordinal);
        Assert.Empty(Sent(stub));
    }

    [Fact]
    public async Task CreatingUnderASupergroupWithoutMembersIsOnePost()
    {
        using var stub = Stub(_ => StubHandler.Json(HttpStatusCode.Created, Group(77, "ops", parent: 9)));

        var created = await stub.Service.CreateGroupAsync(new NewUserGroup("ops") { ParentId = "9", MemberIds = [] });

        Assert.Equal(new UserGroup("77", "ops") { ParentId = "9", MemberCount = 0 }, created);
        var post = Assert.Single(stub.ApiRequests);
        Assert.Equal($"POST {Groups}", $"{post.Method} {post.PathAndQuery}");
        Assert.Equal("""{"name":"ops","parent":9}""", post.Body);
    }

    [Fact]
    public async Task CreatingWithMembersAddsThemInOnePatchAndReadsTheGroupAgain()
    {
        using var stub = Stub(request => request.Method.Method switch
        {
            "POST" => StubHandler.Json(HttpStatusCode.Created, Group(77, "ops")),
            "PATCH" => new HttpResponseMessage(HttpStatusCode.NoContent),
            _ => One(Group(77, "ops", members: 2)),
        });

        var created = await stub.Service.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = ["5", "6"] });

        Assert.Equal(new UserGroup("77", "ops") { MemberCount = 2 }, created);
        Assert.Equal([$"POST {Groups}", $"PATCH {Membership}", $"GET {Groups}77/"], Sent(stub));
        Assert.Equal("""{"name":"ops"}""", stub.ApiRequests.First().Body);
        Assert.Equal("""[{"op":"add","path":"/membership","users":[5,6],"groups":[77]}]""", stub.ApiRequests.ElementAt(1).Body);
    }

    [Fact]
    public async Task ACreateWhoseAnswerIsLostFindsTheNewGroupByNameAndParent()
    {
        var posted = false;
        using var stub = Stub(
            request =>
            {
                if (request.Method == HttpMethod.Post)
                {
                    posted = true;
                    return StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"status": "error", "error_msg": "busy"}""");
                }

                // After the create, besides the new group, groups whose name or parent differ have appeared too.
                return posted
                    ? Page(Group(1, "ops", parent: 9), Group(3, "OPS", parent: 9), Group(2, "ops", parent: 8), Group(4, "ops", parent: 9))
                    : Page(Group(1, "ops", parent: 9));
            },
            o => o.Resilience.Enabled = true);

        var created = await stub.Service.CreateGroupAsync(new NewUserGroup("ops") { ParentId = "9" });

        Assert.Equal(new UserGroup("4", "ops") { ParentId = "9", MemberCount = 0 }, created);
        Assert.Equal([$"GET {Groups}?limit=1000&offset=0&parent_id=9", $"POST {Groups}", $"GET {Groups}?limit=1000&offset=0&parent_id=9"], Sent(stub));
    }

    [Fact]
    public async Task ACreateWhoseAnswerIsLostIgnoresANewGroupUnderAnotherParent()
    {
        var posted = false;
        using var stub = Stub(
            request =>
            {
                if (request.Method == HttpMethod.Post)
                {
                    posted = true;
                    return StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"status": "error", "error_msg": "busy"}""");
                }

                return posted ? Page(Group(1, "ops", parent: 8)) : Page();
            },
            o =>
            {
                o.Resilience.Enabled = true;
                o.Resilience.MaxRetryAttempts = 1;
                o.Resilience.BaseDelay = TimeSpan.Zero;
            });

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => stub.Service.CreateGroupAsync(new NewUserGroup("ops")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);

        Assert.Equal(2, Sent(stub).Count(r => r.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RenamingSendsTheNameAndParentWithoutReadingFirst()
    {
        using var stub = Stub(_ => One(Group(7, "renamed", parent: 3)));

        var updated = await stub.Service.UpdateGroupAsync("7", new UserGroupUpdate { Name = "renamed", ParentId = "3" });
        await stub.Service.UpdateGroupAsync("7", new UserGroupUpdate { Name = "renamed" });

        Assert.Equal(new UserGroup("7", "renamed") { ParentId = "3", MemberCount = 0 }, updated);
        Assert.Equal([$"PUT {Groups}7/", $"PUT {Groups}7/"], Sent(stub));
        var put = stub.ApiRequests.First();
        Assert.Equal($"PUT {Groups}7/", $"{put.Method} {put.PathAndQuery}");
        Assert.Equal("""{"name":"renamed","parent":3}""", put.Body);
    }

    [Fact]
    public async Task MovingAGroupReadsItsNameFirstBecausePutNeedsIt()
    {
        using var stub = Stub(request => One(request.Method == HttpMethod.Get ? Group(7, "current") : Group(7, "current", parent: 3)));

        var updated = await stub.Service.UpdateGroupAsync("7", new UserGroupUpdate { ParentId = "3" });

        Assert.Equal("3", updated.ParentId);
        Assert.Equal([$"GET {Groups}7/", $"PUT {Groups}7/"], Sent(stub));
        Assert.Equal("""{"name":"current","parent":3}""", stub.ApiRequests.Last().Body);
    }

    [Fact]
    public async Task GettingAndDeletingAddressTheGroupById()
    {
        using var stub = Stub(request => request.Method == HttpMethod.Delete ? new HttpResponseMessage(HttpStatusCode.NoContent) : One(Group(7, "ops", members: 3)));

        var group = await stub.Service.GetGroupAsync("7");
        await stub.Service.DeleteGroupAsync("7");

        Assert.Equal(new UserGroup("7", "ops") { MemberCount = 3 }, group);
        Assert.Equal([$"GET {Groups}7/", $"DELETE {Groups}7/"], Sent(stub));
    }

    [Fact]
    public async Task ListingMembersReadsTheGroupThenItsProfiles()
    {
        using var stub = Stub(request => request.RequestUri!.AbsolutePath == Groups + "7/"
            ? One(Group(7, "ops"))
            : Page("""{"id": 100, "user_id": 5, "nickname": "Ann"}""", """{"id": 101, "nickname": null}"""));

        var members = await stub.Service.ListMembersAsync("7").ToListAsync();

        Assert.Equal([new GroupMember("5", "Ann"), new GroupMember("101")], members);
        Assert.Equal($"GET {Groups}7/", Sent(stub)[0]);
        Assert.StartsWith("GET /oserve/v1/miniapp/user-profile/?group__in=7&", Sent(stub)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAndRemovingAreOnePatchEachAndNothingForNoIds()
    {
        using var stub = Stub(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await stub.Service.AddMembersAsync("7", []);
        await stub.Service.RemoveMembersAsync("7", []);
        await stub.Service.AddMembersAsync("7", ["5", "6", "5"]);
        await stub.Service.RemoveMembersAsync("7", ["6"]);

        Assert.Equal([$"PATCH {Membership}", $"PATCH {Membership}"], Sent(stub));
        Assert.Equal("""[{"op":"add","path":"/membership","users":[5,6],"groups":[7]}]""", stub.ApiRequests.First().Body);
        Assert.Equal("""[{"op":"remove","path":"/membership","users":[6],"groups":[7]}]""", stub.ApiRequests.Last().Body);
    }

    [Fact]
    public async Task SettingMembersSendsTheAdditionsAndRemovalsInOnePatch()
    {
        using var stub = Stub(request => request.Method.Method switch
        {
            "PATCH" => new HttpResponseMessage(HttpStatusCode.NoContent),
            _ when request.RequestUri!.AbsolutePath == Groups + "7/" => One(Group(7, "ops")),
            _ => Page("""{"id": 100, "user_id": 5}""", """{"id": 101, "user_id": 6}""", """{"id": 102}"""),
        });

        await stub.Service.SetMembersAsync("7", ["6", "8"]);

        var patch = Assert.Single(stub.ApiRequests, r => r.Method == "PATCH");
        Assert.Equal("""[{"op":"add","path":"/membership","users":[8],"groups":[7]},{"op":"remove","path":"/membership","users":[5],"groups":[7]}]""", patch.Body);
    }

    [Fact]
    public async Task SettingTheMembersOfAnUnknownGroupIsNotFoundAndChangesNothing()
    {
        // The profile filter of an unknown group lists nobody: without the group read first, every wanted id would be added.
        using var stub = Stub(request => request.RequestUri!.AbsolutePath == Groups + "7/"
            ? StubHandler.Json(HttpStatusCode.NotFound, "{}")
            : request.Method == HttpMethod.Get ? Page() : new HttpResponseMessage(HttpStatusCode.NoContent));

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => stub.Service.SetMembersAsync("7", ["6", "8"]));

        Assert.Equal([$"GET {Groups}7/"], Sent(stub));
    }

    [Theory]
    [InlineData("5,6", "")]
    [InlineData("5,6,7", """[{"op":"add","path":"/membership","users":[7],"groups":[7]}]""")]
    [InlineData("", """[{"op":"remove","path":"/membership","users":[5,6],"groups":[7]}]""")]
    public async Task SettingMembersSendsOnlyTheKindOfChangeNeeded(string wanted, string expectedPatch)
    {
        using var stub = Stub(request => request.Method.Method switch
        {
            "PATCH" => new HttpResponseMessage(HttpStatusCode.NoContent),
            _ when request.RequestUri!.AbsolutePath == Groups + "7/" => One(Group(7, "ops")),
            _ => Page("""{"id": 100, "user_id": 5}""", """{"id": 101, "user_id": 6}"""),
        });

        await stub.Service.SetMembersAsync("7", wanted.Split(',', StringSplitOptions.RemoveEmptyEntries));

        var patches = stub.ApiRequests.Where(r => r.Method == "PATCH").Select(r => r.Body);
        Assert.Equal(expectedPatch.Length == 0 ? [] : [expectedPatch], patches);
    }
}
