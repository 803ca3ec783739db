using UserGroupClient.Owl;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.Owl;

/// <summary><see cref="IUserGroupService"/> over Owl host groups against the emulator: members are hosts.</summary>
public sealed class OwlHostGroupFacadeTests
{
    [Fact]
    public async Task EveryOperationWorks()
    {
        await using var server = await OwlTestServer.StartAsync();
        var groups = server.Client.AsHostGroupService();
        var (web1, web2, db1) = (server.HostIds[0], server.HostIds[1], server.HostIds[2]);

        var web = await groups.CreateGroupAsync(new NewUserGroup("web") { MemberIds = [web1] });
        var db = await groups.CreateGroupAsync(new NewUserGroup("db"));
        Assert.Equal(1, web.MemberCount);

        Assert.Equal("web", (await groups.GetGroupAsync(web.Id)).Name);
        Assert.Equal(db.Id, (await groups.FindGroupByNameAsync("db"))!.Id);
        Assert.Null(await groups.FindGroupByNameAsync("we"));

        await groups.AddMembersAsync(web.Id, [web2, web1]);
        Assert.Equal(new[] { web1, web2 }.Order(), (await ListAsync(groups.ListMembersAsync(web.Id))).Select(m => m.Id).Order());

        await groups.RemoveMembersAsync(web.Id, [web1, db1]);
        Assert.Equal([web2], (await ListAsync(groups.ListMembersAsync(web.Id))).Select(m => m.Id));

        await groups.SetMembersAsync(web.Id, [db1, web1]);
        var members = await ListAsync(groups.ListMembersAsync(web.Id));
        Assert.Equal(new[] { web1, db1 }.Order(), members.Select(m => m.Id).Order());
        Assert.Contains(members, m => m.Name == "db-1");

        var renamed = await groups.UpdateGroupAsync(web.Id, new UserGroupUpdate { Name = "web-renamed" });
        Assert.Equal("web-renamed", renamed.Name);
        Assert.Equal(new[] { web1, db1 }.Order(), server.Emulator.GetHostGroups().Single(g => g.Name == "web-renamed").HostIds.Order());

        Assert.Equal(["web-renamed", "db"], (await ListAsync(groups.ListGroupsAsync())).Select(g => g.Name));
        Assert.Equal(["web-renamed"], (await ListAsync(groups.ListGroupsAsync(new UserGroupQuery { Search = "WEB" }))).Select(g => g.Name));

        await groups.DeleteGroupAsync(db.Id);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.GetGroupAsync(db.Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.DeleteGroupAsync(db.Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => ListAsync(groups.ListMembersAsync(db.Id)));

        await groups.SetMembersAsync(web.Id, []);
        var extra = await groups.CreateGroupAsync(new NewUserGroup("extra"));
        await groups.DeleteGroupsAsync([web.Id, extra.Id]);
        Assert.Empty(server.Emulator.GetHostGroups());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FindByNameMatchesTheExactNameThoughTheServerComparesIgnoringCase(bool hostGroups)
    {
        await using var server = await OwlTestServer.StartAsync();
        var groups = hostGroups ? server.Client.AsHostGroupService() : server.Client.AsUserGroupService();
        var created = await groups.CreateGroupAsync(new NewUserGroup("ops-team"));

        Assert.Null(await groups.FindGroupByNameAsync("Ops-Team"));
        Assert.Equal(created.Id, (await groups.FindGroupByNameAsync("ops-team"))?.Id);
        Assert.Equal(StringComparison.OrdinalIgnoreCase, groups.Capabilities.NameComparison);
        await Assert.ThrowsAsync<UserGroupConflictException>(() => groups.CreateGroupAsync(new NewUserGroup("Ops-Team")));
    }

    [Fact]
    public async Task MembershipChangesKeepEveryHostTheyWereNotAskedToRemove()
    {
        await using var server = await OwlTestServer.StartAsync(configure: options => options.DefaultPageSize = 10);
        var groups = server.Client.AsHostGroupService();
        var extraHosts = Enumerable.Range(1, 25).Select(i => server.Emulator.AddHost($"node-{i}", $"10.1.0.{i}").Id).ToList();
        var group = server.Emulator.AddHostGroup("big", extraHosts);

        // 25 hosts span several pages of /groups/:id/hosts at the page size of 10 this client uses.
        await groups.AddMembersAsync(group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), [server.HostIds[0]]);
        await groups.RemoveMembersAsync(group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), [extraHosts[3]]);

        var expected = extraHosts.Where(h => h != extraHosts[3]).Append(server.HostIds[0]).Order();
        Assert.Equal(expected, server.Emulator.GetHostGroups().Single().HostIds.Order());
    }

