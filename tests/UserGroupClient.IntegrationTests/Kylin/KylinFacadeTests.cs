namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>Every <see cref="IUserGroupService"/> operation against the Kylin emulator.</summary>
public sealed class KylinFacadeTests
{
    [Fact]
    public async Task ADeleteWhoseAnswerWasLostIsDoneWhenTheResendMeetsKylinsNotFound()
    {
        // KAP answers a delete of a missing group with HTTP 500 "… does not exists", not 404.
        await using var server = await KylinTestServer.StartAsync(configure: Reliability.FastRetries.ApplyWithPatientAttempts);
        server.Emulator.AddGroup("ops");
        server.Emulator.Faults.Enqueue(Testing.Hosting.EmulatedFault.Create(Testing.Hosting.EmulatedFaultKind.ResponseLost, method: "DELETE"));

        await server.Service.DeleteGroupAsync("ops");

        Assert.DoesNotContain("ops", server.Emulator.GetGroups());
        Assert.Equal(2, server.Emulator.Journal.Entries.Count(e => e.Method == "DELETE"));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => server.Service.DeleteGroupAsync("ops"));
    }

    [Fact]
    public async Task EveryOperationWorks()
    {
        await using var server = await KylinTestServer.StartAsync();
        var groups = server.Service;

        var ops = await groups.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = ["alice"] });
        var dev = await groups.CreateGroupAsync(new NewUserGroup("dev"));
        Assert.Equal("ops", ops.Id);
        Assert.Equal(1, ops.MemberCount);

        Assert.Equal("ops", (await groups.GetGroupAsync("ops")).Name);
        Assert.Equal("dev", (await groups.FindGroupByNameAsync("dev"))!.Id);
        Assert.Null(await groups.FindGroupByNameAsync("nobody"));

        await groups.AddMembersAsync(ops.Id, ["bob", "alice"]);
        Assert.Equal(["alice", "bob"], await MemberIdsAsync(groups, ops.Id));

        await groups.RemoveMembersAsync(ops.Id, ["alice", "carol"]);
        Assert.Equal(["bob"], await MemberIdsAsync(groups, ops.Id));

        await groups.SetMembersAsync(ops.Id, ["carol", "alice"]);
        Assert.Equal(["alice", "carol"], await MemberIdsAsync(groups, ops.Id));

        await Assert.ThrowsAsync<NotSupportedException>(() => groups.UpdateGroupAsync(ops.Id, new UserGroupUpdate { Name = "ops-renamed" }));

        var listed = new List<string>();
        await foreach (var group in groups.ListGroupsAsync(new UserGroupQuery { Search = "OPS", PageSize = 1 }))
        {
            listed.Add(group.Id);
        }

        Assert.Equal(["ops"], listed);

        await groups.DeleteGroupAsync(dev.Id);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.GetGroupAsync(dev.Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.DeleteGroupAsync(dev.Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => MemberIdsAsync(groups, dev.Id));

        await groups.CreateGroupAsync(new NewUserGroup("extra"));
        await groups.DeleteGroupsAsync([ops.Id, "extra"]);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER"], server.Emulator.GetGroups());
    }

    [Fact]
    public async Task AddingMembersNeverDropsOnesAddedBeforeAcrossPages()
    {
        await using var server = await KylinTestServer.StartAsync(configure: o => o.DefaultPageSize = 2);
        var groups = server.Service;
        for (var i = 0; i < 5; i++)
        {
            server.Emulator.AddUser($"user{i}", "password");
        }

        server.Emulator.AddGroup("big", ["user0", "user1", "user2", "user3", "user4"]);

        await groups.AddMembersAsync("big", ["alice"]);
        await groups.RemoveMembersAsync("big", ["user2"]);

        Assert.Equal(["alice", "user0", "user1", "user3", "user4"], server.Emulator.GetGroupMembers("big"));
    }

    [Fact]
    public async Task FindingAGroupMatchesItsExactNameOnly()
    {
        await using var server = await KylinTestServer.StartAsync();
        server.Emulator.AddGroup("Ops", ["alice"]);
        server.Emulator.AddGroup("ops", ["bob"]);

        Assert.Equal("Ops", (await server.Service.FindGroupByNameAsync("Ops"))!.Id);
        Assert.Equal("ops", (await server.Service.FindGroupByNameAsync("ops"))!.Id);
        Assert.Null(await server.Service.FindGroupByNameAsync("OPS"));
        Assert.Null(await server.Service.FindGroupByNameAsync("all_users"));
        Assert.Equal(StringComparison.Ordinal, server.Service.Capabilities.NameComparison);
        Assert.Equal(["bob"], await MemberIdsAsync(server.Service, "ops"));
    }

    [Fact]
    public async Task AnUnknownUsernameStopsTheReplacePartWayAsDocumented()
    {
        await using var server = await KylinTestServer.StartAsync();
        server.Emulator.AddGroup("ops", ["carol"]);

        var error = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => server.Service.SetMembersAsync("ops", ["alice", "ghost", "bob"]));

        Assert.Equal("User 'ghost' not found.", error.ServerMessage);
        Assert.Equal(["alice", "carol"], server.Emulator.GetGroupMembers("ops"));
    }

    private static async Task<List<string>> MemberIdsAsync(IUserGroupService groups, string groupId)
    {
        var ids = new List<string>();
        await foreach (var member in groups.ListMembersAsync(groupId))
        {
            ids.Add(member.Id);
        }

        return ids;
    }
}
