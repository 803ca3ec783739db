using UserGroupClient.MinApp;

namespace UserGroupClient.IntegrationTests.MinApp;

/// <summary>Every typed endpoint against the emulator over loopback.</summary>
public sealed class MinAppTypedApiTests
{
    [Fact]
    public async Task UserGroupEndpoints()
    {
        await using var server = await MinAppTestServer.StartAsync();
        var super = server.Emulator.AddSuperGroup("Super Group");
        var groups = server.Client.UserGroups;

        var created = await groups.CreateAsync(new MinAppUserGroupCreate("User Group") { ParentId = super.Id });
        Assert.Equal(new MinAppGroupReference(super.Id, "Super Group"), created.Parent);

        var read = await groups.GetAsync(created.Id);
        Assert.Equal("User Group", read.Name);
        Assert.Equal(0, read.Members);

        var renamed = await groups.UpdateAsync(created.Id, new MinAppUserGroupUpdate("user group"));
        Assert.Equal("user group", renamed.Name);
        Assert.Equal(super.Id, renamed.Parent!.Id);

        var detached = await groups.UpdateAsync(created.Id, new MinAppUserGroupUpdate("user group") { RemoveParent = true });
        Assert.Null(detached.Parent);

        var page = await groups.ListAsync(new MinAppUserGroupListOptions { Limit = 10 });
        Assert.Equal(1, page.Meta.TotalCount);

        await groups.DeleteAsync(created.Id);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.GetAsync(created.Id));

        var a = server.Emulator.AddUserGroup("a");
        var b = server.Emulator.AddUserGroup("b");
        var c = server.Emulator.AddUserGroup("c");
        await groups.BulkDeleteAsync([a.Id, b.Id]);
        Assert.Equal([c.Id], server.Emulator.GetUserGroups().Select(g => g.Id));
    }

    [Fact]
    public async Task SuperGroupEndpoints()
    {
        await using var server = await MinAppTestServer.StartAsync();
        var a = server.Emulator.AddUserGroup("a");
        var b = server.Emulator.AddUserGroup("b");
        var supers = server.Client.SuperGroups;

        var created = await supers.CreateAsync(new MinAppSuperGroupCreate("Super Group") { Children = [a.Id] });
        Assert.Equal([a.Id], created.Children.Select(c => c.Id));

        var updated = await supers.UpdateAsync(created.Id, new MinAppSuperGroupUpdate("super group 3", [b.Id]));
        Assert.Equal("super group 3", updated.Name);
        Assert.Equal([b.Id], updated.Children.Select(c => c.Id));
        Assert.Null(server.Emulator.FindUserGroup(a.Id)!.ParentId);

        Assert.Equal("super group 3", (await supers.GetAsync(created.Id)).Name);
        Assert.Equal(1, (await supers.ListAsync()).Meta.TotalCount);

        var other = await supers.CreateAsync(new MinAppSuperGroupCreate("other"));
        await supers.DeleteAsync(created.Id);
        Assert.Null(server.Emulator.FindUserGroup(b.Id)!.ParentId);
        await supers.BulkDeleteAsync([other.Id]);
        Assert.Empty(server.Emulator.GetSuperGroups());
        await Assert.ThrowsAsync<UserGroupValidationException>(() => supers.CreateAsync(new MinAppSuperGroupCreate("bad") { Children = [999] }));
    }

    [Fact]
    public async Task MembershipEndpoints()
    {
        await using var server = await MinAppTestServer.StartAsync();
        var group = server.Emulator.AddUserGroup("g");
        var other = server.Emulator.AddUserGroup("h");
        var alice = server.Emulator.AddUser("Alice");
        var bob = server.Emulator.AddUser("Bob");
        var membership = server.Client.Membership;

        await membership.AddAsync([alice.UserId, bob.UserId], [group.Id, other.Id]);
        await membership.RemoveAsync([bob.UserId], [group.Id]);

        var page = await membership.ListUsersAsync([group.Id]);
        Assert.Equal([alice.UserId], page.Objects.Select(u => u.UserId!.Value));
        var all = new List<MinAppUserProfile>();
        await foreach (var user in membership.ListAllUsersAsync([group.Id, other.Id]))
        {
            all.Add(user);
        }

        Assert.Equal(["Alice", "Bob"], all.Select(u => u.Nickname));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => membership.AddAsync([999], [group.Id]));
    }

    [Fact]
    public async Task ListAllFollowsNextAcrossManyPages()
    {
        await using var server = await MinAppTestServer.StartAsync(configure: o => o.DefaultPageSize = 3);
        var super = server.Emulator.AddSuperGroup("s");
        for (var i = 0; i < 10; i++)
        {
            server.Emulator.AddUserGroup($"g{i:00}", super.Id);
        }

        server.Emulator.AddUserGroup("elsewhere");

        var names = new List<string>();
        await foreach (var group in server.Client.UserGroups.ListAllAsync(new MinAppUserGroupListOptions { ParentId = super.Id }))
        {
            names.Add(group.Name);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"g{i:00}"), names);
        var lists = server.Emulator.Journal.Entries.Where(e => e.Path == "/oserve/v1/user-group/").Select(e => e.Query).ToList();
        Assert.Equal(["limit=3&offset=0&parent_id=" + super.Id, "limit=3&offset=3&parent_id=" + super.Id, "limit=3&offset=6&parent_id=" + super.Id, "limit=3&offset=9&parent_id=" + super.Id], lists);
    }
}
