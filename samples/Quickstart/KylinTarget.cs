using UserGroupClient;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace Quickstart;

/// <summary>A Kylin (KAP/KE v2) to tour: the embedded emulator, seeded with users, or a real server.</summary>
internal sealed class KylinTarget : ITourTarget
{
    public static readonly Dialect Dialect = new(
        "kylin",
        "kylin-url",
        """
          Kylin (KAP / KE 3.x, v2 user_group API):
            --kylin-url URL                      e.g. http://kylin.example.com:7070 (/kylin/api is added)
            --kylin-user U --kylin-password P    HTTP Basic (a global admin: ADMIN by default)
            --kylin-project NAME                 project sent when listing groups (default: empty)
            --kylin-members NAME,NAME            usernames to add (member steps are skipped without them)
        """,
        CreateAsync);

    private static readonly string[] EmulatedUsers = ["alice", "bob", "carol"];

    private readonly KylinClient _client;
    private readonly KylinEmulator? _emulator;

    private KylinTarget(KylinClient client, KylinEmulator? emulator, IReadOnlyList<string> memberIds, string description)
    {
        _client = client;
        _emulator = emulator;
        MemberIds = memberIds;
        Description = description;
    }

    public IUserGroupService Service => _client.AsUserGroupService();

    public IReadOnlyList<string> MemberIds { get; }

    public string Description { get; }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private static async Task<ITourTarget> CreateAsync(QuickstartSettings settings, CancellationToken cancellationToken)
    {
        if (settings.GetUrl("kylin-url") is { } url)
        {
            if (settings.Get("kylin-user") is not { } user || settings.Get("kylin-password") is not { } password)
            {
                throw new ArgumentException("--kylin-url was given without --kylin-user and --kylin-password: see --help.");
            }

            var client = new KylinClient(new KylinClientOptions
            {
                BaseAddress = url,
                Credentials = KylinCredentials.Basic(user, password),
                Project = settings.Get("kylin-project"),
            });
            return new KylinTarget(client, null, settings.GetList("kylin-members"), $"Kylin at {url}");
        }

        var emulator = await KylinEmulator.StartAsync(cancellationToken: cancellationToken);
        foreach (var name in EmulatedUsers)
        {
            emulator.AddUser(name, name + "-password");
        }

        var emulated = new KylinClient(new KylinClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword),
        });
        return new KylinTarget(emulated, emulator, EmulatedUsers, $"Kylin emulator at {emulator.BaseAddress} (HTTP Basic)");
    }
}
