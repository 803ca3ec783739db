using System.Globalization;
using UserGroupClient.JumpServer;
using UserGroupClient.Owl;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.Directory;

public sealed class UserDirectoryTests
{
    [Fact]
    public async Task JumpServerResolvesUserNamesWithOnePagedListingWhateverTheirNumber()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var users = Enumerable.Range(0, 25).Select(i => jms.AddUser($"user{i:00}", $"User {i}")).ToList();
        using var client = JumpServer(jms, pageSize: 10);
        jms.Journal.Clear();

        var resolution = await client.AsUserDirectory().ResolveUserNamesAsync(["user03", "user24", "ghost", "user03", "User03"]);

        Assert.Equal(users[3].Id, resolution.Ids["user03"]);
        Assert.Equal(users[24].Id, resolution.Ids["user24"]);
        Assert.Equal(["ghost", "User03"], resolution.Unknown);
        Assert.Empty(resolution.Ambiguous);
        Assert.False(resolution.IsComplete);
        // 26 users (the administrator too), 10 a page: three pages, none of them filtered by group.
        var listings = jms.Journal.Entries.Where(e => e.Path == "/api/v1/users/users/").ToList();
        Assert.Equal(3, listings.Count);
        Assert.Equal(jms.Journal.Entries.Count, listings.Count);
        Assert.DoesNotContain(listings, e => e.Query.Contains("group_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoNamesSendNothing()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = JumpServer(jms);
        jms.Journal.Clear();

        var resolution = await client.AsUserDirectory().ResolveUserNamesAsync([]);

        Assert.True(resolution.IsComplete);
        Assert.Empty(jms.Journal.Entries);
    }

    [Fact]
    public async Task JumpServerMembersCarryTheirLoginNameBesideTheirDisplayName()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var alice = jms.AddUser("alice", "Alice Liddell");
        var group = jms.AddGroup("ops", userIds: [alice.Id]);
        using var client = JumpServer(jms);

        var member = Assert.Single(await client.AsUserGroupService().ListMembersAsync(group.Id).ToListAsync());

        Assert.Equal(new GroupMember(alice.Id, "Alice Liddell") { UserName = "alice" }, member);
    }

    [Fact]
    public async Task OwlUserNamesResolveIgnoringCaseAsTheServerComparesThem()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var alice = owl.AddUser("Alice");
        using var client = Owl(owl);

        var resolution = await client.AsUserDirectory().ResolveUserNamesAsync(["alice", "bob"]);

        Assert.Equal(alice.Id.ToString(CultureInfo.InvariantCulture), resolution.Ids["ALICE"]);
        Assert.Equal(["bob"], resolution.Unknown);
        Assert.Equal(StringComparison.OrdinalIgnoreCase, client.AsUserDirectory().UserNameComparison);
    }

    [Fact]
    public async Task AnOwlHostNameThatTwoHostsShareIsAmbiguousNeverOneOfThem()
    {
        await using var owl = await OwlEmulator.StartAsync();
        owl.AddHost("web", "10.0.0.1");
        owl.AddHost("web", "10.0.0.2");
        var db = owl.AddHost("db", "10.0.0.3", name: "primary database");
        using var client = Owl(owl);

        var resolution = await client.AsHostDirectory().ResolveUserNamesAsync(["web", "DB"]);

        Assert.Equal(["web"], resolution.Ambiguous);
        Assert.Equal(db.Id, resolution.Ids["db"]);
        Assert.Equal("host", client.AsHostDirectory().EntryKind);
    }

    [Fact]
    public async Task OwlMembersCarryTheUserNameOrTheHostNameAsTheirUserName()
    {
        await using var owl = await OwlEmulator.StartAsync();
        var alice = owl.AddUser("alice");
        var team = owl.AddUserGroup("team", [alice.Id]);
        var db = owl.AddHost("db-1", "10.0.0.3", name: "primary database");
        var hosts = owl.AddHostGroup("databases", [db.Id]);
        using var client = Owl(owl);

        var user = Assert.Single(await client.AsUserGroupService().ListMembersAsync(team.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        var host = Assert.Single(await client.AsHostGroupService().ListMembersAsync(hosts.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync());

        Assert.Equal("alice", user.UserName);
        Assert.Equal(new GroupMember(db.Id, "primary database") { UserName = "db-1" }, host);
    }

    private static JumpServerClient JumpServer(JumpServerEmulator jms, int pageSize = 100)
    {
        var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
        return new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = jms.BaseAddress,
            Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret),
            DefaultPageSize = pageSize,
        });
    }

    private static OwlClient Owl(OwlEmulator owl) => new(new OwlClientOptions
    {
        BaseAddress = owl.BaseAddress,
        Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword),
    });
}
