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
    /// <returns>The builder of the client's named HttpClient.</returns>
    public static IHttpClientBuilder AddKylinClient(this IServiceCollection services, string name, Action<KylinClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(name, configure);
        return Register(services, name);
    }

    /// <summary>
    /// Registers a Kylin client named <paramref name="name"/> with options read from <paramref name="configuration"/>:
    /// the <see cref="KylinClientOptions"/> property names as keys, and a <c>Credentials</c> section whose <c>Type</c> is
    /// <c>Basic</c> (<c>UserName</c>, <c>Password</c>).
    /// </summary>
    /// <returns>The builder of the client's named HttpClient.</returns>
    public static IHttpClientBuilder AddKylinClient(this IServiceCollection services, string name, IConfiguration configuration, Action<KylinClientOptions>? configure = null)
    {
        ClientRegistration.Configure<KylinClientOptions>(services, name, configuration, static (options, reader) =>
        {
            options.Project = reader.String(nameof(options.Project)) ?? options.Project;
            options.Credentials = reader.Credentials<KylinCredentials>(
                nameof(options.Credentials),
                ("Basic", value => KylinCredentials.Basic(value("UserName"), value("Password")))) ?? options.Credentials;
        }, configure);
        return Register(services, name);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name) =>
        ClientRegistration.Add<KylinClientOptions, KylinClient>(
            services,
            name,
            KylinErrorMapper.Instance,
            (options, _) => options.CreateAuthenticationHandlers(),
            (options, connections) => new KylinClient(options, connections),
            client => client.AsUserGroupService(),
            options => options.ApiBaseAddress);
}
