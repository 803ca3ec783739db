using Microsoft.Extensions.Configuration;
using UserGroupClient.Kylin;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers named <see cref="KylinClient"/>s over <see cref="IHttpClientFactory"/>.</summary>
public static class KylinServiceCollectionExtensions
{
    /// <summary>
    /// Registers a Kylin client named <paramref name="name"/>: resolve it as a keyed <see cref="KylinClient"/> or a keyed
    /// <see cref="UserGroupClient.IUserGroupService"/>. Its options are validated when the host starts.
    /// </summary>
    /// <returns>
    /// The builder of the client's own HttpClient, for further handlers or primary-handler settings; the client sends
    /// through those handlers directly, so <c>ConfigureHttpClient</c> settings have no effect. Its name is the SDK's,
    /// not <paramref name="name"/>: an HttpClient the application registers under that name stays its own.
    /// </returns>
    /// <exception cref="InvalidOperationException">A user-group client of any dialect is already registered under
    /// <paramref name="name"/>; nothing is registered.</exception>
    public static IHttpClientBuilder AddKylinClient(this IServiceCollection services, string name, Action<KylinClientOptions> configure) =>
        Register(services, name, configure);

    /// <summary>
    /// Registers a Kylin client named <paramref name="name"/> with options read from <paramref name="configuration"/>:
    /// the <see cref="KylinClientOptions"/> property names as keys, and a <c>Credentials</c> section whose <c>Type</c> is
    /// <c>Basic</c> (<c>UserName</c>, <c>Password</c>).
    /// </summary>
    /// <returns>
    /// The builder of the client's own HttpClient, for further handlers or primary-handler settings; the client sends
    /// through those handlers directly, so <c>ConfigureHttpClient</c> settings have no effect. Its name is the SDK's,
    /// not <paramref name="name"/>: an HttpClient the application registers under that name stays its own.
    /// </returns>
    /// <exception cref="InvalidOperationException">A user-group client of any dialect is already registered under
    /// <paramref name="name"/>; nothing is registered.</exception>
    public static IHttpClientBuilder AddKylinClient(this IServiceCollection services, string name, IConfiguration configuration, Action<KylinClientOptions>? configure = null)
    {
        var configureFromConfiguration = ClientRegistration.FromConfiguration<KylinClientOptions>(name, configuration, static (options, configuration, reader) =>
        {
            reader.Bind(options, binding => binding.Bind(options));
            options.Credentials = reader.Credentials<KylinCredentials>(
                nameof(options.Credentials),
                ("Basic", value => KylinCredentials.Basic(value.Required("UserName"), value.Required("Password")))) ?? options.Credentials;
        }, configure);
        return Register(services, name, configureFromConfiguration);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name, Action<KylinClientOptions> configure) =>
        ClientRegistration.Add<KylinClientOptions, KylinClient>(
            services,
            name,
            configure,
            KylinDialect.Instance,
            (options, connections) => new KylinClient(options, connections),
            client => client.AsUserGroupService());
}
