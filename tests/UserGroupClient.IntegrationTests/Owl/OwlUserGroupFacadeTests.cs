using UserGroupClient.Testing.Owl;
using static UserGroupClient.IntegrationTests.Owl.OwlHostGroupFacadeTests;

namespace UserGroupClient.IntegrationTests.Owl;

/// <summary><see cref="IUserGroupService"/> over Owl user groups against the emulator: members are users.</summary>
public sealed class OwlUserGroupFacadeTests
{
    [Fact]
    public async Task ADeleteWhoseAnswerWasLostIsDoneWhenTheResendMeetsOwlsCode404()
    {
        // Owl answers a delete of a missing user group with HTTP 200 and {"code":404,…}.
        await using var server = await OwlTestServer.StartAsync(configure: Reliability.FastRetries.ApplyWithPatientAttempts);
        var group = server.Emulator.AddUserGroup("ops");
        server.Emulator.Faults.Enqueue(Testing.Hosting.EmulatedFault.Create(Testing.Hosting.EmulatedFaultKind.ResponseLost, method: "DELETE"));

        await server.Client.AsUserGroupService().DeleteGroupAsync(group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Empty(server.Emulator.GetUserGroups());
        Assert.Equal(2, server.Emulator.Journal.Entries.Count(e => e.Method == "DELETE"));
    }

    [Fact]
    public async Task EveryOperationWorks()
    {
        await using var server = await OwlTestServer.StartAsync();
        var groups = server.Client.AsUserGroupService();
        var (alice, bob, carol) = (server.UserIds[0], server.UserIds[1], server.UserIds[2]);

        var ops = await groups.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = [alice] });
        var dev = await groups.CreateGroupAsync(new NewUserGroup("dev"));
        Assert.Equal(1, ops.MemberCount);
        Assert.Equal(1, (await groups.GetGroupAsync(ops.Id)).MemberCount);
        Assert.Equal(dev.Id, (await groups.FindGroupByNameAsync("dev"))!.Id);

        await groups.AddMembersAsync(ops.Id, [bob, alice]);
        Assert.Equal(new[] { alice, bob }.Order(), (await ListAsync(groups.ListMembersAsync(ops.Id))).Select(m => m.Id).Order());

        await groups.RemoveMembersAsync(ops.Id, [alice, carol]);
        var members = await ListAsync(groups.ListMembersAsync(ops.Id));
        Assert.Equal([new GroupMember(bob, "bob") { UserName = "bob" }], members);

        await groups.SetMembersAsync(ops.Id, [carol, alice]);
        Assert.Equal(new[] { alice, carol }.Order(), (await ListAsync(groups.ListMembersAsync(ops.Id))).Select(m => m.Id).Order());

        Assert.Equal("ops", (await groups.UpdateGroupAsync(ops.Id, new UserGroupUpdate { Name = "ops" })).Name);
        await Assert.ThrowsAsync<NotSupportedException>(() => groups.UpdateGroupAsync(ops.Id, new UserGroupUpdate { Name = "ops-renamed" }));
        Assert.False(groups.Capabilities.SupportsRename);

        await Assert.ThrowsAsync<UserGroupConflictException>(() => groups.CreateGroupAsync(new NewUserGroup("OPS")));
        await groups.DeleteGroupsAsync([ops.Id, dev.Id]);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.DeleteGroupAsync(dev.Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.AddMembersAsync(dev.Id, [alice]));
        Assert.Empty(server.Emulator.GetUserGroups());
    }

    [Fact]
    public async Task ListingMembersReadsTheGroupsUserPagesAndAnEmptyAnswerIsCheckedForAnUnknownGroup()
    {
        await using var server = await OwlTestServer.StartAsync(configure: options => options.DefaultPageSize = 2);
        var groups = server.Client.AsUserGroupService();
        var ops = server.Emulator.AddUserGroup("ops", server.UserIds.Take(3).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)));
        var empty = server.Emulator.AddUserGroup("empty");
        server.Emulator.Journal.Clear();

        var members = await ListAsync(groups.ListMembersAsync(ops.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(server.UserIds.Take(3).Order(), members.Select(m => m.Id).Order());
        Assert.Equal(2, server.Emulator.Journal.Entries.Count(e => e.Path == "/api/v1/users" && e.Query.Contains("group_id=", StringComparison.Ordinal)));
        Assert.DoesNotContain(server.Emulator.Journal.Entries, e => e.Path == "/api/v1/usergroups");

        Assert.Empty(await ListAsync(groups.ListMembersAsync(empty.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => ListAsync(groups.ListMembersAsync("999")));
    }

    [Fact]
    public async Task MembershipChangesKeepOtherMembersAndOtherGroups()
    {
        await using var server = await OwlTestServer.StartAsync();
        var groups = server.Client.AsUserGroupService();
        var ids = server.UserIds.Select(int.Parse).ToList();
        var ops = server.Emulator.AddUserGroup("ops", ids);
        var dev = server.Emulator.AddUserGroup("dev", [ids[0]]);

        await groups.RemoveMembersAsync(ops.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), [server.UserIds[1]]);

        Assert.Equal([ids[0], ids[2]], server.Emulator.GetUserGroups().Single(g => g.Id == ops.Id).UserIds);
        Assert.Equal([ids[0]], server.Emulator.GetUserGroups().Single(g => g.Id == dev.Id).UserIds);
    }

    [Fact]
    public async Task TheTypedUpdateRefusesGroupIdsThatNameNoGroupAndSendsNothing()
    {
        await using var server = await OwlTestServer.StartAsync();
        var alice = int.Parse(server.UserIds[0], System.Globalization.CultureInfo.InvariantCulture);
        var ops = server.Emulator.AddUserGroup("ops", [alice]);

        var error = await Assert.ThrowsAsync<UserGroupClient.UserGroupUnknownIdsException>(() => server.Client.UserGroups.UpdateAsync(
            [new UserGroupClient.Owl.OwlUserGroupUpdate(ops.Id, "ops", []), new UserGroupClient.Owl.OwlUserGroupUpdate(4242, "ghost", [alice])]));

        Assert.Equal(["4242"], error.UnknownIds);
        Assert.Contains("4242", error.Message, StringComparison.Ordinal);
        Assert.Equal([alice], server.Emulator.GetUserGroups().Single().UserIds);
        Assert.DoesNotContain(server.Emulator.Journal.Entries, e => e.Method == "POST" && e.Path == "/api/v1/usergroups");
    }

    [Fact]
    public async Task TheRenameOptionOfTheEmulatorAppliesNamesThroughTheTypedApi()
    {
        await using var server = await OwlTestServer.StartAsync(new OwlEmulatorOptions { ApplyUserGroupRenames = true });
        var group = await server.Client.UserGroups.CreateAsync("ops");

        var updated = await server.Client.UserGroups.UpdateAsync([new UserGroupClient.Owl.OwlUserGroupUpdate(group.Id, "ops-2", [])]);

        Assert.Equal("ops-2", Assert.Single(updated).Name);
    }
}
