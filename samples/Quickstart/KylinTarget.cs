using UserGroupClient;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace Quickstart;

/// <summary>A Kylin (KAP/KE v2) to tour: the embedded emulator, seeded with users, or a real server.</summary>
internal static class KylinTarget
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

    private static async Task<TourTarget> CreateAsync(QuickstartSettings settings, CancellationToken cancellationToken)
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
            return new TourTarget($"Kylin at {url}", client.AsUserGroupService(), settings.GetList("kylin-members"), client, null);
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
        return new TourTarget($"Kylin emulator at {emulator.BaseAddress} (HTTP Basic)", emulated.AsUserGroupService(), EmulatedUsers, emulated, emulator);
    }
}
