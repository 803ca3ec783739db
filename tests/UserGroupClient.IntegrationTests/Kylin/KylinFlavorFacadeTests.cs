using Microsoft.Extensions.Logging;
using UserGroupClient.IntegrationTests.Observability;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>The unified service's whole surface against the emulator of every Kylin flavor, detected and named.</summary>
public sealed class KylinFlavorFacadeTests
{
    public static TheoryData<KylinEmulatorFlavor, bool> DetectedAndNamed => KylinFlavorCases.DetectedAndNamed();

    public static TheoryData<KylinEmulatorFlavor> Flavors => KylinFlavorCases.All();

    [Theory]
    [MemberData(nameof(DetectedAndNamed))]
    public async Task EveryOperationWorksOnEveryFlavor(KylinEmulatorFlavor flavor, bool named)
    {
        await using var server = await KylinTestServer.StartAsync(flavor, named, o => o.DefaultPageSize = 2);
        var groups = server.Service;
        var builtIn = server.Emulator.GetGroups();

        var ops = await groups.CreateGroupAsync(new NewUserGroup("ops") { MemberIds = ["alice"] });
        var dev = await groups.CreateGroupAsync(new NewUserGroup("dev"));
        Assert.Equal("ops", ops.Id);
        Assert.Equal(1, ops.MemberCount);
        Assert.Equal(KylinFlavorCases.Sdk[flavor], named ? KylinFlavorCases.Sdk[flavor] : server.Client.DetectedFlavor);

        Assert.Equal("ops", (await groups.GetGroupAsync("ops")).Name);
        Assert.Equal("dev", (await groups.FindGroupByNameAsync("dev"))!.Id);
        Assert.Null(await groups.FindGroupByNameAsync("nobody"));
        Assert.Null(await groups.FindGroupByNameAsync("OPS"));

        await groups.AddMembersAsync(ops.Id, ["bob", "alice"]);
        Assert.Equal(["alice", "bob"], await MemberIdsAsync(groups, ops.Id));

        await groups.RemoveMembersAsync(ops.Id, ["alice", "carol"]);
        Assert.Equal(["bob"], await MemberIdsAsync(groups, ops.Id));

        await groups.SetMembersAsync(ops.Id, ["carol", "alice", "bob"]);
        Assert.Equal(["alice", "bob", "carol"], await MemberIdsAsync(groups, ops.Id));
        Assert.Equal(["alice", "bob", "carol"], server.Emulator.GetGroupMembers("ops"));

        await Assert.ThrowsAsync<NotSupportedException>(() => groups.UpdateGroupAsync(ops.Id, new UserGroupUpdate { Name = "ops-renamed" }));
        Assert.Equal("ops", (await groups.UpdateGroupAsync(ops.Id, new UserGroupUpdate())).Id);

        var listed = new List<string>();
        await foreach (var group in groups.ListGroupsAsync(new UserGroupQuery { Search = "OPS", PageSize = 1 }))
        {
            listed.Add(group.Id);
        }

        Assert.Equal(["ops"], listed);
        var all = new List<string>();
        await foreach (var group in groups.ListGroupsAsync())
        {
            all.Add(group.Id);
        }

        Assert.Equal(builtIn.Append("dev").Append("ops").Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));

        await groups.DeleteGroupAsync(dev.Id);
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.GetGroupAsync(dev.Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => groups.DeleteGroupAsync(dev.Id));
        await Assert.ThrowsAsync<UserGroupNotFoundException>(() => MemberIdsAsync(groups, dev.Id));
        await Assert.ThrowsAsync<UserGroupConflictException>(() => groups.CreateGroupAsync(new NewUserGroup("ops")));

        await groups.CreateGroupAsync(new NewUserGroup("extra"));
        await groups.DeleteGroupsAsync([ops.Id, "extra"]);
        Assert.Equal(builtIn, server.Emulator.GetGroups());
    }

    [Theory]
    [MemberData(nameof(DetectedAndNamed))]
    public async Task BuiltInGroupsAreProtectedOnEveryFlavorBeforeAnythingIsSent(KylinEmulatorFlavor flavor, bool named)
    {
        await using var server = await KylinTestServer.StartAsync(flavor, named);
        var everyone = server.Emulator.GetGroupMembers("ALL_USERS");

        await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Service.DeleteGroupAsync("role_admin"));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Service.DeleteGroupsAsync(["ROLE_MODELER"]));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Service.RemoveMembersAsync("ALL_USERS", ["alice"]));
        await Assert.ThrowsAsync<UserGroupValidationException>(() => server.Service.SetMembersAsync("ALL_USERS", ["alice"]));

        Assert.Empty(server.Emulator.Journal.Entries);
        Assert.Equal(everyone, server.Emulator.GetGroupMembers("ALL_USERS"));
        Assert.Equal(["ADMIN"], server.Emulator.GetGroupMembers("ROLE_ADMIN"));
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task ConcurrentFirstCallsShareOneProbeAndTheFlavorIsLogged(KylinEmulatorFlavor flavor)
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var server = await KylinTestServer.StartAsync(flavor, named: false, o => o.LoggerFactory = loggerFactory);
        server.Emulator.AddGroup("ops");
        Assert.Null(server.Client.DetectedFlavor);
        Assert.Equal(StringComparison.OrdinalIgnoreCase, server.Service.Capabilities.NameComparison);

        var found = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => server.Service.FindGroupByNameAsync("ops")));

        Assert.All(found, group => Assert.Equal("ops", group!.Id));
        Assert.Single(server.Emulator.Journal.Entries, e => e.Path == "/kylin/api/admin/version");
        var expected = KylinFlavorCases.Sdk[flavor];
        Assert.Equal(expected, server.Client.DetectedFlavor);
        Assert.Equal(expected, await server.Client.DetectFlavorAsync());
        Assert.Single(server.Emulator.Journal.Entries, e => e.Path == "/kylin/api/admin/version");
        var comparison = expected is KylinFlavor.Kylin5 or KylinFlavor.KyligenceEnterprise4 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        Assert.Equal(comparison, server.Service.Capabilities.NameComparison);
        var detected = Assert.Single(logs.Events, e => e.EventId.Name == "KylinFlavorDetected");
        Assert.Equal(LogLevel.Information, detected.Level);
        Assert.Contains(expected.ToString(), detected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task ANamedFlavorSendsNoProbe(KylinEmulatorFlavor flavor)
    {
        await using var server = await KylinTestServer.StartAsync(flavor, named: true);
        server.Emulator.AddGroup("ops", ["alice"]);

        await server.Service.AddMembersAsync("ops", ["bob"]);

        Assert.DoesNotContain(server.Emulator.Journal.Entries, e => e.Path.EndsWith("/admin/version", StringComparison.Ordinal));
        Assert.Null(server.Client.DetectedFlavor);
        Assert.Equal(["alice", "bob"], server.Emulator.GetGroupMembers("ops"));
    }

    private static async Task<List<string>> MemberIdsAsync(IUserGroupService groups, string groupId)
    {
        var ids = new List<string>();
        await foreach (var member in groups.ListMembersAsync(groupId))
        {
            ids.Add(member.Id);
        }

        return ids;
    }
}
