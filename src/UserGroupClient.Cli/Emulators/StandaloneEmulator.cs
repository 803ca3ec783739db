using System.Text.Json.Nodes;
using UserGroupClient.Testing.JumpServer;
using UserGroupClient.Testing.Kylin;
using UserGroupClient.Testing.MinApp;
using UserGroupClient.Testing.Owl;

namespace UserGroupClient.Cli.Emulators;

/// <summary>
/// One of the Testing package's emulators running on its own, for <c>ugc emulator</c>: where it listens and the backend
/// entry (dialect, address, credentials that log in) that points the tool or the SDK at it.
/// </summary>
internal sealed class StandaloneEmulator : IAsyncDisposable
{
    private readonly IAsyncDisposable _server;

    private StandaloneEmulator(IAsyncDisposable server, Uri address, JsonObject entry)
    {
        _server = server;
        Address = address;
        Entry = entry;
    }

    public Uri Address { get; }

    /// <summary>The backend's entry for the <c>Backends</c> section, in the shape docs/cli.md describes.</summary>
    public JsonObject Entry { get; }

    /// <summary>The name the printed configuration gives the backend: its dialect, in lower case.</summary>
    public string BackendName => ((string)Entry["Dialect"]!).ToLowerInvariant();

    /// <summary>
    /// Starts the emulator of <paramref name="dialect"/> on 127.0.0.1 and <paramref name="port"/> (0: a free one); a Kylin
    /// emulator plays <paramref name="kylinFlavor"/>, and the entry names the same flavor, so the client sends no probe.
    /// </summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<StandaloneEmulator> StartAsync(UserGroupBackendDialect dialect, int port, KylinEmulatorFlavor kylinFlavor, CancellationToken cancellationToken)
    {
        switch (dialect)
        {
            case UserGroupBackendDialect.JumpServer:
                var jms = await JumpServerEmulator.StartAsync(new JumpServerEmulatorOptions { Port = port }, cancellationToken);
                var key = jms.AddAccessKey(JumpServerEmulator.AdminUsername);
                return new StandaloneEmulator(jms, jms.BaseAddress, NewEntry(dialect, jms.BaseAddress, new JsonObject
                {
                    ["Type"] = "AccessKey",
                    ["KeyId"] = key.Id,
                    ["Secret"] = key.Secret,
                }));
            case UserGroupBackendDialect.MinApp:
                var minapp = await MinAppEmulator.StartAsync(new MinAppEmulatorOptions { Port = port }, cancellationToken);
                return new StandaloneEmulator(minapp, minapp.BaseAddress, NewEntry(dialect, minapp.BaseAddress, new JsonObject
                {
                    ["Type"] = "ClientCredentials",
                    ["ClientId"] = minapp.ClientId,
                    ["ClientSecret"] = minapp.ClientSecret,
                }));
            case UserGroupBackendDialect.Kylin:
                var kylin = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Port = port, Flavor = kylinFlavor }, cancellationToken);
                var entry = NewEntry(dialect, kylin.BaseAddress, new JsonObject
                {
                    ["Type"] = "Basic",
                    ["UserName"] = KylinEmulator.AdminUsername,
                    ["Password"] = KylinEmulator.AdminPassword,
                });
                entry["Flavor"] = kylinFlavor.ToString();
                if (kylinFlavor is KylinEmulatorFlavor.Kap3 or KylinEmulatorFlavor.Apache3 or KylinEmulatorFlavor.Apache4)
                {
                    // Only KAP and Apache Kylin list groups per project.
                    entry["Project"] = "learn_kylin";
                }

                return new StandaloneEmulator(kylin, kylin.BaseAddress, entry);
            default:
                var owl = await OwlEmulator.StartAsync(new OwlEmulatorOptions { Port = port }, cancellationToken);
                return new StandaloneEmulator(owl, owl.BaseAddress, NewEntry(dialect, owl.BaseAddress, new JsonObject
                {
                    ["Type"] = "Password",
                    ["UserName"] = OwlEmulator.AdminUsername,
                    ["Password"] = OwlEmulator.AdminPassword,
                }));
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static JsonObject NewEntry(UserGroupBackendDialect dialect, Uri address, JsonObject credentials) => new()
    {
        ["Dialect"] = dialect.ToString(),
        ["BaseAddress"] = address.ToString(),
        ["Credentials"] = credentials,
    };
}
