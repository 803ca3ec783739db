using UserGroupClient;
using UserGroupClient.Owl;
using UserGroupClient.Testing.Owl;

namespace Quickstart;

/// <summary>Owl host groups to tour: the embedded emulator, seeded with hosts and logged in as admin, or a real server.</summary>
internal sealed class OwlTarget : ITourTarget
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

    private readonly OwlClient _client;
    private readonly OwlEmulator? _emulator;

    private OwlTarget(OwlClient client, OwlEmulator? emulator, IReadOnlyList<string> memberIds, string description)
    {
        _client = client;
        _emulator = emulator;
        MemberIds = memberIds;
        Description = description;
    }

    public IUserGroupService Service => _client.AsHostGroupService();

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
        if (settings.GetUrl("owl-url") is { } url)
        {
            var client = new OwlClient(new OwlClientOptions { BaseAddress = url, Credentials = RealCredentials(settings) });
            return new OwlTarget(client, null, settings.GetList("owl-members"), $"Owl host groups at {url}");
        }

        var emulator = await OwlEmulator.StartAsync(cancellationToken: cancellationToken);
        var members = EmulatedHosts.Select(host => emulator.AddHost(host.Hostname, host.Ip).Id).ToList();
        var emulated = new OwlClient(new OwlClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = OwlCredentials.Password(OwlEmulator.AdminUsername, OwlEmulator.AdminPassword),
        });
        return new OwlTarget(emulated, emulator, members, $"Owl emulator at {emulator.BaseAddress} (host groups, JWT login)");
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
