using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;
using Xunit.Abstractions;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>2,000 seeded facade operations against the JumpServer emulator with 20% of requests faulted.</summary>
public sealed class JumpServerReliabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MixedOperationsUnderTransientFaultsKeepTheStateConsistent()
    {
        await using var emulator = await JumpServerEmulator.StartAsync();
        var users = Enumerable.Range(1, 8).Select(i => emulator.AddUser($"user{i}", $"User {i}").Id).ToList();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var options = new JumpServerClientOptions { BaseAddress = emulator.BaseAddress, Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret) };
        FastRetries.Apply(options);
        using var client = new JumpServerClient(options);

        var target = new ReliabilityTarget
        {
            Service = client.AsUserGroupService(),
            Faults = emulator.Faults,
            Journal = emulator.Journal,
            MemberPool = users,
            ReadState = () => emulator.GetGroups(JumpServerEmulator.DefaultOrganizationId)
                .ToDictionary(g => g.Id, g => GroupState.Of(g.Name, g.Comment, g.UserIds), StringComparer.Ordinal),
            RemovesMembersOneByOne = true,
        };

        await ReliabilityRun.RunAsync(target, seed: 6001, FastRetries.Operations, FastRetries.FaultProbability, output);
    }
}
