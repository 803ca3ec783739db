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
    /// <returns>
    /// The builder of the client's own HttpClient, for further handlers or primary-handler settings; the client sends
    /// through those handlers directly, so <c>ConfigureHttpClient</c> settings have no effect. Its name is the SDK's,
    /// not <paramref name="name"/>: an HttpClient the application registers under that name stays its own.
    /// </returns>
    /// <exception cref="InvalidOperationException">A user-group client of any dialect is already registered under
    /// <paramref name="name"/>; nothing is registered.</exception>
    public static IHttpClientBuilder AddMinAppClient(this IServiceCollection services, string name, Action<MinAppClientOptions> configure) =>
        Register(services, name, configure);

    /// <summary>
    /// Registers a MinApp client named <paramref name="name"/> with options read from <paramref name="configuration"/>:
    /// the <see cref="MinAppClientOptions"/> property names as keys, and a <c>Credentials</c> section whose <c>Type</c> is
    /// <c>ClientCredentials</c> (<c>ClientId</c>, <c>ClientSecret</c>) or <c>AccessToken</c> (<c>Token</c>).
    /// </summary>
    /// <returns>
    /// The builder of the client's own HttpClient, for further handlers or primary-handler settings; the client sends
    /// through those handlers directly, so <c>ConfigureHttpClient</c> settings have no effect. Its name is the SDK's,
    /// not <paramref name="name"/>: an HttpClient the application registers under that name stays its own.
    /// </returns>
    /// <exception cref="InvalidOperationException">A user-group client of any dialect is already registered under
    /// <paramref name="name"/>; nothing is registered.</exception>
    public static IHttpClientBuilder AddMinAppClient(this IServiceCollection services, string name, IConfiguration configuration, Action<MinAppClientOptions>? configure = null)
    {
        var configureFromConfiguration = ClientRegistration.FromConfiguration<MinAppClientOptions>(name, configuration, static (options, configuration, reader) =>
        {
            reader.Bind(options, binding => binding.Bind(options));
            options.Credentials = reader.Credentials<MinAppCredentials>(
                nameof(options.Credentials),
                ("ClientCredentials", value => MinAppCredentials.ClientCredentials(value.Required("ClientId"), value.Required("ClientSecret"))),
                ("AccessToken", value => MinAppCredentials.AccessToken(value.Required("Token")))) ?? options.Credentials;
        }, configure);
        return Register(services, name, configureFromConfiguration);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name, Action<MinAppClientOptions> configure) =>
        ClientRegistration.Add<MinAppClientOptions, MinAppClient>(
            services,
            name,
            configure,
            MinAppDialect.Instance,
            (options, connections) => new MinAppClient(options, connections),
            client => client.AsUserGroupService());
}
