using System.Globalization;
using UserGroupClient.MinApp;

namespace UserGroupClient.IntegrationTests.MinApp;

/// <summary><see cref="IUserGroupService"/> over MinApp against the emulator.</summary>
public sealed class MinAppFacadeTests
{
    [Fact]
    public async Task CapabilitiesSayWhatIsNative()
    {
        await using var server = await MinAppTestServer.StartAsync();

        var capabilities = server.Service.Capabilities;

        Assert.Equal("MinApp", capabilities.Dialect);
        Assert.True(capabilities.SupportsHierarchy);
        Assert.True(capabilities.SupportsParentFilter);
        Assert.True(capabilities.NativeBulkDelete);
        Assert.False(capabilities.SupportsComment);
        Assert.False(capabilities.NativeSetMembers);
        Assert.Equal(1000, capabilities.MaxPageSize);
    }

    [Fact]
    public async Task GroupsWithParentsMembersAndRenames()
    {
        await using var server = await MinAppTestServer.StartAsync();
        var super = server.Emulator.AddSuperGroup("team");
        var alice = server.Emulator.AddUser("Alice");
        var bob = server.Emulator.AddUser("Bob");
        var carol = server.Emulator.AddUser("Carol");
        var service = server.Service;
        var aliceId = alice.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bobId = bob.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var carolId = carol.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var superId = super.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var ops = await service.CreateGroupAsync(new NewUserGroup("ops") { ParentId = superId, MemberIds = [aliceId] });
        Assert.Equal(superId, ops.ParentId);
        Assert.Equal(1, ops.MemberCount);
        await service.CreateGroupAsync(new NewUserGroup("dev"));

        await service.AddMembersAsync(ops.Id, [bobId, aliceId]);
        await service.RemoveMembersAsync(ops.Id, [aliceId]);
        Assert.Equal([new GroupMember(bobId, "Bob")], await ToListAsync(service.ListMembersAsync(ops.Id)));

        await service.SetMembersAsync(ops.Id, [carolId, aliceId]);
        var members = await ToListAsync(service.ListMembersAsync(ops.Id));
        Assert.Equal(["Alice", "Carol"], members.Select(m => m.Name).Order());

        var inTeam = await ToListAsync(service.ListGroupsAsync(new UserGroupQuery { ParentId = superId }));
        Assert.Equal(["ops"], inTeam.Select(g => g.Name));

        var renamed = await service.UpdateGroupAsync(ops.Id, new UserGroupUpdate { Name = "operations" });
        Assert.Equal("operations", renamed.Name);
        Assert.Equal(superId, renamed.ParentId);
        Assert.Equal(ops.Id, (await service.FindGroupByNameAsync("operations"))!.Id);
        Assert.Null(await service.FindGroupByNameAsync("nope"));

        var dev = (await service.FindGroupByNameAsync("dev"))!;
        var moved = await service.UpdateGroupAsync(dev.Id, new UserGroupUpdate { ParentId = superId });
        Assert.Equal("dev", moved.Name);
        Assert.Equal(superId, moved.ParentId);
    }

    [Fact]
    public async Task DeletesAndNotFound()
    {
        await using var server = await MinAppTestServer.StartAsync();
        var service = server.Service;
        var groups = new List<UserGroup>();
        for (var i = 0; i < 4; i++)
        {
            groups.Add(await service.CreateGroupAsync(new NewUserGroup($"g{i}")));
        }

        await service.DeleteGroupAsync(groups[0].Id);
        await service.DeleteGroupsAsync(groups.Skip(1).Select(g => g.Id));

        Assert.Empty(server.Emulator.GetUserGroups());
        Assert.Single(server.Emulator.Journal.Entries, e => e.Method == "DELETE" && e.Query.StartsWith("id__in=", StringComparison.Ordinal));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => service.GetGroupAsync(groups[0].Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => ToListAsync(service.ListMembersAsync(groups[0].Id)));
    }

    [Fact]
    public async Task PagingAcrossSeveralPagesWithSearch()
    {
        await using var server = await MinAppTestServer.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            server.Emulator.AddUserGroup(i % 2 == 0 ? $"ops-{i}" : $"dev-{i}");
        }

