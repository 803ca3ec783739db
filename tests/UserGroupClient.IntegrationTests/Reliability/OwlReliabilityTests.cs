using System.Globalization;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Owl;
using Xunit.Abstractions;

namespace UserGroupClient.IntegrationTests.Reliability;

/// <summary>2,000 seeded host-group facade operations against the Owl emulator with 20% of API requests faulted.</summary>
public sealed class OwlReliabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MixedOperationsUnderTransientFaultsKeepTheStateConsistent()
    {
        await using var emulator = await OwlEmulator.StartAsync();
        var hosts = Enumerable.Range(1, 8).Select(i => emulator.AddHost($"host-{i}", $"10.0.0.{i}").Id).ToList();
        var options = new OwlClientOptions { BaseAddress = emulator.BaseAddress, Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword) };
        FastRetries.Apply(options);
        using var client = new OwlClient(options);

        var target = new ReliabilityTarget
        {
            Service = client.AsHostGroupService(),
            Faults = emulator.Faults,
            Journal = emulator.Journal,
            MemberPool = hosts,
            ReadState = () => emulator.GetHostGroups().ToDictionary(g => g.Id.ToString(CultureInfo.InvariantCulture), g => GroupState.Of(g.Name, null, g.HostIds), StringComparer.Ordinal),

            // The password sign-in runs once and is not what this run is about.
            ExemptPathPrefixes = ["/api/v1/login"],
            DeleteNeedsEmptyGroup = true,
        };

        await ReliabilityRun.RunAsync(target, seed: 6004, FastRetries.Operations, FastRetries.FaultProbability, output);
    }
}
