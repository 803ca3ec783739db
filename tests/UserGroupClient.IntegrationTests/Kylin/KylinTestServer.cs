using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace UserGroupClient.IntegrationTests.Kylin;

/// <summary>An emulator (of any flavor) with users alice, bob and carol, and a client for it signed in as the given user.</summary>
internal sealed class KylinTestServer : IAsyncDisposable
{
    private KylinTestServer(KylinEmulator emulator, KylinClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public KylinEmulator Emulator { get; }

    public KylinClient Client { get; }

    public IUserGroupService Service => Client.AsUserGroupService();

    /// <summary>An emulator of <paramref name="flavor"/> and an administrator's client that detects it, or is told it when <paramref name="named"/>.</summary>
    public static Task<KylinTestServer> StartAsync(KylinEmulatorFlavor flavor, bool named, Action<KylinClientOptions>? configure = null) =>
        StartAsync(
            emulatorOptions: new KylinEmulatorOptions { Flavor = flavor },
            configure: options =>
            {
                options.Flavor = named ? KylinFlavorCases.Sdk[flavor] : KylinFlavor.Auto;
                configure?.Invoke(options);
            });

    public static async Task<KylinTestServer> StartAsync(
        string username = KylinEmulator.AdminUsername,
        string password = KylinEmulator.AdminPassword,
        KylinEmulatorOptions? emulatorOptions = null,
        Action<KylinClientOptions>? configure = null)
    {
        var emulator = await KylinEmulator.StartAsync(emulatorOptions);
        foreach (var name in new[] { "alice", "bob", "carol" })
        {
            emulator.AddUser(name, name + "-password");
        }

        return new KylinTestServer(emulator, Connect(emulator, username, password, configure));
    }

    public static KylinClient Connect(KylinEmulator emulator, string username, string password, Action<KylinClientOptions>? configure = null)
    {
        var options = new KylinClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = KylinCredentials.Basic(username, password),
            Project = "learn_kylin",
        };
        configure?.Invoke(options);
        return new KylinClient(options);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
