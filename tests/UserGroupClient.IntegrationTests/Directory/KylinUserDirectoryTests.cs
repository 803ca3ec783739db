using UserGroupClient.IntegrationTests.Kylin;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Directory;

public sealed class KylinUserDirectoryTests
{
    [Theory]
    [MemberData(nameof(KylinFlavorCases.All), MemberType = typeof(KylinFlavorCases))]
    public async Task KylinListsEveryUserByUsernameWithOnePagedListingOfAllUsers(KylinEmulatorFlavor flavor)
    {
        await using var server = await KylinTestServer.StartAsync(flavor, named: true, options => options.DefaultPageSize = 2);
        server.Emulator.AddUser("dave", "dave-password");
        server.Emulator.Journal.Clear();

        var users = await server.Client.AsUserDirectory().ListUsersAsync().ToListAsync();

        // Kylin 5 and Kyligence Enterprise 4.x start with ADMIN only; KAP and Apache Kylin with ANALYST and MODELER too.
        string[] seeded = flavor is KylinEmulatorFlavor.Kylin5 or KylinEmulatorFlavor.KyligenceEnterprise4
            ? [KylinEmulator.AdminUsername]
            : [KylinEmulator.AdminUsername, KylinEmulator.AnalystUsername, KylinEmulator.ModelerUsername];
        Assert.Equal([.. seeded, "alice", "bob", "carol", "dave"], users.Select(u => u.UserName).Order(StringComparer.Ordinal));
        Assert.All(users, user => Assert.Equal(user.UserName, user.Id));
        var requests = server.Emulator.Journal.Entries;
        Assert.All(requests, e => Assert.Equal("GET", e.Method));
        Assert.All(requests, e => Assert.EndsWith("/ALL_USERS", e.Path, StringComparison.Ordinal));
        // Apache Kylin lists a group's users at once; the other flavors page, two users a page here.
        var pages = flavor is KylinEmulatorFlavor.Apache3 or KylinEmulatorFlavor.Apache4 ? 1 : (users.Count + 1) / 2;
        Assert.Equal(pages, requests.Count);
    }

    [Theory]
    [MemberData(nameof(KylinFlavorCases.All), MemberType = typeof(KylinFlavorCases))]
    public async Task KylinResolvesKnownUsernamesAndReportsUnknownOnesAndOnesInAnotherCase(KylinEmulatorFlavor flavor)
    {
        await using var server = await KylinTestServer.StartAsync(flavor, named: false);
        var directory = server.Client.AsUserDirectory();

        var resolution = await directory.ResolveUserNamesAsync(["alice", "ghost", "Alice", KylinEmulator.AdminUsername, "alice", "BOB"]);

        Assert.Equal("alice", resolution.Ids["alice"]);
        Assert.Equal(KylinEmulator.AdminUsername, resolution.Ids[KylinEmulator.AdminUsername]);
        Assert.Equal(2, resolution.Ids.Count);
        Assert.Equal(["ghost", "Alice", "BOB"], resolution.Unknown);
        Assert.Empty(resolution.Ambiguous);
        Assert.Equal(StringComparison.Ordinal, directory.UserNameComparison);
        Assert.Equal("user", directory.EntryKind);
        Assert.Equal(KylinFlavorCases.Sdk[flavor], server.Client.DetectedFlavor);
    }

    [Fact]
    public async Task KylinResolvedUsernamesAreTheIdsTheMemberCallsTake()
    {
        await using var server = await KylinTestServer.StartAsync(KylinEmulatorFlavor.Kylin5, named: true);
        server.Emulator.AddGroup("analysts");

        var resolution = await server.Client.AsUserDirectory().ResolveUserNamesAsync(["bob", "carol"]);
        await server.Service.AddMembersAsync("analysts", resolution.Ids.Values);

        Assert.Equal(["bob", "carol"], server.Emulator.GetGroupMembers("analysts"));
    }
}
