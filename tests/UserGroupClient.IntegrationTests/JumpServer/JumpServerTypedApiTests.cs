using UserGroupClient.JumpServer;

namespace UserGroupClient.IntegrationTests.JumpServer;

/// <summary>Every typed-API operation against the emulator over loopback HTTP, under each authentication method.</summary>
public sealed class JumpServerTypedApiTests
{
    [Theory]
    [InlineData(JumpServerAuthentication.AccessKey)]
    [InlineData(JumpServerAuthentication.Bearer)]
    [InlineData(JumpServerAuthentication.PrivateToken)]
    [InlineData(JumpServerAuthentication.Password)]
    public async Task GroupLifecycle(JumpServerAuthentication authentication)
    {
        await using var server = await JumpServerTestServer.StartAsync(authentication);
        var api = server.Client.UserGroups;
        var (alice, bob, carol) = (server.UserIds[0], server.UserIds[1], server.UserIds[2]);

        var created = await api.CreateAsync(new JumpServerUserGroupCreate("api_test") { Comment = "first", Users = [alice] });
        Assert.Equal("api_test", created.Name);
        Assert.Equal([alice], created.Users!.Select(u => u.Id));
        Assert.Equal("DEFAULT", created.OrgName);
        Assert.NotNull(created.DateCreated);

        var fetched = await api.GetAsync(created.Id);
        Assert.Equal("first", fetched.Comment);

        var page = await api.ListAsync(new JumpServerGroupListOptions { Name = "api_test" });
        Assert.Equal(1, page.Count);
        Assert.Equal(1, page.Results[0].UsersAmount);

        var put = await api.UpdateAsync(created.Id, new JumpServerUserGroupUpdate("api_test_2") { Comment = "second" });
        Assert.Equal("api_test_2", put.Name);
        Assert.Equal([alice], put.Users!.Select(u => u.Id));

        var patched = await api.PatchAsync(created.Id, new JumpServerUserGroupPatch { Comment = "third" });
        Assert.Equal("api_test_2", patched.Name);
        Assert.Equal("third", patched.Comment);

        var rows = await api.AddUsersAsync(created.Id, [bob, carol]);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(created.Id, r.Usergroup));

        var members = await api.ListMembersAsync(created.Id);
        Assert.Equal(3, members.Count);

        await api.RemoveUserAsync(created.Id, bob);
        Assert.Equal([alice, carol], Sorted(server.Emulator.FindGroup(created.Id)!.UserIds, [alice, carol]));

        var replaced = await api.SetUsersAsync(created.Id, [bob]);
        Assert.Equal([bob], replaced.Users!.Select(u => u.Id));

        await api.AddAllUsersAsync(created.Id);
        Assert.True(server.Emulator.FindGroup(created.Id)!.UserIds.Count >= 3);

        await api.DeleteAsync(created.Id);
        Assert.Null(server.Emulator.FindGroup(created.Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => api.GetAsync(created.Id));
    }

    [Theory]
    [InlineData(JumpServerAuthentication.AccessKey)]
    [InlineData(JumpServerAuthentication.Password)]
    public async Task ListAllPagesThroughEveryGroup(JumpServerAuthentication authentication)
    {
        await using var server = await JumpServerTestServer.StartAsync(authentication);
        for (var i = 0; i < 25; i++)
        {
            server.Emulator.AddGroup($"team-{i:00}");
        }

        var names = new List<string>();
        await foreach (var group in server.Client.UserGroups.ListAllAsync(new JumpServerGroupListOptions { Limit = 10, Search = "team-" }))
        {
            names.Add(group.Name);
        }

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"team-{i:00}"), names);
        Assert.Equal(3, server.Emulator.Journal.Entries.Count(e => e.PathAndQuery.StartsWith("/api/v1/users/groups/?", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(JumpServerAuthentication.AccessKey)]
    [InlineData(JumpServerAuthentication.Bearer)]
    public async Task BulkDeleteRemovesExactlyTheGivenGroups(JumpServerAuthentication authentication)
    {
        await using var server = await JumpServerTestServer.StartAsync(authentication);
        var doomed = Enumerable.Range(0, 5).Select(i => server.Emulator.AddGroup($"doomed-{i}").Id).ToList();
        var kept = server.Emulator.AddGroup("kept");

        await server.Client.UserGroups.BulkDeleteAsync(doomed);

        Assert.Equal(["kept"], server.Emulator.GetGroups().Select(g => g.Name));
        Assert.Contains(server.Emulator.Journal.Entries, e => e.Method == "DELETE" && e.PathAndQuery.Contains("spm=", StringComparison.Ordinal) && e.StatusCode == 204);
        _ = kept;
    }

    [Fact]
    public async Task BulkDeleteWithAnUnknownIdDeletesNothing()
    {
        await using var server = await JumpServerTestServer.StartAsync();
        var existing = server.Emulator.AddGroup("a").Id;

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => server.Client.UserGroups.BulkDeleteAsync([existing, Guid.NewGuid().ToString()]));

        Assert.Single(server.Emulator.GetGroups());
    }

    [Fact]
    public async Task AddingAnExistingMemberThroughRelationsIsAValidationError()
    {
        await using var server = await JumpServerTestServer.StartAsync();
        var group = server.Emulator.AddGroup("ops", userIds: [server.UserIds[0]]);

        var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Client.UserGroups.AddUsersAsync(group.Id, [server.UserIds[0]]));

        Assert.True(error.FieldErrors.ContainsKey("non_field_errors"));
    }

    [Fact]
    public async Task EveryRequestStaysUnderTheApiPathsAndEndsWithASlash()
    {
        await using var server = await JumpServerTestServer.StartAsync();
        var group = await server.Service.CreateGroupAsync(new NewUserGroup("ops/../../admin?x=1#frag"));
        await server.Service.GetGroupAsync(group.Id);
        await server.Service.FindGroupByNameAsync("ops/../../admin?x=1#frag");

        Assert.All(server.Emulator.Journal.Entries, e =>
        {
            Assert.StartsWith("/api/v1/", e.Path, StringComparison.Ordinal);
            Assert.EndsWith("/", e.Path.Split('?')[0], StringComparison.Ordinal);
            Assert.NotEqual(301, e.StatusCode);
        });
    }

    private static List<string> Sorted(IEnumerable<string> actual, IReadOnlyList<string> order) =>
        actual.OrderBy(id => order.ToList().IndexOf(id)).ToList();
}
