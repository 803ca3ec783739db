using Microsoft.Extensions.Configuration;
using UserGroupClient.JumpServer;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers named <see cref="JumpServerClient"/>s over <see cref="IHttpClientFactory"/>.</summary>
public static class JumpServerServiceCollectionExtensions
{
    /// <summary>
    /// Registers a JumpServer client named <paramref name="name"/>: resolve it as a keyed <see cref="JumpServerClient"/> or a
    /// keyed <see cref="UserGroupClient.IUserGroupService"/>. Its options are validated when the host starts.
    /// </summary>
    /// <returns>The builder of the client's named HttpClient, for further handlers or primary-handler settings.</returns>
    public static IHttpClientBuilder AddJumpServerClient(this IServiceCollection services, string name, Action<JumpServerClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(name, configure);
        return Register(services, name);
    }

    /// <summary>
    /// Registers a JumpServer client named <paramref name="name"/> with options read from <paramref name="configuration"/>:
    /// the <see cref="JumpServerClientOptions"/> property names as keys (<c>Resilience</c> as a section), and a
    /// <c>Credentials</c> section whose <c>Type</c> is <c>AccessKey</c> (<c>KeyId</c>, <c>Secret</c>), <c>Bearer</c> or
    /// <c>PrivateToken</c> (<c>Token</c>), or <c>Password</c> (<c>UserName</c>, <c>Password</c>).
    /// <paramref name="configure"/>, when given, runs after the reading.
    /// </summary>
    /// <returns>The builder of the client's named HttpClient.</returns>
    public static IHttpClientBuilder AddJumpServerClient(this IServiceCollection services, string name, IConfiguration configuration, Action<JumpServerClientOptions>? configure = null)
    {
        ClientRegistration.Configure<JumpServerClientOptions>(services, name, configuration, static (options, reader) =>
        {
            options.OrganizationId = reader.String(nameof(options.OrganizationId)) ?? options.OrganizationId;
            options.MaxPageSize = reader.Int(nameof(options.MaxPageSize)) ?? options.MaxPageSize;
            options.AllowAccessKeyOverPlainHttp = reader.Bool(nameof(options.AllowAccessKeyOverPlainHttp)) ?? options.AllowAccessKeyOverPlainHttp;
            options.Credentials = reader.Credentials<JumpServerCredentials>(
                nameof(options.Credentials),
                ("AccessKey", value => JumpServerCredentials.AccessKey(value("KeyId"), value("Secret"))),
                ("Bearer", value => JumpServerCredentials.Bearer(value("Token"))),
                ("PrivateToken", value => JumpServerCredentials.PrivateToken(value("Token"))),
                ("Password", value => JumpServerCredentials.Password(value("UserName"), value("Password")))) ?? options.Credentials;
        }, configure);
        return Register(services, name);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name) =>
        ClientRegistration.Add<JumpServerClientOptions, JumpServerClient>(
            services,
            name,
            JumpServerErrorMapper.Instance,
            (options, unauthenticated) => options.CreateAuthenticationHandlers(unauthenticated),
            (options, connections) => new JumpServerClient(options, connections),
            client => client.AsUserGroupService());
}