        var found = await ToListAsync(server.Service.ListGroupsAsync(new UserGroupQuery { Search = "OPS", PageSize = 2 }));

        Assert.Equal(["ops-0", "ops-2", "ops-4", "ops-6"], found.Select(g => g.Name));
        Assert.Equal(4, server.Emulator.Journal.Entries.Count(e => e.Path == "/oserve/v1/user-group/"));
    }

    [Fact]
    public async Task NamesAreNotUniqueAndFindingOneReadsTheGroupsInPagesOf1000()
    {
        await using var server = await MinAppTestServer.StartAsync();
        for (var i = 0; i < 2500; i++)
        {
            server.Emulator.AddUserGroup($"g{i}");
        }

        var first = await server.Client.UserGroups.CreateAsync(new MinAppUserGroupCreate("twin"));
        var second = await server.Client.UserGroups.CreateAsync(new MinAppUserGroupCreate("twin"));
        server.Emulator.Journal.Clear();

        var found = await server.Service.FindGroupByNameAsync("twin");
        var searched = await ToListAsync(server.Service.ListGroupsAsync(new UserGroupQuery { Search = "twin" }));

        Assert.False(server.Service.Capabilities.UniqueNames);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Id.ToString(CultureInfo.InvariantCulture), found!.Id);
        Assert.Equal([first.Id, second.Id], searched.Select(g => long.Parse(g.Id, CultureInfo.InvariantCulture)));
        var reads = server.Emulator.Journal.Entries.Where(e => e.Path == "/oserve/v1/user-group/").Select(e => e.Query).ToList();
        Assert.Equal(6, reads.Count);
        Assert.All(reads, query => Assert.StartsWith("limit=1000&", query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetMembersReadsEveryMemberPageThenSendsOnePatch()
    {
        await using var server = await MinAppTestServer.StartAsync(configure: o => o.DefaultPageSize = 2);
        var group = server.Emulator.AddUserGroup("ops");
        var users = Enumerable.Range(0, 6).Select(i => server.Emulator.AddUser($"user{i}").UserId).ToList();
        foreach (var user in users.Take(5))
        {
            server.Emulator.AddGroupMember(group.Id, user);
        }

        await server.Service.SetMembersAsync(group.Id.ToString(CultureInfo.InvariantCulture), users.Skip(3).Select(u => u.ToString(CultureInfo.InvariantCulture)));

        var calls = server.Emulator.Journal.Entries.Where(e => e.Path.StartsWith("/oserve/", StringComparison.Ordinal)).Select(e => (e.Method, e.Path)).ToList();
        Assert.Equal(
            [("GET", $"/oserve/v1/user-group/{group.Id}/"), ("GET", "/oserve/v1/miniapp/user-profile/"), ("GET", "/oserve/v1/miniapp/user-profile/"), ("GET", "/oserve/v1/miniapp/user-profile/"), ("PATCH", "/oserve/v1/miniapp/group/membership/")],
            calls);
        Assert.Equal(users.Skip(3), server.Emulator.GetUsers().Where(u => u.GroupIds.Contains(group.Id)).Select(u => u.UserId).Order());
    }

    [Fact]
    public async Task SettingMembersWithAnIdThatIsNoUserChangesNothing()
    {
        await using var server = await MinAppTestServer.StartAsync();
        var group = server.Emulator.AddUserGroup("ops");
        var (alice, bob) = (server.Emulator.AddUser("alice").UserId, server.Emulator.AddUser("bob").UserId);
        server.Emulator.AddGroupMember(group.Id, alice);

        await Assert.ThrowsAsync<UserGroupValidationException>(
            () => server.Service.SetMembersAsync(group.Id.ToString(CultureInfo.InvariantCulture), [bob.ToString(CultureInfo.InvariantCulture), "987654321"]));

        Assert.Equal([alice], server.Emulator.GetUsers().Where(u => u.GroupIds.Contains(group.Id)).Select(u => u.UserId));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
