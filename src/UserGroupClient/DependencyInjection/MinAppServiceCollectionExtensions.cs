using Microsoft.Extensions.Configuration;
using UserGroupClient.MinApp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers named <see cref="MinAppClient"/>s over <see cref="IHttpClientFactory"/>.</summary>
public static class MinAppServiceCollectionExtensions
{
    /// <summary>
    /// Registers a MinApp client named <paramref name="name"/>: resolve it as a keyed <see cref="MinAppClient"/> or a
    /// keyed <see cref="UserGroupClient.IUserGroupService"/>. Its options are validated when the host starts; its OAuth
    /// token is shared by every call.
    /// </summary>
    /// <returns>The builder of the client's named HttpClient.</returns>
    public static IHttpClientBuilder AddMinAppClient(this IServiceCollection services, string name, Action<MinAppClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(name, configure);
        return Register(services, name);
    }

    /// <summary>
    /// Registers a MinApp client named <paramref name="name"/> with options read from <paramref name="configuration"/>:
    /// the <see cref="MinAppClientOptions"/> property names as keys, and a <c>Credentials</c> section whose <c>Type</c> is
    /// <c>ClientCredentials</c> (<c>ClientId</c>, <c>ClientSecret</c>) or <c>AccessToken</c> (<c>Token</c>).
    /// </summary>
    /// <returns>The builder of the client's named HttpClient.</returns>
    public static IHttpClientBuilder AddMinAppClient(this IServiceCollection services, string name, IConfiguration configuration, Action<MinAppClientOptions>? configure = null)
    {
        ClientRegistration.Configure<MinAppClientOptions>(services, name, configuration, static (options, reader) =>
        {
            options.EnvironmentId = reader.String(nameof(options.EnvironmentId)) ?? options.EnvironmentId;
            options.Credentials = reader.Credentials<MinAppCredentials>(
                nameof(options.Credentials),
                ("ClientCredentials", value => MinAppCredentials.ClientCredentials(value("ClientId"), value("ClientSecret"))),
                ("AccessToken", value => MinAppCredentials.AccessToken(value("Token")))) ?? options.Credentials;
        }, configure);
        return Register(services, name);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name) =>
        ClientRegistration.Add<MinAppClientOptions, MinAppClient>(
            services,
            name,
            MinAppErrorMapper.Instance,
            (options, unauthenticated) => options.CreateAuthenticationHandlers(unauthenticated),
            (options, connections) => new MinAppClient(options, connections),
            client => client.AsUserGroupService());
}
