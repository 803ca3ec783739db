using UserGroupClient;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Owl;

namespace Quickstart;

/// <summary>Owl host groups to tour: the embedded emulator, seeded with hosts and logged in as admin, or a real server.</summary>
internal static class OwlTarget
{
    public static readonly Dialect Dialect = new(
        "owl",
        "owl-url",
        """
          Owl (host groups):
            --owl-url URL                        e.g. http://owl.example.com:10060; then one kind of credentials:
            --owl-user U --owl-password P        login (the JWT is renewed through refresh_token)
            --owl-token JWT                      a token from POST /api/v1/login
            --owl-members ID,ID                  host ids to add (member steps are skipped without them)
        """,
        CreateAsync);

    private static readonly (string Hostname, string Ip)[] EmulatedHosts = [("web-1", "10.0.0.11"), ("web-2", "10.0.0.12"), ("db-1", "10.0.0.21")];

    private static async Task<TourTarget> CreateAsync(QuickstartSettings settings, CancellationToken cancellationToken)
    {
        if (settings.GetUrl("owl-url") is { } url)
        {
            var client = new OwlClient(new OwlClientOptions { BaseAddress = url, Credentials = RealCredentials(settings) });
            return new TourTarget($"Owl host groups at {url}", client.AsHostGroupService(), settings.GetList("owl-members"), client, null);
        }

        var emulator = await OwlEmulator.StartAsync(cancellationToken: cancellationToken);
        var members = EmulatedHosts.Select(host => emulator.AddHost(host.Hostname, host.Ip).Id).ToList();
        var emulated = new OwlClient(new OwlClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword),
        });
        return new TourTarget($"Owl emulator at {emulator.BaseAddress} (host groups, JWT login)", emulated.AsHostGroupService(), members, emulated, emulator);
    }

    private static OwlCredentials RealCredentials(QuickstartSettings settings)
    {
        if (settings.Get("owl-user") is { } user && settings.Get("owl-password") is { } password)
        {
            return OwlCredentials.Password(user, password);
        }

        if (settings.Get("owl-token") is { } token)
        {
            return OwlCredentials.Token(token);
        }

        throw new ArgumentException("--owl-url was given without credentials: see --help.");
    }
}