    [Theory]
    [InlineData(OwlHostGroupDeleteMode.Cascade)]
    [InlineData(OwlHostGroupDeleteMode.Refuse)]
    public async Task DeletingAGroupThatHoldsHostsIsRefusedAsNotEmptyWithoutSendingTheDelete(OwlHostGroupDeleteMode mode)
    {
        await using var server = await OwlTestServer.StartAsync(new OwlEmulatorOptions { HostGroupDeleteMode = mode });
        var groups = server.Client.AsHostGroupService();
        var web = await groups.CreateGroupAsync(new NewUserGroup("web") { MemberIds = [server.HostIds[0]] });

        var error = await Assert.ThrowsAsync<UserGroupNotEmptyException>(() => groups.DeleteGroupAsync(web.Id));

        Assert.Equal("Owl", error.Dialect);
        Assert.Equal([server.HostIds[0]], server.Emulator.GetHostGroups().Single().HostIds);
        Assert.DoesNotContain(server.Emulator.Journal.Entries, e => e.Method == "DELETE");

        await groups.RemoveMembersAsync(web.Id, [server.HostIds[0]]);
        await groups.DeleteGroupAsync(web.Id);
        Assert.Empty(server.Emulator.GetHostGroups());
    }

    [Theory]
    [InlineData(OwlHostGroupDeleteMode.Cascade)]
    [InlineData(OwlHostGroupDeleteMode.Refuse)]
    public async Task DeletingSeveralGroupsChecksThemAllBeforeDeletingAny(OwlHostGroupDeleteMode mode)
    {
        await using var server = await OwlTestServer.StartAsync(new OwlEmulatorOptions { HostGroupDeleteMode = mode });
        var groups = server.Client.AsHostGroupService();
        var empty = await groups.CreateGroupAsync(new NewUserGroup("empty"));
        var web = await groups.CreateGroupAsync(new NewUserGroup("web") { MemberIds = [server.HostIds[0]] });
        var spare = await groups.CreateGroupAsync(new NewUserGroup("spare"));

        await Assert.ThrowsAsync<UserGroupNotEmptyException>(() => groups.DeleteGroupsAsync([empty.Id, web.Id, spare.Id]));

        Assert.Equal(["empty", "web", "spare"], server.Emulator.GetHostGroups().Select(g => g.Name));
        Assert.DoesNotContain(server.Emulator.Journal.Entries, e => e.Method == "DELETE");

        await groups.DeleteGroupsAsync([empty.Id, spare.Id]);
        Assert.Equal(["web"], server.Emulator.GetHostGroups().Select(g => g.Name));
    }

    [Fact]
    public async Task AHostAddedBetweenTheCheckAndTheDeleteMeetsTheServersRefusal()
    {
        await using var server = await OwlTestServer.StartAsync(new OwlEmulatorOptions { HostGroupDeleteMode = OwlHostGroupDeleteMode.Refuse });
        var web = server.Emulator.AddHostGroup("web");
        var credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword);
        using var other = new OwlClient(new OwlClientOptions { BaseAddress = server.Emulator.BaseAddress, Credentials = credentials });
        using var http = new HttpClient(new BeforeSendHandler(async request =>
        {
            if (request.Method == HttpMethod.Delete)
            {
                await other.HostGroups.UpdateAsync(web.Id, "web", [server.HostIds[0]]);
            }
        }));
        using var client = new OwlClient(new OwlClientOptions { BaseAddress = server.Emulator.BaseAddress, Credentials = credentials }, http);

        var error = await Assert.ThrowsAsync<UserGroupNotEmptyException>(() => client.AsHostGroupService().DeleteGroupAsync(web.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("web contains some host, is not allowed to delete", error.ServerMessage);
        Assert.Equal("200", error.ErrorCode);
        Assert.Equal([server.HostIds[0]], server.Emulator.GetHostGroups().Single().HostIds);
    }

    [Fact]
    public async Task DuplicatesAreConflicts()
    {
        await using var server = await OwlTestServer.StartAsync();
        var groups = server.Client.AsHostGroupService();
        await groups.CreateGroupAsync(new NewUserGroup("web"));
        var db = await groups.CreateGroupAsync(new NewUserGroup("db"));

        await Assert.ThrowsAsync<UserGroupConflictException>(() => groups.CreateGroupAsync(new NewUserGroup("Web")));
        var rename = await Assert.ThrowsAsync<UserGroupConflictException>(() => groups.UpdateGroupAsync(db.Id, new UserGroupUpdate { Name = "web" }));
        Assert.Equal("500", rename.ErrorCode);
    }

    [Fact]
    public async Task CapabilitiesAreTruthful()
    {
        await using var server = await OwlTestServer.StartAsync();
        var capabilities = server.Client.AsHostGroupService().Capabilities;

        Assert.Equal("Owl host groups", capabilities.Dialect);
        Assert.True(capabilities.SupportsRename);
        Assert.False(capabilities.SupportsComment);
        Assert.False(capabilities.NativeAddMembers);
        Assert.False(capabilities.NativeBulkDelete);
        await Assert.ThrowsAsync<NotSupportedException>(() => server.Client.AsHostGroupService().UpdateGroupAsync("1", new UserGroupUpdate { Comment = "x" }));
    }

    internal static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
