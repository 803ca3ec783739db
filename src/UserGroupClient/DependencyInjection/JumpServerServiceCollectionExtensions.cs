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
    /// <returns>
    /// The builder of the client's own HttpClient, for further handlers or primary-handler settings; the client sends
    /// through those handlers directly, so <c>ConfigureHttpClient</c> settings have no effect. Its name is the SDK's,
    /// not <paramref name="name"/>: an HttpClient the application registers under that name stays its own.
    /// </returns>
    /// <exception cref="InvalidOperationException">A user-group client of any dialect is already registered under
    /// <paramref name="name"/>; nothing is registered.</exception>
    public static IHttpClientBuilder AddJumpServerClient(this IServiceCollection services, string name, Action<JumpServerClientOptions> configure) =>
        Register(services, name, configure);

    /// <summary>
    /// Registers a JumpServer client named <paramref name="name"/> with options read from <paramref name="configuration"/>:
    /// the <see cref="JumpServerClientOptions"/> property names as keys (<c>Resilience</c> as a section), and a
    /// <c>Credentials</c> section whose <c>Type</c> is <c>AccessKey</c> (<c>KeyId</c>, <c>Secret</c>), <c>Signature</c>
    /// (<c>KeyId</c>, <c>Algorithm</c>, default and only one JumpServer verifies <c>hmac-sha256</c>, and the key as
    /// <c>PrivateKeyBase64</c>: the secret's bytes in Base64), <c>Bearer</c> or <c>PrivateToken</c> (<c>Token</c>), or
    /// <c>Password</c> (<c>UserName</c>, <c>Password</c>). Values may come from any configuration source, the
    /// environment included (<c>Backends__ops__Credentials__PrivateKeyBase64</c>); one that is missing or does not
    /// convert fails naming its key, never quoting the value.
    /// <paramref name="configure"/>, when given, runs after the reading.
    /// </summary>
    /// <returns>
    /// The builder of the client's own HttpClient, for further handlers or primary-handler settings; the client sends
    /// through those handlers directly, so <c>ConfigureHttpClient</c> settings have no effect. Its name is the SDK's,
    /// not <paramref name="name"/>: an HttpClient the application registers under that name stays its own.
    /// </returns>
    /// <exception cref="InvalidOperationException">A user-group client of any dialect is already registered under
    /// <paramref name="name"/>; nothing is registered.</exception>
    public static IHttpClientBuilder AddJumpServerClient(this IServiceCollection services, string name, IConfiguration configuration, Action<JumpServerClientOptions>? configure = null)
    {
        var configureFromConfiguration = ClientRegistration.FromConfiguration<JumpServerClientOptions>(name, configuration, static (options, configuration, reader) =>
        {
            reader.Bind(options, binding => binding.Bind(options));
            options.Credentials = reader.Credentials<JumpServerCredentials>(
                nameof(options.Credentials),
                ("AccessKey", value => JumpServerCredentials.AccessKey(value.Required("KeyId"), value.Required("Secret"))),
                ("Signature", SignatureCredentials),
                ("Bearer", value => JumpServerCredentials.Bearer(value.Required("Token"))),
                ("PrivateToken", value => JumpServerCredentials.PrivateToken(value.Required("Token"))),
                ("Password", value => JumpServerCredentials.Password(value.Required("UserName"), value.Required("Password")))) ?? options.Credentials;
        }, configure);
        return Register(services, name, configureFromConfiguration);
    }

    // An Access Key whose secret is given as a signing key: the Base64 form keeps a secret with any bytes out of plain
    // text, and the same section shape serves every signing key the SDK reads.
    private static JumpServerCredentials SignatureCredentials(CredentialsSection section)
    {
        var keyId = section.Required("KeyId");
        var secrets = new List<string>();
        var signer = section.Signer(secrets);
        return section.Create<JumpServerCredentials>(() => new JumpServerAccessKeyCredentials(nameof(JumpServerCredentials.Signature), keyId, signer, secrets, null));
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name, Action<JumpServerClientOptions> configure) =>
        ClientRegistration.Add<JumpServerClientOptions, JumpServerClient>(
            services,
            name,
            configure,
            JumpServerDialect.Instance,
            (options, connections) => new JumpServerClient(options, connections),
            client => client.AsUserGroupService());
}
