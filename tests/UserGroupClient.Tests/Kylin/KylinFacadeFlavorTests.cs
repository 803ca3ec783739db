using UserGroupClient.Kylin;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// The Kylin facade on each flavor's API: what each call sends, what it returns, and what it refuses before sending.
/// Pages are two items long, so every listing pages.
/// </summary>
public sealed class KylinFacadeFlavorTests
{
    public static TheoryData<KylinFlavor> Flavors => [KylinFlavor.Kap3, KylinFlavor.Apache4, KylinFlavor.Kylin5];

    private static KylinFlavorServer Server(KylinFlavor flavor) => new(flavor, new Dictionary<string, List<string>>
    {
        ["ALL_USERS"] = ["ADMIN", "alice", "bob"],
        ["ops"] = ["alice", "bob", "carol"],
        ["DevOps"] = [],
        ["dev"] = ["dave"],
        ["OPS-night"] = [],
    });

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task ASearchKeepsNamesThatContainItIgnoringCase(KylinFlavor flavor)
    {
        var server = Server(flavor);
        using var kylin = server.Client();

        var found = await kylin.Service.ListGroupsAsync(new UserGroupQuery { Search = "oPs" }).ToListAsync();
        var all = await kylin.Service.ListGroupsAsync(new UserGroupQuery { Search = "" }).ToListAsync();

        Assert.Equal(["DevOps", "OPS-night", "ops"], found.Select(g => g.Id).Order(StringComparer.Ordinal));
        Assert.All(found, g => Assert.Equal(g.Id, g.Name));
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public async Task OnApacheKylinASearchIsTheServersFuzzyMatchAndNoSearchSendsNoName()
    {
        var server = Server(KylinFlavor.Apache4);
        using var kylin = server.Client();

        await kylin.Service.ListGroupsAsync(new UserGroupQuery { Search = "ops" }).ToListAsync();
        await kylin.Service.ListGroupsAsync(new UserGroupQuery { Search = "" }).ToListAsync();

        Assert.StartsWith("GET /user_group/groups?project=learn_kylin&name=ops&isFuzzMatch=true&offset=0&limit=2", server.Sent.First(), StringComparison.Ordinal);
        Assert.Contains(server.Sent, r => r.StartsWith("GET /user_group/groups?project=learn_kylin&offset=0&limit=2", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Sent, r => r.Contains("name=&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnTheOpenApiASearchIsTheServersCaseInsensitiveMatch()
    {
        var server = Server(KylinFlavor.Kylin5);
        using var kylin = server.Client();

        await kylin.Service.ListGroupsAsync(new UserGroupQuery { Search = "ops" }).ToListAsync();
        await kylin.Service.ListGroupsAsync().ToListAsync();

        Assert.Equal("GET /user_group/groups?group_name=ops&is_case_sensitive=false&page_offset=0&page_size=2", server.Sent.First());
        Assert.Contains("GET /user_group/groups?page_offset=0&page_size=2", server.Sent);
    }

    [Theory]
    [InlineData(KylinFlavor.Apache4)]
    [InlineData(KylinFlavor.Kylin5)]
    public async Task AWhitespaceSearchIsMatchedHereNotSentAsAFilterTheServerWouldDrop(KylinFlavor flavor)
    {
        var server = Server(flavor);
        using var kylin = server.Client();

        var found = await kylin.Service.ListGroupsAsync(new UserGroupQuery { Search = " " }).ToListAsync();

        Assert.Empty(found);
        Assert.DoesNotContain(server.Sent, r => r.Contains("name=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnTheOpenApiAnEmptySearchSendsNoName()
    {
        var server = Server(KylinFlavor.Kylin5);
        using var kylin = server.Client();

        var all = await kylin.Service.ListGroupsAsync(new UserGroupQuery { Search = "" }).ToListAsync();

        Assert.Equal(5, all.Count);
        Assert.Equal("GET /user_group/groups?page_offset=0&page_size=2", server.Sent.First());
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task FindingByNameIsExactAndOrdinal(KylinFlavor flavor)
    {
        var server = Server(flavor);
        using var kylin = server.Client();

        Assert.Equal(new UserGroup("ops", "ops"), await kylin.Service.FindGroupByNameAsync("ops"));
        Assert.Equal(new UserGroup("OPS-night", "OPS-night"), await kylin.Service.FindGroupByNameAsync("OPS-night"));
        Assert.Null(await kylin.Service.FindGroupByNameAsync("OPS"));
        Assert.Null(await kylin.Service.FindGroupByNameAsync("op"));
        Assert.Equal(new UserGroup("dev", "dev"), await kylin.Service.GetGroupAsync("dev"));
        var missing = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => kylin.Service.GetGroupAsync("Dev"));
        Assert.Equal("Kylin", missing.Dialect);
        Assert.Contains("'Dev'", missing.Message, StringComparison.Ordinal);
        Assert.Empty(server.Writes);
    }

    [Fact]
    public async Task OnApacheKylinAnExistenceCheckAsksForTheExactName()
    {
        var server = Server(KylinFlavor.Apache4);
        using var kylin = server.Client();

        await kylin.Service.FindGroupByNameAsync("ops");

        Assert.StartsWith("GET /user_group/groups?project=learn_kylin&name=ops&isFuzzMatch=false&", Assert.Single(server.Sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTheOpenApiAnExistenceCheckAsksCaseSensitivelyAndReadsEveryPage()
    {
        var server = new KylinFlavorServer(KylinFlavor.Kylin5, new() { ["ops-1"] = [], ["ops-2"] = [], ["ops"] = [] });
        using var kylin = server.Client();

        Assert.NotNull(await kylin.Service.FindGroupByNameAsync("ops"));

        Assert.Equal(
            ["GET /user_group/groups?group_name=ops&is_case_sensitive=true&page_offset=0&page_size=2", "GET /user_group/groups?group_name=ops&is_case_sensitive=true&page_offset=1&page_size=2"],
            server.Sent);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task CreatingWithMembersCreatesThenSetsThemAndCountsThem(KylinFlavor flavor)
    {
        var server = Server(flavor);
        using var kylin = server.Client();

        var created = await kylin.Service.CreateGroupAsync(new NewUserGroup("qa") { Comment = "", MemberIds = ["erin", "frank"] });
        var bare = await kylin.Service.CreateGroupAsync(new NewUserGroup("qa2") { MemberIds = [] });

        Assert.Equal(new UserGroup("qa", "qa") { MemberCount = 2 }, created);
        Assert.Equal(new UserGroup("qa2", "qa2") { MemberCount = 0 }, bare);
        Assert.Equal(["erin", "frank"], server.Groups["qa"]);
        Assert.Empty(server.Groups["qa2"]);
        Assert.Equal(["POST", "PUT", "POST"], server.Writes.Select(r => r.Method));
    }

    [Fact]
    public async Task CreatingOnApacheAndOpenApisSendsTheirOwnRequests()
    {
        var apache = Server(KylinFlavor.Apache4);
        var open = Server(KylinFlavor.Kylin5);
        using (var kylin = apache.Client())
        {
            await kylin.Service.CreateGroupAsync(new NewUserGroup("qa") { MemberIds = ["erin"] });
        }

        using (var kylin = open.Client())
        {
            await kylin.Service.CreateGroupAsync(new NewUserGroup("qa") { MemberIds = ["erin"] });
        }

        Assert.Equal(["POST /kylin/api/user_group/qa", "PUT /kylin/api/user_group/users/qa"], apache.Writes.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal("""["erin"]""", apache.Writes.Last().Body);
        Assert.Equal(["POST /kylin/api/user_group", "PUT /kylin/api/user_group/users"], open.Writes.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal("""{"group_name":"qa"}""", open.Writes.First().Body);
        Assert.Equal("""{"group_name":"qa","users":["erin"]}""", open.Writes.Last().Body);
    }

    [Fact]
    public async Task WhatKylinGroupsCannotHaveIsRefusedNamingKylinBeforeSending()
    {
        var server = Server(KylinFlavor.Kap3);
        using var kylin = server.Client();
        var service = kylin.Service;

        var parent = await Assert.ThrowsAsync<NotSupportedException>(async () => await service.ListGroupsAsync(new UserGroupQuery { ParentId = "p" }).ToListAsync());
        var comment = await Assert.ThrowsAsync<NotSupportedException>(() => service.CreateGroupAsync(new NewUserGroup("qa") { Comment = "c" }));
        var createParent = await Assert.ThrowsAsync<NotSupportedException>(() => service.CreateGroupAsync(new NewUserGroup("qa") { ParentId = "p" }));
        var rename = await Assert.ThrowsAsync<NotSupportedException>(() => service.UpdateGroupAsync("ops", new UserGroupUpdate { Name = "OPS" }));
        var updateComment = await Assert.ThrowsAsync<NotSupportedException>(() => service.UpdateGroupAsync("ops", new UserGroupUpdate { Comment = "c" }));
        var updateParent = await Assert.ThrowsAsync<NotSupportedException>(() => service.UpdateGroupAsync("ops", new UserGroupUpdate { ParentId = "p" }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.CreateGroupAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.UpdateGroupAsync("ops", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.DeleteGroupsAsync(null!));

        Assert.All([parent, comment, createParent, rename, updateComment, updateParent], e => Assert.StartsWith("Kylin ", e.Message, StringComparison.Ordinal));
        Assert.Contains("SupportsHierarchy", parent.Message, StringComparison.Ordinal);
        Assert.Contains("SupportsComment", comment.Message, StringComparison.Ordinal);
        Assert.Contains("SupportsHierarchy", createParent.Message, StringComparison.Ordinal);
        Assert.Contains("SupportsRename", rename.Message, StringComparison.Ordinal);
        Assert.Contains("SupportsComment", updateComment.Message, StringComparison.Ordinal);
        Assert.Contains("SupportsHierarchy", updateParent.Message, StringComparison.Ordinal);
        Assert.Empty(server.Handler.Requests);
    }

    [Fact]
    public async Task AnUpdateThatChangesNothingReturnsTheGroupAfterCheckingIt()
    {
        var server = Server(KylinFlavor.Kap3);
        using var kylin = server.Client();

        var same = await kylin.Service.UpdateGroupAsync("ops", new UserGroupUpdate { Name = "ops", Comment = "" });

        Assert.Equal(new UserGroup("ops", "ops"), same);
        Assert.Equal(["GET /user_group/groups?project=learn_kylin"], server.Sent);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => kylin.Service.UpdateGroupAsync("ghost", new UserGroupUpdate()));
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task DeletingSeveralGroupsDeletesEachOnceInOrder(KylinFlavor flavor)
    {
        var server = Server(flavor);
        using var kylin = server.Client();

        await kylin.Service.DeleteGroupsAsync(["dev", "ops", "dev"]);
        await kylin.Service.DeleteGroupAsync("DevOps");

        Assert.Equal(["ALL_USERS", "OPS-night"], server.Groups.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, server.Writes.Count());
    }

    [Theory]
    [InlineData(KylinFlavor.Kylin5, 1)]
    [InlineData(KylinFlavor.KyligenceEnterprise4, 1)]
    [InlineData(KylinFlavor.Kap3, 2)]
    public async Task NamesTheFlavorFindsAsOneGroupAreDeletedOnce(KylinFlavor flavor, int deletes)
    {
        var server = Server(flavor);
        using var kylin = server.Client();

        // KAP compares names exactly, so DEV is another group there and is asked for too.
        await kylin.Service.DeleteGroupsAsync(["dev", "DEV"]);

        Assert.DoesNotContain("dev", server.Groups.Keys);
        Assert.Equal(deletes, server.Sent.Count(r => r.StartsWith("DELETE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DeletingTheGroupsInOrderSendsTheirNames()
    {
        var server = Server(KylinFlavor.Kap3);
        using var kylin = server.Client();

        await kylin.Service.DeleteGroupsAsync(["ops", "dev"]);

        Assert.Equal(["DELETE /user_group/ops", "DELETE /user_group/dev"], server.Sent);
    }

    [Fact]
    public async Task ABatchWithABuiltInGroupDeletesNone()
    {
        var server = Server(KylinFlavor.Kap3);
        using var kylin = server.Client();

        await Assert.ThrowsAsync<UserGroupValidationException>(() => kylin.Service.DeleteGroupsAsync(["dev", "ALL_USERS"]));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => kylin.Service.DeleteGroupAsync("ALL_USERS"));

        Assert.Empty(server.Handler.Requests);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task MembersAreListedByUsernameAndAnUnknownGroupIsNotFound(KylinFlavor flavor)
    {
        var server = Server(flavor);
        using var kylin = server.Client();

        var members = await kylin.Service.ListMembersAsync("ops").ToListAsync();

        Assert.Equal([new GroupMember("alice", "alice") { UserName = "alice" }, new GroupMember("bob", "bob") { UserName = "bob" }, new GroupMember("carol", "carol") { UserName = "carol" }], members);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(async () => await kylin.Service.ListMembersAsync("ghost").ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task AddingReadsEveryPageMergesAndReplaces(KylinFlavor flavor)
    {
        var server = Server(flavor);
        using var kylin = server.Client();

        await kylin.Service.AddMembersAsync("ops", ["dave", "carol", "dave"]);
        await kylin.Service.AddMembersAsync("ops", ["alice"]);

        Assert.Equal(["alice", "bob", "carol", "dave"], server.Groups["ops"]);
        Assert.Single(server.Writes);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task RemovingKeepsEveryOtherMemberAndWritesNothingWhenNoneIsAMember(KylinFlavor flavor)
    {
        var server = Server(flavor);
        using var kylin = server.Client();

        await kylin.Service.RemoveMembersAsync("ops", ["Alice", "zed"]);
        await kylin.Service.RemoveMembersAsync("ops", ["carol"]);

        Assert.Equal(["alice", "bob"], server.Groups["ops"]);
        Assert.Single(server.Writes);
    }

    [Fact]
    public async Task AMemberListWithADuplicateIsReplacedWithoutIt()
    {
        var server = new KylinFlavorServer(KylinFlavor.Kylin5, new() { ["ops"] = ["alice", "bob", "alice"] });
        using var kylin = server.Client();

        await kylin.Service.AddMembersAsync("ops", ["carol"]);

        Assert.Equal("""{"group_name":"ops","users":["alice","bob","carol"]}""", Assert.Single(server.Writes).Body);
    }

    [Fact]
    public async Task SettingMembersOnKapSendsOneReplaceWithoutReadingTheMembers()
    {
        var server = Server(KylinFlavor.Kap3);
        using var kylin = server.Client();

        await kylin.Service.SetMembersAsync("ops", ["zed", "alice"]);

        Assert.Equal(["GET /user_group/groups?project=learn_kylin", "PUT /user_group/users/ops"], server.Sent);
        Assert.Equal(["zed", "alice"], server.Groups["ops"]);
    }

    [Fact]
    public async Task SettingMembersOnTheOpenApiReadsTheMembersToRefuseWhatTheServerWould()
    {
        var server = Server(KylinFlavor.Kylin5);
        using var kylin = server.Client("alice");

        await kylin.Service.SetMembersAsync("dev", ["dave", "erin"]);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => kylin.Service.SetMembersAsync("ops", ["bob"]));

        Assert.Equal(["dave", "erin"], server.Groups["dev"]);
        Assert.Equal(["alice", "bob", "carol"], server.Groups["ops"]);
        Assert.Contains("would remove 'alice' in 'ops'", refused.Message, StringComparison.Ordinal);
        Assert.Contains(server.Sent, r => r.StartsWith("GET /user_group/group_members/dev?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllUsersKeepsItsMembersOnEveryCallBeforeAnythingIsSent()
    {
        var server = Server(KylinFlavor.Kap3);
        using var kylin = server.Client();

        await Assert.ThrowsAsync<UserGroupValidationException>(() => kylin.Service.SetMembersAsync("ALL_USERS", ["alice"]));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => kylin.Service.AddMembersAsync("ALL_USERS", ["erin"]));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => kylin.Service.RemoveMembersAsync("ALL_USERS", ["alice"]));

        Assert.Empty(server.Handler.Requests);
    }

    [Fact]
    public async Task AddingTheCallerOnTheOpenApiIsRefusedAsTheServerWould()
    {
        var server = Server(KylinFlavor.KyligenceEnterprise4);
        using var kylin = server.Client("erin");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => kylin.Service.AddMembersAsync("dev", ["Erin"]));
        var create = await Assert.ThrowsAsync<ArgumentException>(() => kylin.Service.CreateGroupAsync(new NewUserGroup("qa") { MemberIds = ["ERIN"] }));

        Assert.Equal("memberIds", refused.ParamName);
        Assert.Equal("group", create.ParamName);
        Assert.Contains("would add 'Erin' in 'dev', the user this client signs in as, and Kyligence Enterprise 4.x refuses", refused.Message, StringComparison.Ordinal);
        Assert.Empty(server.Writes);
    }

    [Fact]
    public async Task OnKapTheAdministratorAndTheCallerMayBeAddedAndRemoved()
    {
        var server = Server(KylinFlavor.Kap3);
        using var kylin = server.Client("erin");

        await kylin.Service.AddMembersAsync("dev", ["ADMIN", "erin"]);
        await kylin.Service.CreateGroupAsync(new NewUserGroup("qa") { MemberIds = ["ADMIN", "erin"] });

        Assert.Equal(["dave", "ADMIN", "erin"], server.Groups["dev"]);
        Assert.Equal(["ADMIN", "erin"], server.Groups["qa"]);
    }
}
