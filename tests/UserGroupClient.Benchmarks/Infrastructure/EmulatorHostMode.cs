using System.Globalization;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>
/// The child process that serves the loopback benchmarks: a JumpServer emulator, seeded through its public API.
/// It runs in its own process so that its allocations and heap never count against the client being measured.
/// It stops when its standard input closes, which happens when the benchmark host exits, however it exits.
/// </summary>
internal static class EmulatorHostMode
{
    /// <summary>Members of the group the get-group benchmarks read: a detail answer of a realistic size.</summary>
    private const int DetailMembers = 3;

    public static async Task RunAsync(string[] groupCounts)
    {
        await using var emulator = await JumpServerEmulator.StartAsync().ConfigureAwait(false);
        var members = Enumerable.Range(1, DetailMembers).Select(i => emulator.AddUser($"member{i}", $"Member {i}").Id).ToList();
        var detail = emulator.AddGroup("benchmark-detail", comment: "read by the get-group benchmarks", userIds: members);

        var organizations = new List<string>();
        foreach (var count in groupCounts.Select(text => int.Parse(text, CultureInfo.InvariantCulture)))
        {
            var organization = emulator.AddOrganization($"list-{count}");
            emulator.AddGroups(Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"group-{i:D6}")), organization, "seeded for streaming");

            organizations.Add(string.Create(CultureInfo.InvariantCulture, $"{count}={organization}"));
        }

        var token = emulator.IssueBearerToken(JumpServerEmulator.AdminUsername, TimeSpan.FromDays(30));
        emulator.Journal.Clear();
        await Console.Out.WriteLineAsync($"ready {emulator.BaseAddress} {token} {detail.Id} {string.Join(',', organizations)}").ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);

        // The journal keeps every request; forget them now and then so a long run does not measure a growing server.
        using var cleaner = new Timer(_ => emulator.Journal.Clear(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }
    }
}
