using UserGroupClient;
using UserGroupClient.JumpServer;
using UserGroupClient.Testing.JumpServer;

namespace Quickstart;

/// <summary>A JumpServer to tour: the embedded emulator, seeded with users and an Access Key, or a real server.</summary>
internal static class JumpServerTarget
{
    public static readonly Dialect Dialect = new(
        "jumpserver",
        "jumpserver-url",
        """
          JumpServer:
            --jumpserver-url URL                 e.g. https://jms.example.com; then one kind of credentials:
            --jumpserver-key-id ID --jumpserver-secret S        Access Key (HTTP signature)
            --jumpserver-token T                 Bearer token
            --jumpserver-private-token T         private token
            --jumpserver-user U --jumpserver-password P         login
            --jumpserver-org ID                  organization id (default: DEFAULT)
            --jumpserver-members ID,ID           user ids to add (member steps are skipped without them)
        """,
        CreateAsync);

    private static readonly string[] EmulatedUsers = ["alice", "bob", "carol"];

    private static async Task<TourTarget> CreateAsync(QuickstartSettings settings, CancellationToken cancellationToken)
    {
        if (settings.GetUrl("jumpserver-url") is { } url)
        {
            var client = new JumpServerClient(new JumpServerClientOptions
            {
                BaseAddress = url,
                Credentials = RealCredentials(settings),
                OrganizationId = settings.Get("jumpserver-org"),
            });
            return new TourTarget($"JumpServer at {url}", client.AsUserGroupService(), settings.GetList("jumpserver-members"), client, null);
        }

        var emulator = await JumpServerEmulator.StartAsync(cancellationToken: cancellationToken);
        var members = EmulatedUsers.Select(name => emulator.AddUser(name, char.ToUpperInvariant(name[0]) + name[1..]).Id).ToList();
        var key = emulator.AddAccessKey(JumpServerEmulator.AdminUsername);
        var emulated = new JumpServerClient(new JumpServerClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = JumpServerCredentials.AccessKey(key.Id, key.Secret),
        });
        return new TourTarget($"JumpServer emulator at {emulator.BaseAddress} (Access Key signatures)", emulated.AsUserGroupService(), members, emulated, emulator);
    }

    private static JumpServerCredentials RealCredentials(QuickstartSettings settings)
    {
        if (settings.Get("jumpserver-key-id") is { } keyId && settings.Get("jumpserver-secret") is { } secret)
        {
            return JumpServerCredentials.AccessKey(keyId, secret);
        }

        if (settings.Get("jumpserver-token") is { } token)
        {
            return JumpServerCredentials.Bearer(token);
        }

        if (settings.Get("jumpserver-private-token") is { } privateToken)
        {
            return JumpServerCredentials.PrivateToken(privateToken);
        }

        if (settings.Get("jumpserver-user") is { } user && settings.Get("jumpserver-password") is { } password)
        {
            return JumpServerCredentials.Password(user, password);
        }

        throw new ArgumentException("--jumpserver-url was given without credentials: see --help.");
    }
}
