using Microsoft.Extensions.Time.Testing;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Owl;
using static UserGroupClient.IntegrationTests.Owl.OwlHostGroupFacadeTests;

namespace UserGroupClient.IntegrationTests.Owl;

/// <summary>The typed users, hosts and host-group APIs, paging and authentication against the emulator.</summary>
public sealed class OwlTypedApiTests
{
    [Fact]
    public async Task UsersArePagedByTotal()
    {
        await using var server = await OwlTestServer.StartAsync();
        foreach (var i in Enumerable.Range(1, 4))
        {
            server.Emulator.AddUser($"user{i}");
        }

        var page = await server.Client.Users.ListAsync(new OwlUserListOptions { Page = 2, PageSize = 3 });
        var all = await ListAsync(server.Client.Users.ListAllAsync(new OwlUserListOptions { PageSize = 3 }));
        var matching = await ListAsync(server.Client.Users.ListAllAsync(new OwlUserListOptions { Search = "user", PageSize = 3 }));

        Assert.Equal(8, page.Total);
        Assert.Equal(["user1", "carol", "bob"], page.Users.Select(u => u.Username));
        Assert.Equal(8, all.Count);
        Assert.Equal("admin", all[^1].Username);
        Assert.Equal(4, matching.Count);
        Assert.Equal(2, server.Emulator.Journal.Entries.Count(e => e.Path == "/api/v1/users" && e.Query.StartsWith("q=user&", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UsersAreCreatedUpdatedAndDeleted()
    {
        await using var server = await OwlTestServer.StartAsync();
        var ops = await server.Client.UserGroups.CreateAsync("ops");

        var dave = await server.Client.Users.CreateAsync(new OwlUser { Username = "dave", Phone = "13700000000", Status = 1, Groups = [new OwlGroupReference { Id = ops.Id }] });
        await server.Client.Users.UpdateAsync(dave.Id, new OwlUserUpdate { Mail = "dave@example.com", GroupIds = [] });
        var listed = (await server.Client.Users.ListAsync(new OwlUserListOptions { Search = "dave" })).Users.Single();
        await Assert.ThrowsAsync<UserGroupConflictException>(() => server.Client.Users.CreateAsync(new OwlUser { Username = "DAVE", Phone = "1" }));
        await server.Client.Users.DeleteAsync(dave.Id);

        Assert.Equal([ops.Id], dave.Groups!.Select(g => g.Id));
        Assert.Equal("dave@example.com", listed.Mail);
        Assert.Empty(listed.Groups!);
        Assert.Null(server.Emulator.FindUser("dave"));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => server.Client.Users.DeleteAsync(dave.Id));
    }

    [Fact]
    public async Task AUserUpdateChangesWhatItIsGivenAndKeepsTheGroupsRoleAndStatus()
    {
        await using var server = await OwlTestServer.StartAsync();
        var dave = server.Emulator.AddUser("dave", role: OwlUserRoles.Admin, phone: "137", weixin: "wx-dave");
        var ops = server.Emulator.AddUserGroup("ops", [dave.Id]);
        server.Emulator.AddUserGroup("dev", [dave.Id]);

        var updated = await server.Client.Users.UpdateAsync(dave.Id, new OwlUserUpdate { Mail = "dave@corp.example" });

        var stored = server.Emulator.FindUser("dave")!;
        Assert.Equal(("dave", OwlUserRoles.Admin, 1, "137", "dave@corp.example", "wx-dave"), (stored.Username, stored.Role, stored.Status, stored.Phone, stored.Mail, stored.Weixin));
        Assert.Equal(2, stored.UserGroupIds.Count);
        Assert.Equal(("dave@corp.example", OwlUserRoles.Admin, 1), (updated.Mail, updated.Role, updated.Status));
        Assert.Equal(["GET /api/v1/users?page=0", "POST /api/v1/users"], server.Emulator.Journal.Entries.Where(e => e.Path != "/api/v1/login").Select(e => $"{e.Method} {e.PathAndQuery}"));

        var moved = await server.Client.Users.UpdateAsync(dave.Id, new OwlUserUpdate { Status = 0, GroupIds = [ops.Id] });

        Assert.Equal([ops.Id], server.Emulator.FindUser("dave")!.UserGroupIds);
        Assert.Equal((0, OwlUserRoles.Admin, "dave@corp.example"), (server.Emulator.FindUser("dave")!.Status, server.Emulator.FindUser("dave")!.Role, server.Emulator.FindUser("dave")!.Mail));
        Assert.Equal("ops", Assert.Single(moved.Groups!).Name);
    }

    [Fact]
    public async Task AUserUpdateNamingAnUnknownUserOrGroupSendsNothing()
    {
        await using var server = await OwlTestServer.StartAsync();
        var dave = server.Emulator.AddUser("dave", role: OwlUserRoles.Admin);
        var ops = server.Emulator.AddUserGroup("ops", [dave.Id]);

        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => server.Client.Users.UpdateAsync(4242, new OwlUserUpdate { Mail = "x@example.com" }));
        var error = await Assert.ThrowsAsync<UserGroupUnknownIdsException>(() => server.Client.Users.UpdateAsync(dave.Id, new OwlUserUpdate { Role = OwlUserRoles.User, GroupIds = [ops.Id, 77] }));

        Assert.Equal(["77"], error.UnknownIds);
        Assert.Equal((OwlUserRoles.Admin, 1), (server.Emulator.FindUser("dave")!.Role, server.Emulator.FindUser("dave")!.UserGroupIds.Count));
        Assert.DoesNotContain(server.Emulator.Journal.Entries, e => e.Method == "POST" && e.Path == "/api/v1/users");
    }

    [Fact]
    public async Task OrdinaryUsersMayNotCreateUsers()
    {
        await using var server = await OwlTestServer.StartAsync(configure: options => options.Credentials = OwlCredentials.Password("alice", "alice"));

        var error = await Assert.ThrowsAsync<UserGroupPermissionException>(() => server.Client.Users.CreateAsync(new OwlUser { Username = "eve", Phone = "1" }));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task HostsAndGroupHostsArePaged()
    {
        await using var server = await OwlTestServer.StartAsync();
        var group = server.Emulator.AddHostGroup("web", server.HostIds.Take(2));

        var hosts = await ListAsync(server.Client.Hosts.ListAllAsync(new OwlHostListOptions { PageSize = 2 }));
        var ungrouped = await server.Client.Hosts.ListAsync(new OwlHostListOptions { GroupId = 0 });
        var groupHosts = await ListAsync(server.Client.HostGroups.ListAllHostsAsync(group.Id, new OwlHostListOptions { PageSize = 1 }));
        var page = await server.Client.HostGroups.ListHostsAsync(group.Id, new OwlHostListOptions { Page = 1, PageSize = 5 });

        Assert.Equal(3, hosts.Count);
        Assert.Equal([server.HostIds[2]], ungrouped.Hosts.Select(h => h.Id));
        Assert.Equal(server.HostIds.Take(2), groupHosts.Select(h => h.Id));
        Assert.Equal(2, page.HostCount);
        Assert.Equal("web", hosts[0].Groups![0].Name);
    }

    [Fact]
    public async Task TheTypedUpdateSendsUnknownHostsAndOwlFailsAfterApplyingTheKnownOnes()
    {
        await using var server = await OwlTestServer.StartAsync();
        var web = server.Emulator.AddHostGroup("web", [server.HostIds[1]]);

        var error = await Assert.ThrowsAsync<UserGroupApiException>(() => server.Client.HostGroups.UpdateAsync(web.Id, "web", [server.HostIds[0], "ffffffffffffffff"]));

        Assert.Contains("foreign key", error.ServerMessage, StringComparison.Ordinal);
        Assert.Equal([server.HostIds[0]], server.Emulator.GetHostGroups().Single().HostIds);
    }

    [Fact]
    public async Task TheTypedDeleteSendsTheDeleteAndTheV4CodeDeletesAGroupWithHosts()
    {
        await using var server = await OwlTestServer.StartAsync();
        var web = server.Emulator.AddHostGroup("web", server.HostIds);

        await server.Client.HostGroups.DeleteAsync(web.Id);

        Assert.Empty(server.Emulator.GetHostGroups());
        Assert.Equal(3, server.Emulator.GetHosts().Count);
    }

    [Fact]
    public async Task TheTokenIsRefreshedBeforeExpiryAndALoginFollowsTheClosedRefreshWindow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await OwlTestServer.StartAsync(
            new OwlEmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromHours(1), MaxRefresh = TimeSpan.FromHours(2) },
            options => options.TimeProvider = clock);

        await server.Client.HostGroups.ListAsync();
        clock.Advance(TimeSpan.FromMinutes(58));
        await server.Client.HostGroups.ListAsync();
        clock.Advance(TimeSpan.FromMinutes(58));
        await server.Client.HostGroups.ListAsync();
        clock.Advance(TimeSpan.FromMinutes(58));
        await server.Client.HostGroups.ListAsync();

        var calls = server.Emulator.Journal.Entries.Select(e => $"{e.Path} {e.StatusCode}").ToList();
        Assert.Equal(
            [
                "/api/v1/login 200", "/api/v1/groups 200",
                "/api/v1/refresh_token 200", "/api/v1/groups 200",
                "/api/v1/refresh_token 200", "/api/v1/groups 200",
                "/api/v1/refresh_token 401", "/api/v1/login 200", "/api/v1/groups 200",
            ],
            calls);
    }

    [Fact]
    public async Task ADisabledUserAndAWrongPasswordAreAuthenticationErrors()
    {
        await using var server = await OwlTestServer.StartAsync(configure: options => options.Credentials = OwlCredentials.Password("alice", "alice"));
        await server.Client.HostGroups.ListAsync();
        server.Emulator.SetUserStatus("alice", 0);

        var disabled = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => server.Client.HostGroups.ListAsync());
        using var wrong = new OwlClient(new OwlClientOptions { BaseAddress = server.Emulator.BaseAddress, Credentials = OwlCredentials.Password("admin", "nope") });
        var refused = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => wrong.HostGroups.ListAsync());

        Assert.Equal("user is disable", disabled.ServerMessage);
        Assert.Equal("Incorrect Username / Password", refused.ServerMessage);
    }

    [Fact]
    public async Task AnIssuedTokenWorksUntilItExpires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await OwlEmulator.StartAsync(new OwlEmulatorOptions { TimeProvider = clock });
        using var client = new OwlClient(new OwlClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = OwlCredentials.Token(emulator.IssueToken(OwlEmulator.AdminUsername, TimeSpan.FromMinutes(5))),
        });

        Assert.Empty(await client.HostGroups.ListAsync());
        clock.Advance(TimeSpan.FromMinutes(6));
        var error = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => client.HostGroups.ListAsync());

        Assert.Equal("Token is expired", error.ServerMessage);
    }
}
