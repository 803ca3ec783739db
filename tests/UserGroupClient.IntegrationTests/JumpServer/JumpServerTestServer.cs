using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;

namespace UserGroupClient.IntegrationTests.JumpServer;

/// <summary>An emulator with three users, and a client for it authenticated the requested way.</summary>
internal sealed class JumpServerTestServer : IAsyncDisposable
{
    private static readonly string[] UserNames = ["alice", "bob", "carol"];

    private JumpServerTestServer(JumpServerEmulator emulator, JumpServerClient client, IReadOnlyList<string> userIds)
    {
        Emulator = emulator;
        Client = client;
        UserIds = userIds;
    }

    public JumpServerEmulator Emulator { get; }

    public JumpServerClient Client { get; }

    public IUserGroupService Service => Client.AsUserGroupService();

    public IReadOnlyList<string> UserIds { get; }

    public static async Task<JumpServerTestServer> StartAsync(
        JumpServerAuthentication authentication = JumpServerAuthentication.AccessKey,
        JumpServerEmulatorOptions? emulatorOptions = null,
        Action<JumpServerClientOptions>? configure = null)
    {
        var emulator = await JumpServerEmulator.StartAsync(emulatorOptions);
        var users = UserNames.Select(name => emulator.AddUser(name, char.ToUpperInvariant(name[0]) + name[1..]).Id).ToList();
        var options = new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = Credentials(emulator, authentication),
        };
        configure?.Invoke(options);
        return new JumpServerTestServer(emulator, new JumpServerClient(options), users);
    }

    public static JumpServerCredentials Credentials(JumpServerEmulator emulator, JumpServerAuthentication authentication)
    {
        switch (authentication)
        {
            case JumpServerAuthentication.AccessKey:
                var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
                return JumpServerCredentials.AccessKey(key.Id, key.Secret);
            case JumpServerAuthentication.Bearer:
                return JumpServerCredentials.Bearer(emulator.IssueBearerToken(JumpServerEmulator.AdminUsername));
            case JumpServerAuthentication.PrivateToken:
                return JumpServerCredentials.PrivateToken(emulator.AddPrivateToken(JumpServerEmulator.AdminUsername));
            default:
                return JumpServerCredentials.Password(JumpServerEmulator.AdminUsername, JumpServerEmulator.AdminPassword);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
