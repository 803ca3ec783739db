using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Robustness;

/// <summary>
/// The Kylin session of <see cref="SecretLeakTests"/> on every flavor's emulator, with the flavor detected, and a client
/// set up for another flavor whose mismatch exception names both: no password or Basic credential in any log, span,
/// exception or text.
/// </summary>
public sealed partial class SecretLeakTests
{
    public static TheoryData<KylinEmulatorFlavor> KylinFlavors => new(Enum.GetValues<KylinEmulatorFlavor>());

    [Theory]
    [MemberData(nameof(KylinFlavors))]
    public async Task EveryKylinFlavorKeepsTheBasicCredentialsOutOfEverythingItReports(KylinEmulatorFlavor flavor)
    {
        using var capture = new TelemetryCapture();
        await using var emulator = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });
        emulator.AddUser("alice", "alice-password-4471");
        emulator.AddUser("bob", "bob-password-4471");
        var credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword);
        var wrong = KylinCredentials.Basic(KylinEmulator.AdminUsername, "wrong-password-4471");
        var secrets = new List<string> { KylinEmulator.AdminPassword, "wrong-password-4471", "alice-password-4471", "bob-password-4471" };

        KylinClientOptions Options(KylinCredentials c, KylinFlavor configured) =>
            Configure(new KylinClientOptions { BaseAddress = emulator.BaseAddress, Credentials = c, Project = "learn_kylin", Flavor = configured }, capture);
        using (var client = new KylinClient(Options(credentials, KylinFlavor.Auto)))
        {
            capture.Add(client.ToString());
            await RunSessionAsync(client.AsUserGroupService(), emulator.Faults, "/kylin/api/", ["alice", "bob"], secrets, capture);
            capture.Add(client.DetectedFlavor.ToString()!);
        }

        var other = flavor == KylinEmulatorFlavor.Kap3 ? KylinFlavor.Kylin5 : KylinFlavor.Kap3;
        using (var mismatched = new KylinClient(Options(credentials, other)))
        {
            await FailsAsync<UserGroupUnsupportedServerException>(mismatched.AsUserGroupService(), capture);
        }

        using (var refused = new KylinClient(Options(wrong, KylinFlavor.Auto)))
        {
            await FailsAsync<UserGroupAuthenticationException>(refused.AsUserGroupService(), capture);
        }

        capture.Add(credentials.ToString());
        capture.Add(wrong.ToString());
        await AssertNoSecretLeakedAsync(capture, secrets, emulator.Journal);
    }
}
