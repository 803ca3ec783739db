using System.Globalization;
using UserGroupClient.MinApp;
using UserGroupClient.Testing.MinApp;
using Xunit.Abstractions;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>2,000 seeded facade operations against the MinApp emulator with 20% of API requests faulted.</summary>
public sealed class MinAppReliabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MixedOperationsUnderTransientFaultsKeepTheStateConsistent()
    {
        await using var emulator = await MinAppEmulator.StartAsync();
        var users = Enumerable.Range(1, 8).Select(i => emulator.AddUser($"User {i}").UserId.ToString(CultureInfo.InvariantCulture)).ToList();
        var options = new MinAppClientOptions { BaseAddress = emulator.BaseAddress, Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret) };
        FastRetries.Apply(options);
        using var client = new MinAppClient(options);

        var target = new ReliabilityTarget
        {
            Service = client.AsUserGroupService(),
            Faults = emulator.Faults,
            Journal = emulator.Journal,
            MemberPool = users,
            ReadState = () => ReadState(emulator),

            // The OAuth sign-in is outside /oserve/; it runs once and is not what this run is about.
            FaultedPathPrefix = "/oserve/",
            CreateAddsMembersSeparately = true,
        };

        await ReliabilityRun.RunAsync(target, seed: 6002, FastRetries.Operations, FastRetries.FaultProbability, output);
    }

    private static Dictionary<string, GroupState> ReadState(MinAppEmulator emulator)
    {
        var users = emulator.GetUsers();
        return emulator.GetUserGroups().ToDictionary(
            g => g.Id.ToString(CultureInfo.InvariantCulture),
            g => GroupState.Of(g.Name, null, users.Where(u => u.GroupIds.Contains(g.Id)).Select(u => u.UserId.ToString(CultureInfo.InvariantCulture))),
            StringComparer.Ordinal);
    }
}
