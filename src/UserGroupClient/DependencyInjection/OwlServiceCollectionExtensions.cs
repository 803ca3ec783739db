using Microsoft.Extensions.Configuration;
using UserGroupClient;
using UserGroupClient.Owl;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers named <see cref="OwlClient"/>s over <see cref="IHttpClientFactory"/>.</summary>
public static class OwlServiceCollectionExtensions
{
    /// <summary>
    /// The service key of a named Owl client's host-group <see cref="IUserGroupService"/>; the client's own name keys its
    /// user-group service.
    /// </summary>
    public static string HostGroupServiceKey(string name) => name + ":host-groups";

    /// <summary>
    /// Registers an Owl client named <paramref name="name"/>: resolve it as a keyed <see cref="OwlClient"/>, its user groups
    /// as a keyed <see cref="IUserGroupService"/> under <paramref name="name"/> and its host groups under
    /// <see cref="HostGroupServiceKey"/>. Its options are validated when the host starts.
    /// </summary>
    /// <returns>
    /// The builder of the client's own HttpClient, for further handlers or primary-handler settings; the client sends
    /// through those handlers directly, so <c>ConfigureHttpClient</c> settings have no effect. Its name is the SDK's,
    /// not <paramref name="name"/>: an HttpClient the application registers under that name stays its own.
    /// </returns>
    /// <exception cref="InvalidOperationException">A user-group client of any dialect already uses <paramref name="name"/>, or its
    /// <see cref="HostGroupServiceKey"/>, as its name or host-group key; nothing is registered.</exception>
    public static IHttpClientBuilder AddOwlClient(this IServiceCollection services, string name, Action<OwlClientOptions> configure) =>
        Register(services, name, configure);

    /// <summary>
    /// Registers an Owl client named <paramref name="name"/> with options read from <paramref name="configuration"/>:
    /// the <see cref="OwlClientOptions"/> property names as keys, and a <c>Credentials</c> section whose <c>Type</c> is
    /// <c>Password</c> (<c>UserName</c>, <c>Password</c>) or <c>Token</c> (<c>Token</c>, a JWT).
    /// </summary>
    /// <returns>
    /// The builder of the client's own HttpClient, for further handlers or primary-handler settings; the client sends
    /// through those handlers directly, so <c>ConfigureHttpClient</c> settings have no effect. Its name is the SDK's,
    /// not <paramref name="name"/>: an HttpClient the application registers under that name stays its own.
    /// </returns>
    /// <exception cref="InvalidOperationException">A user-group client of any dialect already uses <paramref name="name"/>, or its
    /// <see cref="HostGroupServiceKey"/>, as its name or host-group key; nothing is registered.</exception>
    public static IHttpClientBuilder AddOwlClient(this IServiceCollection services, string name, IConfiguration configuration, Action<OwlClientOptions>? configure = null)
    {
        var configureFromConfiguration = ClientRegistration.FromConfiguration<OwlClientOptions>(name, configuration, static (options, configuration, reader) =>
        {
            reader.Bind(options, binding => binding.Bind(options));
            options.Credentials = reader.Credentials<OwlCredentials>(
                nameof(options.Credentials),
                ("Password", value => OwlCredentials.Password(value.Required("UserName"), value.Required("Password"))),
                ("Token", value => OwlCredentials.Token(value.Required("Token")))) ?? options.Credentials;
        }, configure);
        return Register(services, name, configureFromConfiguration);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name, Action<OwlClientOptions> configure)
    {
        var builder = ClientRegistration.Add<OwlClientOptions, OwlClient>(
            services,
            name,
            configure,
            OwlDialect.Instance,
            (options, connections) => new OwlClient(options, connections),
            client => client.AsUserGroupService(),
            otherKeys: (HostGroupServiceKey(name), "host-group key"));
        services.AddKeyedSingleton(HostGroupServiceKey(name), (provider, _) => provider.GetRequiredKeyedService<OwlClient>(name).AsHostGroupService());
        return builder;
    }
}
