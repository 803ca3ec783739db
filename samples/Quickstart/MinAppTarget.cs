using System.Globalization;
using UserGroupClient;
using UserGroupClient.MinApp;
using UserGroupClient.Testing.MinApp;

namespace Quickstart;

/// <summary>A MinApp (知晓云) server to tour: the embedded emulator, seeded with user profiles, or a real server.</summary>
internal static class MinAppTarget
{
    public static readonly Dialect Dialect = new(
        "minapp",
        "minapp-url",
        """
          MinApp (知晓云):
            --minapp-url URL                     e.g. https://cloud.minapp.com; then one kind of credentials:
            --minapp-client-id ID --minapp-client-secret S      OAuth client credentials
            --minapp-token T                     access token
            --minapp-env ID                      X-Hydrogen-Env-ID test environment (default: production)
            --minapp-members ID,ID               user_ids to add (member steps are skipped without them)
        """,
        CreateAsync);

    private static readonly string[] EmulatedUsers = ["Alice", "Bob", "Carol"];

    private static async Task<TourTarget> CreateAsync(QuickstartSettings settings, CancellationToken cancellationToken)
    {
        if (settings.GetUrl("minapp-url") is { } url)
        {
            var client = new MinAppClient(new MinAppClientOptions
            {
                BaseAddress = url,
                Credentials = RealCredentials(settings),
                EnvironmentId = settings.Get("minapp-env"),
            });
            return new TourTarget($"MinApp at {url}", client.AsUserGroupService(), settings.GetList("minapp-members"), client, null);
        }

        var emulator = await MinAppEmulator.StartAsync(cancellationToken: cancellationToken);
        var members = EmulatedUsers.Select(name => emulator.AddUser(name).UserId.ToString(CultureInfo.InvariantCulture)).ToList();
        var emulated = new MinAppClient(new MinAppClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            Credentials = MinAppCredentials.ClientCredentials(emulator.ClientId, emulator.ClientSecret),
        });
        return new TourTarget($"MinApp emulator at {emulator.BaseAddress} (OAuth client credentials)", emulated.AsUserGroupService(), members, emulated, emulator);
    }

    private static MinAppCredentials RealCredentials(QuickstartSettings settings)
    {
        if (settings.Get("minapp-client-id") is { } clientId && settings.Get("minapp-client-secret") is { } secret)
        {
            return MinAppCredentials.ClientCredentials(clientId, secret);
        }

        if (settings.Get("minapp-token") is { } token)
        {
            return MinAppCredentials.AccessToken(token);
        }

        throw new ArgumentException("--minapp-url was given without credentials: see --help.");
    }
}
