using System.Net;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>Each flavor's refusals, as its emulator answers them, in the SDK's exception family.</summary>
public sealed class KylinFlavorErrorTests
{
    public static TheoryData<KylinEmulatorFlavor> Flavors => KylinFlavorCases.All();

    public static TheoryData<KylinEmulatorFlavor> LockingFlavors => new() { KylinEmulatorFlavor.Kap3, KylinEmulatorFlavor.KyligenceEnterprise4, KylinEmulatorFlavor.Kylin5 };

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task ACallerWhoIsNoAdministratorGetsAPermissionError(KylinEmulatorFlavor flavor)
    {
        await using var server = await KylinTestServer.StartAsync(
            "alice",
            "alice-password",
            new KylinEmulatorOptions { Flavor = flavor },
            o => o.Flavor = KylinFlavorCases.Sdk[flavor]);

        var error = await Assert.ThrowsAsync<UserGroupPermissionException>(() => server.Service.FindGroupByNameAsync("ops"));

        Assert.Equal(flavor is KylinEmulatorFlavor.Kylin5 or KylinEmulatorFlavor.KyligenceEnterprise4 ? HttpStatusCode.BadRequest : HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(server.Emulator.Journal.Entries);
    }

    [Theory]
    [MemberData(nameof(LockingFlavors))]
    public async Task ALockedAccountIsAnAuthenticationErrorWithTheServersMessage(KylinEmulatorFlavor flavor)
    {
        await using var server = await KylinTestServer.StartAsync(emulatorOptions: new KylinEmulatorOptions { Flavor = flavor });
        var detected = await server.Client.DetectFlavorAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var wrong = KylinTestServer.Connect(server.Emulator, "alice", "wrong-password", o => o.Flavor = detected);
            await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => wrong.AsUserGroupService().FindGroupByNameAsync("ops"));
        }

        using var right = KylinTestServer.Connect(server.Emulator, "alice", "alice-password", o => o.Flavor = detected);
        var locked = await Assert.ThrowsAsync<UserGroupAuthenticationException>(() => right.AsUserGroupService().FindGroupByNameAsync("ops"));

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("locked", locked.ServerMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(locked.ServerMessage!, locked.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KylinEmulatorFlavor.Kylin5)]
    [InlineData(KylinEmulatorFlavor.KyligenceEnterprise4)]
    public async Task ANameTakenInAnotherCaseIsAConflictWhereNamesIgnoreCase(KylinEmulatorFlavor flavor)
    {
        await using var server = await KylinTestServer.StartAsync(flavor, named: false);
        server.Emulator.AddGroup("Ops");

        var conflict = await Assert.ThrowsAsync<UserGroupConflictException>(() => server.Service.CreateGroupAsync(new NewUserGroup("ops")));

        Assert.Equal("KE-010004004", conflict.ErrorCode);
        Assert.Null(await server.Service.FindGroupByNameAsync("ops"));
        Assert.Equal(StringComparison.OrdinalIgnoreCase, server.Service.Capabilities.NameComparison);
        Assert.Equal(["Ops"], server.Emulator.GetGroups().Where(g => g.Equals("ops", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData(KylinEmulatorFlavor.Kap3)]
    [InlineData(KylinEmulatorFlavor.Apache3)]
    public async Task ANameInAnotherCaseIsAnotherGroupWhereNamesAreCaseSensitive(KylinEmulatorFlavor flavor)
    {
        await using var server = await KylinTestServer.StartAsync(flavor, named: false);
        server.Emulator.AddGroup("Ops");

        await server.Service.CreateGroupAsync(new NewUserGroup("ops"));

        Assert.Equal(["Ops", "ops"], server.Emulator.GetGroups().Where(g => g.Equals("ops", StringComparison.OrdinalIgnoreCase)));
    }
}
