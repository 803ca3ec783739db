using System.Net;
using UserGroupClient.Tests.Support;

namespace UserGroupClient.Tests.Owl;

/// <summary>
/// What the Owl host-group and user-group facades send and return: a group found in the list, membership changes as
/// read → change → replace, unknown members and non-empty host groups refused before anything is written.
/// </summary>
public sealed class OwlFacadeTests
{
    private const string Ok = """{"code":200,"message":"ok"}""";

    // Host groups 8 "web" (hosts a, b) and 9 "db" (no hosts); the server knows hosts a, b and c.
    private static StubHandler HostServer() => new(HostAnswer);

    private static HttpResponseMessage HostAnswer(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        return StubHandler.Json(HttpStatusCode.OK, (request.Method.Method, path) switch
        {
            ("GET", "/api/v1/groups") => """{"code":200,"groups":[{"id":8,"name":"web"},{"id":9,"name":"db"}]}""",
            ("GET", "/api/v1/groups/8/hosts") => """{"code":200,"hosts":[{"id":"a","name":"","hostname":"host-a"},{"id":"b","name":"B","hostname":""}],"total":2}""",
            ("GET", "/api/v1/groups/9/hosts") => """{"code":200,"hosts":[],"total":0}""",
            ("GET", "/api/v1/hosts") => """{"code":200,"hosts":[{"id":"a"},{"id":"b"},{"id":"c"}],"total":3}""",
            ("PUT", _) => """{"code":200,"message":"ok","group":{"id":10,"name":"new","hosts":[{"id":"c"}]}}""",
            ("POST", _) => """{"code":200,"message":"ok","group":{"id":8,"name":"web2","hosts":[{"id":"a"},{"id":"b"}]}}""",
            _ => Ok,
        });
    }

    // User groups 3 "ops" (users 1, 2) and 4 "dev" (no users); the server knows users 1, 2 and 5.
    private static StubHandler UserServer() => new(UserAnswer);

    private static HttpResponseMessage UserAnswer(HttpRequestMessage request)
    {
        var query = request.RequestUri!.Query;
        return StubHandler.Json(HttpStatusCode.OK, (request.Method.Method, request.RequestUri.AbsolutePath) switch
        {
            ("GET", "/api/v1/usergroups") => """{"code":200,"groups":[{"id":3,"name":"ops","users":[{"id":1,"username":"ann"},{"id":2,"username":"bo"}]},{"id":4,"name":"dev","users":[]}]}""",
            ("GET", "/api/v1/users") when query.Contains("group_id=3", StringComparison.Ordinal) => """{"code":200,"users":[{"id":1,"username":"ann"},{"id":2,"username":"bo"}],"total":2}""",
            ("GET", "/api/v1/users") when query.Contains("group_id=", StringComparison.Ordinal) => """{"code":200,"users":[],"total":0}""",
            ("GET", "/api/v1/users") => """{"code":200,"users":[{"id":1,"username":"ann"},{"id":2,"username":"bo"},{"id":5,"username":"cy"}],"total":3}""",
            ("PUT", _) => """{"code":200,"message":"ok","group":{"id":11,"name":"new","users":[{"id":5}]}}""",
            _ => Ok,
        });
    }

    private static IEnumerable<string> Sent(StubHandler stub) => stub.Requests.Select(r => $"{r.Method} {r.PathAndQuery}");

    private static IEnumerable<RecordedRequest> Writes(StubHandler stub) => stub.Requests.Where(r => r.Method != "GET");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CapabilitiesDescribeEachOwlFacade(bool hosts)
    {
        using var owl = new OwlStub(new StubHandler(_ => throw new InvalidOperationException("nothing may be sent")));
        var service = hosts ? owl.Client.AsHostGroupService() : owl.Client.AsUserGroupService();

        Assert.Equal(
            new UserGroupCapabilities
            {
                Dialect = hosts ? "Owl host groups" : "Owl user groups",
                SupportsRename = hosts,
                SupportsComment = false,
                SupportsHierarchy = false,
                SupportsSearch = true,
                SupportsParentFilter = false,
                NativeBulkDelete = false,
                NativeAddMembers = false,
                NativeRemoveMembers = false,
                NativeSetMembers = true,
                MaxPageSize = int.MaxValue,
                UniqueNames = true,
                NameComparison = StringComparison.OrdinalIgnoreCase,
            },
            service.Capabilities);
    }

