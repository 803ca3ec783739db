using Microsoft.Extensions.Time.Testing;
using UserGroupClient.MinApp;
using UserGroupClient.Testing.MinApp;

namespace UserGroupClient.IntegrationTests.MinApp;

/// <summary>An emulator and a client for it that share one fake clock and use the client-credentials flow.</summary>
internal sealed class MinAppTestServer : IAsyncDisposable
{
    private MinAppTestServer(MinAppEmulator emulator, MinAppClient client, FakeTimeProvider clock)
    {
        Emulator = emulator;
        Client = client;
        Clock = clock;
    }

    public MinAppEmulator Emulator { get; }

    public MinAppClient Client { get; }

    public FakeTimeProvider Clock { get; }

    public IUserGroupService Service => Client.AsUserGroupService();

    public static async Task<MinAppTestServer> StartAsync(TimeSpan? tokenLifetime = null, Action<MinAppClientOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var emulator = await MinAppEmulator.StartAsync(new MinAppEmulatorOptions { TimeProvider = clock, TokenLifetime = tokenLifetime ?? TimeSpan.FromSeconds(31535999) });
        var options = new MinAppClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret),
            TimeProvider = clock,
        };
        configure?.Invoke(options);
        return new MinAppTestServer(emulator, new MinAppClient(options), clock);
    }

    public int Count(string pathPrefix) => Emulator.Journal.Entries.Count(e => e.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
