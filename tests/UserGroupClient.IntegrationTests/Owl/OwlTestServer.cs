using UserGroupClient.Owl;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.IntegrationTests.Owl;

/// <summary>An emulator with three hosts and three users, and a client logged in as the administrator.</summary>
internal sealed class OwlTestServer : IAsyncDisposable
{
    private static readonly (string Hostname, string Ip)[] Hosts = [("web-1", "10.0.0.1"), ("web-2", "10.0.0.2"), ("db-1", "10.0.0.3")];
    private static readonly string[] UserNames = ["alice", "bob", "carol"];

    private OwlTestServer(OwlEmulator emulator, OwlClient client, IReadOnlyList<string> hostIds, IReadOnlyList<string> userIds)
    {
        Emulator = emulator;
        Client = client;
        HostIds = hostIds;
        UserIds = userIds;
    }

    public OwlEmulator Emulator { get; }

    public OwlClient Client { get; }

    public IReadOnlyList<string> HostIds { get; }

    public IReadOnlyList<string> UserIds { get; }

    public static async Task<OwlTestServer> StartAsync(OwlEmulatorOptions? emulatorOptions = null, Action<OwlClientOptions>? configure = null)
    {
        var emulator = await OwlEmulator.StartAsync(emulatorOptions);
        var hosts = Hosts.Select(h => emulator.AddHost(h.Hostname, h.Ip).Id).ToList();
        var users = UserNames
            .Select(name => emulator.AddUser(name).Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var options = new OwlClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword),
        };
        configure?.Invoke(options);
        return new OwlTestServer(emulator, new OwlClient(options), hosts, users);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