    [Fact]
    public async Task ListingSendsTheSearchAsQAndCountsTheMembersListed()
    {
        var users = UserServer();
        var hosts = HostServer();
        using var userOwl = new OwlStub(users);
        using var hostOwl = new OwlStub(hosts);

        var userGroups = await userOwl.Client.AsUserGroupService().ListGroupsAsync(new UserGroupQuery { Search = "o" }).ToListAsync();
        var hostGroups = await hostOwl.Client.AsHostGroupService().ListGroupsAsync().ToListAsync();

        Assert.Equal([new UserGroup("3", "ops") { MemberCount = 2 }, new UserGroup("4", "dev") { MemberCount = 0 }], userGroups);
        Assert.Equal([new UserGroup("8", "web"), new UserGroup("9", "db")], hostGroups);
        Assert.Equal(["GET /api/v1/usergroups?q=o"], Sent(users));
        Assert.Equal(["GET /api/v1/groups"], Sent(hosts));
    }

    [Fact]
    public async Task FindingByNameSearchesAndPicksTheExactName()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"code":200,"groups":[{"id":1,"name":"WEB"},{"id":2,"name":"web"},{"id":3,"name":"web-2"}]}"""));
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsHostGroupService();

        Assert.Equal(new UserGroup("2", "web"), await service.FindGroupByNameAsync("web"));
        Assert.Null(await service.FindGroupByNameAsync("We"));
        Assert.Equal(["GET /api/v1/groups?q=web", "GET /api/v1/groups?q=We"], Sent(stub));
    }

    [Fact]
    public async Task GettingAGroupFindsItInTheListAndAnUnknownIdIsNotFound()
    {
        using var owl = new OwlStub(UserServer());
        var service = owl.Client.AsUserGroupService();

        Assert.Equal(new UserGroup("4", "dev") { MemberCount = 0 }, await service.GetGroupAsync("4"));
        var missing = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => service.GetGroupAsync("7"));

        Assert.Equal("Owl", missing.Dialect);
        Assert.Equal("Owl user groups: no group has id 7.", missing.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ParentsAndCommentsAreRefusedNamingTheFacadeBeforeSending(bool hosts)
    {
        var stub = new StubHandler(_ => throw new InvalidOperationException("nothing may be sent"));
        using var owl = new OwlStub(stub);
        var service = hosts ? owl.Client.AsHostGroupService() : owl.Client.AsUserGroupService();
        var name = hosts ? "Owl host groups" : "Owl user groups";

        var listParent = await Assert.ThrowsAsync<NotSupportedException>(async () => await service.ListGroupsAsync(new UserGroupQuery { ParentId = "1" }).ToListAsync());
        var createParent = await Assert.ThrowsAsync<NotSupportedException>(() => service.CreateGroupAsync(new NewUserGroup("x") { ParentId = "1" }));
        var createComment = await Assert.ThrowsAsync<NotSupportedException>(() => service.CreateGroupAsync(new NewUserGroup("x") { Comment = "" }));
        var updateParent = await Assert.ThrowsAsync<NotSupportedException>(() => service.UpdateGroupAsync("8", new UserGroupUpdate { ParentId = "1" }));
        var updateComment = await Assert.ThrowsAsync<NotSupportedException>(() => service.UpdateGroupAsync("8", new UserGroupUpdate { Comment = "c" }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.CreateGroupAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.UpdateGroupAsync("8", null!));

        Assert.Equal($"{name} have no parent group; ParentId is not supported (see Capabilities.SupportsHierarchy).", listParent.Message);
        Assert.Equal(listParent.Message, createParent.Message);
        Assert.Equal(listParent.Message, updateParent.Message);
        Assert.Equal($"{name} have no comment; Comment is not supported (see Capabilities.SupportsComment).", createComment.Message);
        Assert.Equal(createComment.Message, updateComment.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task CreatingWithMembersChecksThemFirstAndSendsThemWithTheName()
    {
        var stub = HostServer();
        using var owl = new OwlStub(stub);

        var created = await owl.Client.AsHostGroupService().CreateGroupAsync(new NewUserGroup("new") { MemberIds = ["c"] });

        Assert.Equal(new UserGroup("10", "new") { MemberCount = 1 }, created);
        Assert.Equal(["GET /api/v1/hosts", "PUT /api/v1/groups"], Sent(stub));
        Assert.Equal("""{"name":"new","hosts":[{"id":"c"}]}""", stub.Requests[1].Body);
    }

    [Fact]
    public async Task CreatingWithNoMembersChecksNothing()
    {
        var stub = UserServer();
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsUserGroupService();

        await service.CreateGroupAsync(new NewUserGroup("new") { MemberIds = [] });
        await service.CreateGroupAsync(new NewUserGroup("new"));

        Assert.Equal(["PUT /api/v1/usergroups", "PUT /api/v1/usergroups"], Sent(stub));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UnknownMembersAreRefusedBeforeAnythingIsWritten(bool hosts)
    {
        var stub = hosts ? HostServer() : UserServer();
        using var owl = new OwlStub(stub);
        var service = hosts ? owl.Client.AsHostGroupService() : owl.Client.AsUserGroupService();
        var (group, known, unknown) = hosts ? ("8", "c", "zz") : ("3", "5", "77");

        var create = await Assert.ThrowsAsync<UserGroupUnknownIdsException>(() => service.CreateGroupAsync(new NewUserGroup("new") { MemberIds = [known, unknown] }));
        await Assert.ThrowsAsync<UserGroupUnknownIdsException>(() => service.AddMembersAsync(group, [known, unknown]));
        await Assert.ThrowsAsync<UserGroupUnknownIdsException>(() => service.SetMembersAsync(group, [unknown]));

        Assert.Equal([unknown], create.UnknownIds);
        Assert.Equal("Owl", create.Dialect);
        Assert.StartsWith(hosts ? "Owl host groups: no host has id zz; nothing was changed." : "Owl user groups: no user has id 77; nothing was changed.", create.Message, StringComparison.Ordinal);
        Assert.Empty(Writes(stub));
    }

    [Fact]
    public async Task AddingToHostGroupsReplacesWithTheCurrentHostsAndTheMissingOnes()
    {
        var stub = HostServer();
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsHostGroupService();

        await service.AddMembersAsync("8", ["b", "c"]);
        await service.AddMembersAsync("8", ["a"]);

        var write = Assert.Single(Writes(stub));
        Assert.Equal("POST /api/v1/groups", $"{write.Method} {write.PathAndQuery}");
        Assert.Equal("""{"id":8,"name":"web","hosts":[{"id":"a"},{"id":"b"},{"id":"c"}]}""", write.Body);
    }

    [Fact]
    public async Task AddingToUserGroupsReplacesWithTheCurrentUsersAndTheMissingOnes()
    {
        var stub = UserServer();
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsUserGroupService();

        await service.AddMembersAsync("3", ["5", "1"]);
        await service.AddMembersAsync("3", ["2"]);

        var write = Assert.Single(Writes(stub));
        Assert.Equal("POST /api/v1/usergroups", $"{write.Method} {write.PathAndQuery}");
        Assert.Equal("""[{"id":3,"name":"ops","users":[{"id":1},{"id":2},{"id":5}]}]""", write.Body);
    }

    [Fact]
    public async Task AUserGroupListedWithoutUsersIsEmptyWhenUsersAreAdded()
    {
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, (request.Method.Method, request.RequestUri!.AbsolutePath) switch
        {
            ("GET", "/api/v1/usergroups") => """{"code":200,"groups":[{"id":4,"name":"dev"}]}""",
            ("GET", "/api/v1/users") => """{"code":200,"users":[{"id":5,"username":"cy"}],"total":1}""",
            _ => Ok,
        }));
        using var owl = new OwlStub(stub);

        await owl.Client.AsUserGroupService().AddMembersAsync("4", ["5"]);

        var write = Assert.Single(Writes(stub));
        Assert.Equal("""[{"id":4,"name":"dev","users":[{"id":5}]}]""", write.Body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RemovingKeepsTheOthersAndWritesNothingWhenNoneIsAMember(bool hosts)
    {
        var stub = hosts ? HostServer() : UserServer();
        using var owl = new OwlStub(stub);
        var service = hosts ? owl.Client.AsHostGroupService() : owl.Client.AsUserGroupService();

        await service.RemoveMembersAsync(hosts ? "8" : "3", hosts ? ["c"] : ["5"]);
        await service.RemoveMembersAsync(hosts ? "8" : "3", hosts ? ["a", "c"] : ["1", "5"]);

        var write = Assert.Single(Writes(stub));
        Assert.Equal(hosts ? """{"id":8,"name":"web","hosts":[{"id":"b"}]}""" : """[{"id":3,"name":"ops","users":[{"id":2}]}]""", write.Body);
    }

    [Fact]
    public async Task SettingMembersReplacesThemWholeAndAnEmptyListChecksNothing()
    {
        var stub = UserServer();
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsUserGroupService();

        await service.SetMembersAsync("3", ["5"]);
        await service.SetMembersAsync("3", []);

        Assert.Equal(
            ["GET /api/v1/usergroups", "GET /api/v1/users?page=0", "POST /api/v1/usergroups", "GET /api/v1/usergroups", "POST /api/v1/usergroups"],
            Sent(stub));
        Assert.Equal("""[{"id":3,"name":"ops","users":[{"id":5}]}]""", stub.Requests[2].Body);
        Assert.Equal("""[{"id":3,"name":"ops","users":[]}]""", stub.Requests[4].Body);
    }

    [Fact]
    public async Task MemberChangesOnAnUnknownGroupAreNotFoundAndWriteNothing()
    {
        var stub = HostServer();
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsHostGroupService();

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => service.AddMembersAsync("7", ["a"]));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => service.RemoveMembersAsync("7", ["a"]));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => service.SetMembersAsync("7", ["a"]));

        Assert.Empty(Writes(stub));
    }

    [Fact]
    public async Task AHostGroupThatHoldsHostsIsNotDeletedNorIsAnyOfItsBatch()
    {
        var stub = HostServer();
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsHostGroupService();

        var single = await Assert.ThrowsAsync<UserGroupNotEmptyException>(() => service.DeleteGroupAsync("8"));
        await Assert.ThrowsAsync<UserGroupNotEmptyException>(() => service.DeleteGroupsAsync(["9", "8"]));
        await service.DeleteGroupAsync("9");

        Assert.Equal("Owl", single.Dialect);
        Assert.Equal("Owl host groups: group 8 still holds hosts; remove them first. Nothing was deleted.", single.Message);
        Assert.Equal(
            ["GET /api/v1/groups/8/hosts?page=1&pageSize=1", "GET /api/v1/groups/9/hosts?page=1&pageSize=1", "GET /api/v1/groups/8/hosts?page=1&pageSize=1", "GET /api/v1/groups/9/hosts?page=1&pageSize=1", "DELETE /api/v1/groups/9"],
            Sent(stub));
    }

    [Fact]
    public async Task UserGroupsAreDeletedOneByOneWithoutACheck()
    {
        var stub = UserServer();
        using var owl = new OwlStub(stub);

        await owl.Client.AsUserGroupService().DeleteGroupsAsync(["3", "4"]);

        Assert.Equal(["DELETE /api/v1/usergroups/3", "DELETE /api/v1/usergroups/4"], Sent(stub));
    }

    [Fact]
    public async Task RenamingAHostGroupSendsItsCurrentHostsBack()
    {
        var stub = HostServer();
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsHostGroupService();

        var renamed = await service.UpdateGroupAsync("8", new UserGroupUpdate { Name = "web2" });
        var unchanged = await service.UpdateGroupAsync("9", new UserGroupUpdate());
        await Assert.ThrowsAsync<ArgumentException>(() => service.UpdateGroupAsync("8", new UserGroupUpdate { Name = " " }));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => service.UpdateGroupAsync("7", new UserGroupUpdate { Name = "x" }));

        Assert.Equal(new UserGroup("8", "web2") { MemberCount = 2 }, renamed);
        Assert.Equal(new UserGroup("9", "db"), unchanged);
        var write = Assert.Single(Writes(stub));
        Assert.Equal("""{"id":8,"name":"web2","hosts":[{"id":"a"},{"id":"b"}]}""", write.Body);
    }

    [Fact]
    public async Task AUserGroupKeepsItsNameAndOnlyAnUnchangedNameIsAccepted()
    {
        var stub = UserServer();
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsUserGroupService();

        var same = await service.UpdateGroupAsync("3", new UserGroupUpdate { Name = "ops" });
        var nothing = await service.UpdateGroupAsync("4", new UserGroupUpdate());
        var rename = await Assert.ThrowsAsync<NotSupportedException>(() => service.UpdateGroupAsync("3", new UserGroupUpdate { Name = "OPS" }));

        Assert.Equal(new UserGroup("3", "ops") { MemberCount = 2 }, same);
        Assert.Equal(new UserGroup("4", "dev") { MemberCount = 0 }, nothing);
        Assert.Equal("Owl user groups cannot be renamed: Owl v4 keeps the stored name (see Capabilities.SupportsRename).", rename.Message);
        Assert.Empty(Writes(stub));
    }

    [Fact]
    public async Task AHostGroupsMembersAreNamedByNameOrElseHostname()
    {
        var stub = HostServer();
        using var owl = new OwlStub(stub);

        var members = await owl.Client.AsHostGroupService().ListMembersAsync("8").ToListAsync();

        Assert.Equal([new GroupMember("a", "host-a") { UserName = "host-a" }, new GroupMember("b", "B")], members);
        Assert.StartsWith("GET /api/v1/groups/8/hosts?page=1&pageSize=", Assert.Single(Sent(stub)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUserGroupsMembersAreItsUsersAndAnEmptyAnswerIsCheckedAgainstTheGroups()
    {
        var stub = UserServer();
        using var owl = new OwlStub(stub);
        var service = owl.Client.AsUserGroupService();

        var members = await service.ListMembersAsync("3").ToListAsync();
        var none = await service.ListMembersAsync("4").ToListAsync();
        await Assert.ThrowsAsync<UserGroupNotFoundException>(async () => await service.ListMembersAsync("7").ToListAsync());

        Assert.Equal([new GroupMember("1", "ann") { UserName = "ann" }, new GroupMember("2", "bo") { UserName = "bo" }], members);
        Assert.Empty(none);
        Assert.Equal(
            ["GET /api/v1/users?group_id=3&page=1&pageSize=100", "GET /api/v1/users?group_id=4&page=1&pageSize=100", "GET /api/v1/usergroups", "GET /api/v1/users?group_id=7&page=1&pageSize=100", "GET /api/v1/usergroups"],
            Sent(stub));
    }

    // The typed updates raise on such an answer (OwlMissingPayloadTests); the facades need nothing of it, and the server
    // has applied the change by then, so reporting it failed would invite a caller to make it again.
    [Fact]
    public async Task FacadeChangesTheServerAppliedSucceedWhenItsAnswerLeavesOutTheEcho()
    {
        var hostStub = new StubHandler(request => request.Method == HttpMethod.Post ? StubHandler.Json(HttpStatusCode.OK, Ok) : HostAnswer(request));
        var userStub = new StubHandler(request => request.Method == HttpMethod.Post ? StubHandler.Json(HttpStatusCode.OK, Ok) : UserAnswer(request));
        using var hostOwl = new OwlStub(hostStub);
        using var userOwl = new OwlStub(userStub);
        var hosts = hostOwl.Client.AsHostGroupService();

        var renamed = await hosts.UpdateGroupAsync("08", new UserGroupUpdate { Name = "web2" });
        await hosts.AddMembersAsync("8", ["c"]);
        await hosts.RemoveMembersAsync("8", ["a"]);
        await userOwl.Client.AsUserGroupService().AddMembersAsync("3", ["5"]);

        Assert.Equal(new UserGroup("8", "web2") { MemberCount = 2 }, renamed);
        Assert.Equal(
            ["""{"id":8,"name":"web2","hosts":[{"id":"a"},{"id":"b"}]}""", """{"id":8,"name":"web","hosts":[{"id":"a"},{"id":"b"},{"id":"c"}]}""", """{"id":8,"name":"web","hosts":[{"id":"b"}]}"""],
            Writes(hostStub).Select(write => write.Body));
        Assert.Equal("""[{"id":3,"name":"ops","users":[{"id":1},{"id":2},{"id":5}]}]""", Assert.Single(Writes(userStub)).Body);
    }
}
