using System.Globalization;
using UserGroupClient.Owl;

namespace UserGroupClient.IntegrationTests.Owl;

/// <summary>
/// Both Owl facades refuse member ids that name no host or user before anything is written: Owl v4 skips them on create
/// and on user-group updates, and applies the known ones before failing on host-group updates, so a replace naming only
/// unknown ids would empty the group.
/// </summary>
public sealed class OwlUnknownMemberTests
{
    public static TheoryData<bool, string> Facades() => new() { { true, "ffffffffffffffff" }, { false, "999" } };

    [Theory]
    [MemberData(nameof(Facades))]
    public async Task SettingMembersThatDoNotExistIsRefusedAndTheGroupKeepsItsMembers(bool hostGroups, string unknown)
    {
        await using var server = await OwlTestServer.StartAsync();
        var groups = Facade(server, hostGroups);
        var known = Known(server, hostGroups);
        var group = await groups.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = [known[0]] });
        var writes = Writes(server);

        var error = await Assert.ThrowsAsync<UserGroupUnknownIdsException>(() => groups.SetMembersAsync(group.Id, [unknown]));

        Assert.Equal([unknown], error.UnknownIds);
        Assert.Contains(unknown, error.Message, StringComparison.Ordinal);
        Assert.Equal([known[0]], StoredMembers(server, hostGroups));
        Assert.Equal(writes, Writes(server));
    }

    [Theory]
    [MemberData(nameof(Facades))]
    public async Task AddingMembersThatDoNotExistIsRefusedBeforeTheKnownOnesAreAdded(bool hostGroups, string unknown)
    {
        await using var server = await OwlTestServer.StartAsync();
        var groups = Facade(server, hostGroups);
        var known = Known(server, hostGroups);
        var group = await groups.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = [known[0]] });
        var writes = Writes(server);

        var error = await Assert.ThrowsAsync<UserGroupUnknownIdsException>(() => groups.AddMembersAsync(group.Id, [known[1], unknown]));

        Assert.Equal([unknown], error.UnknownIds);
        Assert.Equal([known[0]], StoredMembers(server, hostGroups));
        Assert.Equal(writes, Writes(server));
    }

    [Theory]
    [MemberData(nameof(Facades))]
    public async Task CreatingAGroupWithMembersThatDoNotExistIsRefusedBeforeTheGroupIsCreated(bool hostGroups, string unknown)
    {
        await using var server = await OwlTestServer.StartAsync();
        var groups = Facade(server, hostGroups);
        var known = Known(server, hostGroups);

        var error = await Assert.ThrowsAsync<UserGroupUnknownIdsException>(() => groups.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = [known[0], unknown] }));

        Assert.Equal([unknown], error.UnknownIds);
        Assert.Null(await groups.FindGroupByNameAsync("ops"));
        Assert.Equal(0, Writes(server));
    }

    [Theory]
    [InlineData(true, "GET /api/v1/groups", "GET /api/v1/hosts", "POST /api/v1/groups")]
    [InlineData(false, "GET /api/v1/usergroups", "GET /api/v1/users?page=0", "POST /api/v1/usergroups")]
    public async Task SettingMembersReadsTheGroupsAndTheMembersOnceThenReplaces(bool hostGroups, string readGroups, string readMembers, string replace)
    {
        await using var server = await OwlTestServer.StartAsync();
        var groups = Facade(server, hostGroups);
        var known = Known(server, hostGroups);
        var group = await groups.CreateGroupAsync(new NewUserGroup("ops"));
        var before = server.Emulator.Journal.Entries.Count;

        await groups.SetMembersAsync(group.Id, [known[1], known[0]]);

        Assert.Equal([readGroups, readMembers, replace], server.Emulator.Journal.Entries.Skip(before).Select(e => $"{e.Method} {e.PathAndQuery}"));
        Assert.Equal([known[0], known[1]], StoredMembers(server, hostGroups).Order(StringComparer.Ordinal));
    }

    private static IUserGroupService Facade(OwlTestServer server, bool hostGroups) =>
        hostGroups ? server.Client.AsHostGroupService() : server.Client.AsUserGroupService();

    private static List<string> Known(OwlTestServer server, bool hostGroups) =>
        (hostGroups ? server.HostIds : server.UserIds).Order(StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> StoredMembers(OwlTestServer server, bool hostGroups) => hostGroups
        ? server.Emulator.GetHostGroups().Single().HostIds
        : server.Emulator.GetUserGroups().Single().UserIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();

    private static int Writes(OwlTestServer server) =>
        server.Emulator.Journal.Entries.Count(e => e.Method is "PUT" or "POST" or "DELETE" && e.Path != "/api/v1/login");
}
