using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;
using Xunit.Abstractions;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>2,000 seeded facade operations against the Kylin emulator of every flavor with 20% of requests faulted.</summary>
public sealed class KylinReliabilityTests(ITestOutputHelper output)
{
    public static TheoryData<KylinEmulatorFlavor> Flavors => new(Enum.GetValues<KylinEmulatorFlavor>());

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task MixedOperationsUnderTransientFaultsKeepTheStateConsistent(KylinEmulatorFlavor flavor)
    {
        await using var emulator = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = flavor });
        var users = Enumerable.Range(1, 8).Select(i => emulator.AddUser($"user{i}", "password1").Username).ToList();
        var options = new KylinClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword),
            Project = "learn_kylin",
        };
        FastRetries.Apply(options);
        using var client = new KylinClient(options);

        var target = new ReliabilityTarget
        {
            Service = client.AsUserGroupService(),
            Faults = emulator.Faults,
            Journal = emulator.Journal,
            MemberPool = users,
            ReadState = () => emulator.GetGroups().ToDictionary(name => name, name => GroupState.Of(name, null, emulator.GetGroupMembers(name)), StringComparer.Ordinal),
            CreateAddsMembersSeparately = true,
        };

        await ReliabilityRun.RunAsync(target, seed: 6003, FastRetries.Operations, FastRetries.FaultProbability, output);
    }
}
