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
    /// Registers a JumpServer client named <paramref name="name"/> with options read from <paramref name="configuration"/>
    /// (keys as the <see cref="JumpServerClientOptions"/> properties, plus a <c>Credentials</c> section: <c>Type</c> =
    /// <c>AccessKey</c> (<c>KeyId</c>, <c>Secret</c>), <c>Bearer</c> or <c>PrivateToken</c> (<c>Token</c>), or <c>Password</c>
    /// (<c>UserName</c>, <c>Password</c>)). <paramref name="configure"/>, when given, runs after the binding.
    /// </summary>
    /// <returns>The builder of the client's named HttpClient.</returns>
    public static IHttpClientBuilder AddJumpServerClient(this IServiceCollection services, string name, IConfiguration configuration, Action<JumpServerClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JumpServerClientOptions>(name).Configure(options =>
        {
            var settings = new ConfigurationReader(configuration, name);
            settings.ReadCommon(options);
            options.OrganizationId = settings.String(nameof(options.OrganizationId)) ?? options.OrganizationId;
            options.MaxPageSize = settings.Int(nameof(options.MaxPageSize)) ?? options.MaxPageSize;
            options.Credentials = ReadCredentials(configuration.GetSection(nameof(options.Credentials)), name) ?? options.Credentials;
            configure?.Invoke(options);
        });
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

    private static JumpServerCredentials? ReadCredentials(IConfigurationSection section, string name)
    {
        string Required(string key) => section[key] is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"User-group client '{name}': {section.Path}:{key} is required for credentials of type {section["Type"]}.");

        return section["Type"] switch
        {
            null or "" => null,
            "AccessKey" => JumpServerCredentials.AccessKey(Required("KeyId"), Required("Secret")),
            "Bearer" => JumpServerCredentials.Bearer(Required("Token")),
            "PrivateToken" => JumpServerCredentials.PrivateToken(Required("Token")),
            "Password" => JumpServerCredentials.Password(Required("UserName"), Required("Password")),
            var other => throw new ArgumentException($"User-group client '{name}': {section.Path}:Type '{other}' is not one of AccessKey, Bearer, PrivateToken, Password."),
        };
    }
}
