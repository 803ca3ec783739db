namespace UserGroupClient.IntegrationTests.JumpServer;

/// <summary>Every <see cref="IUserGroupService"/> operation against the emulator, under each authentication method.</summary>
public sealed class JumpServerFacadeTests
{
    [Theory]
    [InlineData(JumpServerAuthentication.AccessKey)]
    [InlineData(JumpServerAuthentication.Bearer)]
    [InlineData(JumpServerAuthentication.PrivateToken)]
    [InlineData(JumpServerAuthentication.Password)]
    public async Task EveryOperationWorks(JumpServerAuthentication authentication)
    {
        await using var server = await JumpServerTestServer.StartAsync(authentication);
        var groups = server.Service;
        var (alice, bob, carol) = (server.UserIds[0], server.UserIds[1], server.UserIds[2]);

        var ops = await groups.CreateGroupAsync(new NewUserGroup("ops") { Comment = "on call", MemberIds = [alice] });
        var dev = await groups.CreateGroupAsync(new NewUserGroup("dev"));
        Assert.Equal(1, ops.MemberCount);
        Assert.Equal("on call", ops.Comment);

        Assert.Equal(ops.Id, (await groups.GetGroupAsync(ops.Id)).Id);
        Assert.Equal(dev.Id, (await groups.FindGroupByNameAsync("dev"))!.Id);
        Assert.Null(await groups.FindGroupByNameAsync("nobody"));

        await groups.AddMembersAsync(ops.Id, [alice, bob]);
        await groups.AddMembersAsync(ops.Id, [bob]);
        Assert.Equal(new[] { alice, bob }.Order(), (await ToListAsync(groups.ListMembersAsync(ops.Id))).Select(m => m.Id).Order());

        await groups.RemoveMembersAsync(ops.Id, [alice, carol]);
        Assert.Equal([bob], (await ToListAsync(groups.ListMembersAsync(ops.Id))).Select(m => m.Id));

        await groups.SetMembersAsync(ops.Id, [carol, alice]);
        var members = await ToListAsync(groups.ListMembersAsync(ops.Id));
        Assert.Equal(new[] { alice, carol }.Order(), members.Select(m => m.Id).Order());
        Assert.Contains(members, m => m.Name == "Alice");

        var renamed = await groups.UpdateGroupAsync(ops.Id, new UserGroupUpdate { Name = "ops-renamed" });
        Assert.Equal("ops-renamed", renamed.Name);
        Assert.Equal("on call", renamed.Comment);

        var listed = await ToListAsync(groups.ListGroupsAsync(new UserGroupQuery { PageSize = 1 }));
        Assert.Equal(["dev", "ops-renamed"], listed.Select(g => g.Name));
        Assert.Equal(2, listed.Single(g => g.Name == "ops-renamed").MemberCount);

        await groups.DeleteGroupAsync(dev.Id);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.GetGroupAsync(dev.Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.DeleteGroupAsync(dev.Id));

        var extra = await groups.CreateGroupAsync(new NewUserGroup("extra"));
        await groups.DeleteGroupsAsync([ops.Id, extra.Id]);
        Assert.Empty(server.Emulator.GetGroups());
    }

    [Fact]
    public async Task SettingMembersWithAnIdThatIsNoUserChangesNothingAndSaysWhich()
    {
        await using var server = await JumpServerTestServer.StartAsync();
        var (alice, bob) = (server.UserIds[0], server.UserIds[1]);
        var ops = await server.Service.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = [alice] });
        var stranger = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Service.SetMembersAsync(ops.Id, [bob, stranger]));

        Assert.Contains("users", error.FieldErrors.Keys);
        Assert.Equal([alice], server.Emulator.FindGroup(ops.Id)!.UserIds);
    }

    [Fact]
    public async Task ADuplicateNameIsAConflict()
    {
        await using var server = await JumpServerTestServer.StartAsync();
        await server.Service.CreateGroupAsync(new NewUserGroup("ops"));

        var error = await Assert.ThrowsAsync<UserGroupConflictException>(() => server.Service.CreateGroupAsync(new NewUserGroup("ops")));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Single(server.Emulator.GetGroups());
    }

    [Fact]
    public async Task ListingMembersOfAnUnknownGroupIsNotFound()
    {
        await using var server = await JumpServerTestServer.StartAsync();

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => ToListAsync(server.Service.ListMembersAsync(Guid.NewGuid().ToString())));
    }

    [Fact]
    public async Task CapabilitiesAreTruthful()
    {
        await using var server = await JumpServerTestServer.StartAsync();
        var capabilities = server.Service.Capabilities;

        Assert.Equal("JumpServer", capabilities.Dialect);
        Assert.True(capabilities.SupportsRename);
        Assert.False(capabilities.SupportsHierarchy);
        Assert.True(capabilities.NativeBulkDelete);
        await Assert.ThrowsAsync<NotSupportedException>(() => server.Service.CreateGroupAsync(new NewUserGroup("x") { ParentId = "y" }));
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
