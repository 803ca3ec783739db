using UserGroupClient.Kylin;

namespace UserGroupClient.Tests.Kylin;

/// <summary>
/// What the Kylin facade of a client that detects the flavor refuses before anything is sent, the anonymous probe
/// included: names no flavor can address, deleting a built-in group, changing the members of <c>ALL_USERS</c>; and
/// what it refuses once the probe has named Kylin 5, before the group is looked up.
/// </summary>
public sealed class KylinRefusalBeforeDetectionTests
{
    private static KylinFlavorServer Server() => new(KylinFlavor.Kylin5, new Dictionary<string, List<string>>
    {
        ["ALL_USERS"] = ["ADMIN", "alice"],
        ["ops"] = ["alice"],
    });

    [Fact]
    public async Task ANameNoFlavorCanAddressIsRefusedBeforeTheProbe()
    {
        var server = Server();
        using var kylin = server.DetectingClient();
        var service = kylin.Service;

        Assert.Equal("groupId", (await Assert.ThrowsAsync<ArgumentException>(() => service.GetGroupAsync("a/b"))).ParamName);
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentException>(() => service.FindGroupByNameAsync("a/b"))).ParamName);
        Assert.Equal("group", (await Assert.ThrowsAsync<ArgumentException>(() => service.CreateGroupAsync(new NewUserGroup("a/b")))).ParamName);
        Assert.Equal("groupId", (await Assert.ThrowsAsync<ArgumentException>(() => service.UpdateGroupAsync("a/b", new UserGroupUpdate { Name = "ops" }))).ParamName);
        Assert.Equal("groupId", (await Assert.ThrowsAsync<ArgumentException>(() => service.DeleteGroupAsync("a/b"))).ParamName);
        Assert.Equal("groupIds", (await Assert.ThrowsAsync<ArgumentException>(() => service.DeleteGroupsAsync(["ops", "a/b"]))).ParamName);
        Assert.Equal("groupId", (await Assert.ThrowsAsync<ArgumentException>(() => service.ListMembersAsync("a/b").ToListAsync().AsTask())).ParamName);
        Assert.Equal("groupId", (await Assert.ThrowsAsync<ArgumentException>(() => service.AddMembersAsync("a/b", ["bob"]))).ParamName);
        Assert.Equal("groupId", (await Assert.ThrowsAsync<ArgumentException>(() => service.RemoveMembersAsync("a/b", ["bob"]))).ParamName);
        Assert.Equal("groupId", (await Assert.ThrowsAsync<ArgumentException>(() => service.SetMembersAsync("a/b", ["bob"]))).ParamName);

        Assert.Empty(server.Sent);
        Assert.Null(kylin.Client.DetectedFlavor);
    }

    [Fact]
    public async Task NoListOfGroupIdsIsRefusedByItsOwnName()
    {
        var server = Server();
        using var kylin = server.DetectingClient();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => kylin.Service.DeleteGroupsAsync(null!));

        Assert.Equal("groupIds", error.ParamName);
        Assert.Empty(server.Sent);
    }

    [Fact]
    public async Task DeletingABuiltInGroupOrChangingAllUsersIsRefusedBeforeTheProbe()
    {
        var server = Server();
        using var kylin = server.DetectingClient();
        var service = kylin.Service;

        var deleted = await Assert.ThrowsAsync<UserGroupValidationException>(() => service.DeleteGroupAsync("ROLE_ADMIN"));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => service.DeleteGroupsAsync(["ops", "role_admin"]));
        var added = await Assert.ThrowsAsync<UserGroupValidationException>(() => service.AddMembersAsync("ALL_USERS", ["bob"]));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => service.RemoveMembersAsync("ALL_USERS", ["alice"]));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => service.SetMembersAsync("ALL_USERS", ["ADMIN", "alice"]));

        Assert.Contains("'ROLE_ADMIN', a built-in group", deleted.Message, StringComparison.Ordinal);
        Assert.Contains("the server re-creates it empty at its next start (KAP 3.x guards no built-in group", deleted.Message, StringComparison.Ordinal);
        Assert.Contains("no Kylin takes a user out of it as asked", added.Message, StringComparison.Ordinal);
        Assert.Empty(server.Sent);
        Assert.Equal(["ADMIN", "alice"], server.Groups["ALL_USERS"]);
    }

    [Fact]
    public async Task OnceTheProbeNamesKylin5AnyCaseOfAllUsersIsRefusedBeforeTheGroupIsLookedUp()
    {
        Func<IUserGroupService, Task>[] changes =
        [
            service => service.AddMembersAsync("all_users", ["bob"]),
            service => service.RemoveMembersAsync("All_Users", ["nobody"]),
            service => service.SetMembersAsync("all_users", ["bob"]),
        ];
        foreach (var change in changes)
        {
            var server = Server();
            using var kylin = server.DetectingClient();

            var error = await Assert.ThrowsAsync<UserGroupValidationException>(() => change(kylin.Service));

            Assert.Contains("Kylin 5 and Kyligence Enterprise 4.x refuse to take anyone out of it", error.Message, StringComparison.Ordinal);
            Assert.Equal(["GET /admin/version"], server.Sent);
            Assert.Equal(KylinFlavor.Kylin5, kylin.Client.DetectedFlavor);
        }
    }
}
