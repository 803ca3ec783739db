using UserGroupClient;
using UserGroupClient.Kylin;
using UserGroupClient.Testing.Kylin;

namespace Quickstart;

/// <summary>A Kylin of any flavor to tour: the embedded emulator of the chosen flavor, seeded with users, or a real server.</summary>
internal static class KylinTarget
{
    public static readonly Dialect Dialect = new(
        "kylin",
        "kylin-url",
        """
          Kylin (KAP / KE 3.x, Apache Kylin 3.x/4.x, Kylin 5, KE 4.x):
            --kylin-url URL                      e.g. http://kylin.example.com:7070 (/kylin/api is added)
            --kylin-user U --kylin-password P    HTTP Basic (a global admin: ADMIN by default)
            --kylin-flavor NAME                  auto (default: detected), kap3, apache3, apache4,
                                                 kyligenceenterprise4 or kylin5; without --kylin-url, the
                                                 emulator plays that flavor (kap3 for auto)
            --kylin-project NAME                 project sent when listing groups on KAP and Apache Kylin
            --kylin-members NAME,NAME            usernames to add (member steps are skipped without them)
        """,
        CreateAsync);

    private static readonly string[] EmulatedUsers = ["alice", "bob", "carol"];

    private static async Task<TourTarget> CreateAsync(QuickstartSettings settings, CancellationToken cancellationToken)
    {
        var flavor = Flavor(settings.Get("kylin-flavor"));
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
                Flavor = flavor,
            });
            return new TourTarget($"Kylin at {url} ({await DescribeAsync(client, flavor, cancellationToken)})", client.AsUserGroupService(), settings.GetList("kylin-members"), client, null);
        }

        var emulator = await KylinEmulator.StartAsync(new KylinEmulatorOptions { Flavor = EmulatorFlavor(flavor) }, cancellationToken);
        foreach (var name in EmulatedUsers)
        {
            emulator.AddUser(name, name + "-password");
        }

        var emulated = new KylinClient(new KylinClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = KylinCredentials.Basic(KylinEmulator.AdminUsername, KylinEmulator.AdminPassword),
            Flavor = flavor,
        });
        var description = await DescribeAsync(emulated, flavor, cancellationToken);
        return new TourTarget($"Kylin emulator ({emulator.Flavor}) at {emulator.BaseAddress}, HTTP Basic, {description}", emulated.AsUserGroupService(), EmulatedUsers, emulated, emulator);
    }

    private static KylinFlavor Flavor(string? text) =>
        text is null ? KylinFlavor.Auto
        : Enum.TryParse<KylinFlavor>(text, ignoreCase: true, out var flavor) && Enum.IsDefined(flavor) ? flavor
        : throw new ArgumentException($"--kylin-flavor '{text}' is not one of auto, {string.Join(", ", Enum.GetNames<KylinFlavor>().Skip(1).Select(n => n.ToLowerInvariant()))}.");

    private static KylinEmulatorFlavor EmulatorFlavor(KylinFlavor flavor) => flavor switch
    {
        KylinFlavor.Apache3 => KylinEmulatorFlavor.Apache3,
        KylinFlavor.Apache4 => KylinEmulatorFlavor.Apache4,
        KylinFlavor.KyligenceEnterprise4 => KylinEmulatorFlavor.KyligenceEnterprise4,
        KylinFlavor.Kylin5 => KylinEmulatorFlavor.Kylin5,
        _ => KylinEmulatorFlavor.Kap3,
    };

    // With auto the client asks the server once (the probe the tour's first call would send anyway) and says what it found.
    private static async Task<string> DescribeAsync(KylinClient client, KylinFlavor flavor, CancellationToken cancellationToken) =>
        flavor == KylinFlavor.Auto
            ? $"flavor detected: {await client.DetectFlavorAsync(cancellationToken)}"
            : $"flavor set: {flavor}";
}
