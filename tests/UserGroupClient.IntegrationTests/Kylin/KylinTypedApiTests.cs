using System.Net;
using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>Every typed endpoint and every error mapping against the emulator over loopback.</summary>
public sealed class KylinTypedApiTests
{
    [Fact]
    public async Task EveryEndpointWorks()
    {
        await using var server = await KylinTestServer.StartAsync();
        var api = server.Client.UserGroups;

        await api.CreateGroupAsync("ops");
        await api.SetGroupUsersAsync("ops", ["bob", "alice"]);

        Assert.Equal(["ALL_USERS", "ROLE_ADMIN", "ROLE_ANALYST", "ROLE_MODELER", "ops"], await api.ListGroupsAsync());
        var members = await api.ListGroupMembersAsync("ops");
        Assert.Equal(["alice", "bob"], members.Items.Select(u => u.Username));
        Assert.Equal(2, members.TotalCount);
        Assert.Contains("ops", members.Items[0].Authorities);
        Assert.Contains("ALL_USERS", members.Items[0].Authorities);

        var withUsers = await api.ListUsersWithGroupAsync(0, 2);
        Assert.Equal(5, withUsers.TotalCount);
        Assert.Equal(["ALL_USERS", "ROLE_ADMIN"], withUsers.Items.Select(g => g.Name));
        Assert.Equal(["ADMIN"], withUsers.Items[1].Users);

        var all = new List<string>();
        await foreach (var group in api.ListAllUsersWithGroupAsync(pageSize: 2))
        {
            all.Add($"{group.Name}:{group.Users.Count}");
        }

        Assert.Equal(["ALL_USERS:6", "ROLE_ADMIN:1", "ROLE_ANALYST:0", "ROLE_MODELER:0", "ops:2"], all);

        await api.DeleteGroupAsync("ops");
        Assert.DoesNotContain("ops", server.Emulator.GetGroups());
        Assert.DoesNotContain("ops", server.Emulator.FindUser("alice")!.Authorities);
        Assert.All(server.Emulator.Journal.Entries, e => Assert.Equal("application/vnd.apache.kylin-v2+json", e.GetHeader("Accept")));
    }

    [Fact]
    public async Task MembersPageByIndexAndThePageSizeIsHonoured()
    {
        await using var server = await KylinTestServer.StartAsync();
        var api = server.Client.UserGroups;

        var names = new List<string>();
        await foreach (var user in api.ListAllGroupMembersAsync("ALL_USERS", pageSize: 4))
        {
            names.Add(user.Username);
        }

        Assert.Equal(["ADMIN", "ANALYST", "MODELER", "alice", "bob", "carol"], names);
        Assert.Equal(
            ["pageOffset=0&pageSize=4", "pageOffset=1&pageSize=4"],
            server.Emulator.Journal.Entries.Select(e => e.Query));
        Assert.Empty((await api.ListGroupMembersAsync("ALL_USERS", pageOffset: 9, pageSize: 4)).Items);
    }

    [Fact]
    public async Task BusinessErrorsMapToTheirExceptions()
    {
        await using var server = await KylinTestServer.StartAsync();
        var api = server.Client.UserGroups;
        await api.CreateGroupAsync("ops");

        var conflict = await Assert.ThrowsAsync<UserGroupConflictException>(() => api.CreateGroupAsync("ops"));
        Assert.Equal(HttpStatusCode.InternalServerError, conflict.StatusCode);
        Assert.Equal("999", conflict.ErrorCode);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => api.DeleteGroupAsync("ghost"));

        var missing = await Assert.ThrowsAsync<UserGroupNotFoundException>(() => api.SetGroupUsersAsync("ops", ["alice", "ghost", "bob"]));
        Assert.Equal("User 'ghost' not found.", missing.ServerMessage);

        // Kylin is not transactional: alice, before the unknown name, was added; bob, after it, was not.
        Assert.Equal(["alice"], server.Emulator.GetGroupMembers("ops"));
    }

    [Fact]
    public async Task ANonAdminIsRefusedWithAPermissionError()
    {
        await using var server = await KylinTestServer.StartAsync(KylinEmulator.AnalystUsername, "ANALYST");
        var api = server.Client.UserGroups;

        await Assert.ThrowsAsync<UserGroupPermissionException>(() => api.CreateGroupAsync("ops"));
        await Assert.ThrowsAsync<UserGroupPermissionException>(() => api.ListGroupsAsync());
        await Assert.ThrowsAsync<UserGroupPermissionException>(() => api.ListUsersWithGroupAsync());
        Assert.Single((await api.ListGroupMembersAsync("ROLE_ADMIN")).Items);

        server.Emulator.GrantProjectAdministration("learn_kylin", KylinEmulator.AnalystUsername);
        Assert.Contains("ALL_USERS", await api.ListGroupsAsync());
        await Assert.ThrowsAsync<UserGroupPermissionException>(() => api.ListGroupsAsync("other_project"));
    }

    [Fact]
    public async Task WrongPasswordsFailOnceEachAndThenTheAccountIsLocked()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2024-05-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await KylinTestServer.StartAsync("alice", "wrong", new KylinEmulatorOptions { TimeProvider = clock });
        var api = server.Client.UserGroups;

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var refused = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => api.ListGroupMembersAsync("ops"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Equal(3, server.Emulator.Journal.Entries.Count);
        using var alice = KylinTestServer.Connect(server.Emulator, "alice", "alice-password");
        var locked = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => alice.UserGroups.ListGroupMembersAsync("ops"));
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("locked", locked.ServerMessage, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Empty((await alice.UserGroups.ListGroupMembersAsync("ops")).Items);
    }

    [Fact]
    public async Task AnHtml401PageIsAnAuthenticationError()
    {
        await using var server = await KylinTestServer.StartAsync();
        server.Emulator.Faults.Enqueue(new EmulatedFault(401) { ContentType = "text/html", Body = "<html><body><h1>HTTP Status 401</h1></body></html>" });

        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => server.Client.UserGroups.ListGroupsAsync());

        Assert.Contains("HTTP Status 401", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorEnvelopeWithStatus200IsStillAnError()
    {
        await using var server = await KylinTestServer.StartAsync();
        server.Emulator.Faults.Enqueue(new EmulatedFault(200)
        {
            ContentType = "application/vnd.apache.kylin-v2+json",
            Body = """{"code":"999","data":null,"msg":"Operation failed, group:ops already exists"}""",
        });

        var error = await Assert.ThrowsAsync<UserGroupConflictException>(() => server.Client.UserGroups.CreateGroupAsync("ops"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("999", error.ErrorCode);
    }

    [Fact]
    public async Task NamesWithSpacesAndSemicolonsRoundTrip()
    {
        await using var server = await KylinTestServer.StartAsync();
        var api = server.Client.UserGroups;

        await api.CreateGroupAsync("sales team;emea");
        await api.SetGroupUsersAsync("sales team;emea", ["carol"]);

        Assert.Contains("sales team;emea", server.Emulator.GetGroups());
        Assert.Equal(["carol"], (await api.ListGroupMembersAsync("sales team;emea")).Items.Select(u => u.Username));
    }
}
