using UserGroupClient.Testing.Hosting;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Tests.JumpServer;

namespace UserGroupClient.Testing.Tests.Hosting;

/// <summary>Seeded-random faults: reproducible, filtered, and behind the scripted queue.</summary>
public sealed class RandomFaultTests
{
    private const string Groups = "/api/v1/users/groups/";
    private const string Users = "/api/v1/users/users/";

    [Fact]
    public async Task TheSameSeedFaultsTheSameRequestsTheSameWay()
    {
        var first = await RunAsync(seed: 7);
        var second = await RunAsync(seed: 7);
        var other = await RunAsync(seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains(first, kind => kind is not null);
        Assert.Contains(first, kind => kind is null);
    }

    [Fact]
    public async Task FiltersAndExemptionsDecideWhichRequestsAreEligible()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.EnableRandom(new RandomFaultSettings
        {
            Seed = 1,
            Probability = 1,
            Kinds = [EmulatedFaultKind.ServiceUnavailable],
            Method = "GET",
            ExemptPathPrefixes = [Users],
        });

        for (var i = 0; i < 5; i++)
        {
            using var exempt = await client.GetAsync(Users);
            using var otherMethod = await client.PostAsync(Groups, Wire.Json($"{{\"name\":\"g{i}\"}}"));
            using var faulted = await client.GetAsync(Groups);
        }

        var entries = jms.Journal.Entries;
        Assert.All(entries.Where(e => e.Path == Users || e.Method == "POST"), e => Assert.Null(e.Fault));
        Assert.All(entries.Where(e => e.Path == Groups && e.Method == "GET"), e => Assert.Equal(503, e.StatusCode));
        Assert.Equal(5, jms.GetGroups().Count(g => g.Name.StartsWith('g')));
    }

    [Fact]
    public async Task QueuedFaultsComeFirstAndDisablingStopsRandomFaults()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.EnableRandom(3, 1, EmulatedFaultKind.BadGateway);
        jms.Faults.Enqueue(new EmulatedFault(418));

        using var queued = await client.GetAsync(Groups);
        using var drawn = await client.GetAsync(Groups);
        Assert.NotNull(jms.Faults.Random);
        jms.Faults.DisableRandom();
        using var clean = await client.GetAsync(Groups);

        Assert.Equal([418, 502, 200], jms.Journal.Entries.Select(e => e.StatusCode));
        Assert.Null(jms.Faults.Random);
    }

    [Fact]
    public async Task DrawnRateLimitsStayWithinTheirRetryAfterBound()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.EnableRandom(new RandomFaultSettings { Seed = 5, Probability = 1, Kinds = [EmulatedFaultKind.RateLimited], MaxRetryAfter = TimeSpan.FromSeconds(2) });

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.GetAsync(Groups);
            delays.Add(response.Headers.RetryAfter!.Delta!.Value);
        }

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(2)));
        Assert.Equal(3, delays.Distinct().Count());
    }

    [Fact]
    public async Task BadSettingsAreRefused()
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        var faults = jms.Faults;
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.EnableRandom(1, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.EnableRandom(1, double.NaN));
        Assert.Throws<ArgumentException>(() => faults.EnableRandom(1, 0.5, EmulatedFaultKind.Response));
        Assert.Throws<ArgumentException>(() => faults.EnableRandom(new RandomFaultSettings { Seed = 1, Kinds = [] }));
        Assert.Null(faults.Random);
    }

    private static async Task<List<EmulatedFaultKind?>> RunAsync(int seed)
    {
        await using var jms = await JumpServerEmulator.StartAsync();
        using var client = Wire.AdminClient(jms);
        jms.Faults.EnableRandom(seed, 0.5, EmulatedFaultKind.InternalServerError, EmulatedFaultKind.BadGateway, EmulatedFaultKind.RateLimited);
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync(Groups);
        }

        return jms.Journal.Entries.Select(e => e.Fault?.Kind).ToList();
    }
}
