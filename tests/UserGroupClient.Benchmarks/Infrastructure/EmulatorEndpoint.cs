using System.Globalization;

namespace UserGroupClient.Benchmarks.Infrastructure;

/// <summary>Where the emulator process listens and what it was seeded with, as the benchmarks see it.</summary>
public sealed class EmulatorEndpoint
{
    private const string Variable = "UGC_BENCH_JUMPSERVER";

    private EmulatorEndpoint(Uri baseAddress, string token, string groupId, IReadOnlyDictionary<int, string> organizations)
    {
        BaseAddress = baseAddress;
        Token = token;
        GroupId = groupId;
        StreamingOrganizations = organizations;
    }

    /// <summary>The emulator's base address (loopback).</summary>
    public Uri BaseAddress { get; }

    /// <summary>A bearer token of the admin.</summary>
    public string Token { get; }

    /// <summary>The group the get-group benchmarks read.</summary>
    public string GroupId { get; }

    /// <summary>For each streaming group count, the organization that holds exactly that many groups.</summary>
    public IReadOnlyDictionary<int, string> StreamingOrganizations { get; }

    /// <summary>The endpoint the host published.</summary>
    public static EmulatorEndpoint Current
    {
        get
        {
            var parts = (Environment.GetEnvironmentVariable(Variable)
                ?? throw new InvalidOperationException($"{Variable} is not set: run the benchmarks through Program, which starts the emulator.")).Split(' ');
            var organizations = parts.Length > 3 && parts[3].Length > 0
                ? parts[3].Split(',').Select(pair => pair.Split('=')).ToDictionary(pair => int.Parse(pair[0], CultureInfo.InvariantCulture), pair => pair[1])
                : [];
            return new EmulatorEndpoint(new Uri(parts[0]), parts[1], parts[2], organizations);
        }
    }

    internal static void Publish(string ready) => Environment.SetEnvironmentVariable(Variable, ready);
}
