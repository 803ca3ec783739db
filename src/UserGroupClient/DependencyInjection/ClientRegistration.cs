using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UserGroupClient;
using UserGroupClient.Http;
using UserGroupClient.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What every <c>Add…Client</c> does, for any dialect: the client's name (and any other key it uses) taken in the
/// service collection; named options validated at start; two HttpClients of the SDK's own naming, with the default
/// transport, that send the calls and the credential exchanges, under the handlers <see cref="ClientPipeline.Assemble"/>
/// puts around them as it does for a client built by its constructor; and the client and its
/// <see cref="IUserGroupService"/> as singletons keyed by the client's name.
/// </summary>
internal static class ClientRegistration
{
    /// <summary>Registers the client <paramref name="name"/> of <paramref name="dialect"/>.</summary>
    /// <exception cref="InvalidOperationException">The name, or one of <paramref name="otherKeys"/>, is held by a client registered before; nothing is registered.</exception>
    public static IHttpClientBuilder Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TClient>(
        IServiceCollection services,
        string name,
        Action<TOptions> configure,
        Dialect dialect,
        Func<TOptions, ClientPipeline.Connections, TClient> createClient,
        Func<TClient, IUserGroupService> userGroupService,
        params (string Key, string Role)[] otherKeys)
        where TOptions : UserGroupClientOptions
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        ClientNames.Of(services).Claim(dialect.Name, name, otherKeys);
        var apiHttpClient = ClientNames.ApiHttpClient(dialect.Name, name);
        var loginHttpClient = ClientNames.LoginHttpClient(dialect.Name, name);

        services.AddOptions<TOptions>(name)
            .Configure(configure)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                if (options.TimeProvider == TimeProvider.System && provider.GetService<TimeProvider>() is { } clock)
                {
                    options.TimeProvider = clock;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new ClientOptionsValidator<TOptions>(name));

        services.AddKeyedSingleton(name, (provider, _) => new ClientState<TOptions>(name, loginHttpClient, provider, dialect));
        services.AddHttpClient(loginHttpClient)
            .ConfigurePrimaryHttpMessageHandler(HttpTransport.CreateDefault);

        services.AddKeyedSingleton(name, (provider, _) =>
        {
            var state = State<TOptions>(provider, name);
            var transport = FactoryTransport(provider, apiHttpClient);
            var api = ClientPipeline.Connect(ClientPipeline.Assemble(state.Attempts(), state.Authentication(), transport), state.Options, state.ClientName, dialect.Errors, state.Secrets, state.Resilience, state.ApiBaseAddress);
            return createClient(state.Options, new ClientPipeline.Connections(api, state.Unauthenticated));
        });
        services.AddKeyedSingleton(name, (provider, key) => userGroupService(provider.GetRequiredKeyedService<TClient>(key)));

        // Handlers the application adds to the returned builder run closest to the wire, inside authentication.
        var builder = services.AddHttpClient(apiHttpClient)
            .ConfigurePrimaryHttpMessageHandler(HttpTransport.CreateDefault);
        return new UserGroupClientBuilder(builder, name, typeof(TClient));
    }

    /// <summary>
    /// What reads a client's options from configuration: the dialect's <paramref name="read"/> (a generated bind of its
    /// options type, then its credentials), then the caller's <paramref name="configure"/>.
    /// </summary>
    public static Action<TOptions> FromConfiguration<TOptions>(
        string name,
        IConfiguration configuration,
        Action<TOptions, IConfiguration, ConfigurationReader> read,
        Action<TOptions>? configure)
        where TOptions : UserGroupClientOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return options =>
        {
            read(options, configuration, new ConfigurationReader(configuration, name));
            configure?.Invoke(options);
        };
    }

    // The factory's handlers for the name, not an HttpClient of the factory's: the SDK's own chain runs into them
    // directly, so a call goes through one HttpClient (Refit's) and is sent as it is, not copied for a second client.
    // The factory keeps managing the handlers' lifetime (the handler it returns ignores Dispose).
    private static SameOriginHandler FactoryTransport(IServiceProvider provider, string httpClientName) =>
        new(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(httpClientName));

    private static ClientState<TOptions> State<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider provider, string name)
        where TOptions : UserGroupClientOptions =>
        provider.GetRequiredKeyedService<ClientState<TOptions>>(name);

    /// <summary>
    /// What one named client keeps for its lifetime, across the handler chains the factory builds: its options, its
    /// resilience pipeline (one circuit breaker) or the application's resilience handler, and its token cache.
    /// </summary>
    private sealed class ClientState<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>
        where TOptions : UserGroupClientOptions
    {
        private readonly ClientResilience? _resilience;
        private readonly UserGroupClientResilienceExtensions.ResilienceHandlerFactory? _ownResilience;
        private readonly IServiceProvider _provider;
        private readonly ApiErrorMapper _errors;
        private readonly Lazy<ApiConnection> _unauthenticated;
        private readonly Lazy<Func<DelegatingHandler>> _authentication;

        public ClientState(string name, string loginHttpClient, IServiceProvider provider, Dialect dialect)
        {
            var errors = dialect.Errors;
            _errors = errors;
            Options = provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            ClientName = Options.ClientName ?? name;
            ApiBaseAddress = dialect.ApiBaseAddress(Options);
            Secrets = ClientPipeline.CreateKnownSecrets(Options);
            _provider = provider;
            _ownResilience = provider.GetKeyedService<UserGroupClientResilienceExtensions.ResilienceHandlerFactory>(name);
            // The application's resilience handler takes the place of the SDK's whole resilience, its page retry too.
            _resilience = _ownResilience is null ? ClientPipeline.CreateResilience(Options, ClientName, errors) : null;
            _unauthenticated = new Lazy<ApiConnection>(() => ClientPipeline.Connect(
                ClientPipeline.Assemble(Attempts(), null, FactoryTransport(provider, loginHttpClient)),
                Options,
                ClientName,
                errors,
                Secrets,
                _resilience,
                ApiBaseAddress));
            _authentication = new Lazy<Func<DelegatingHandler>>(() => dialect.Authentication(Options, _unauthenticated.Value));
        }

        public TOptions Options { get; }

        /// <summary>The client's name in logs, spans and metrics: <see cref="UserGroupClientOptions.ClientName"/>, else the registration name.</summary>
        public string ClientName { get; }

        /// <summary>Where API paths are resolved, when the dialect adds a root to the base address.</summary>
        public Uri? ApiBaseAddress { get; }

        /// <summary>The SDK's resilience of the client, shared by its connections; none when off or the application's own.</summary>
        public ClientResilience? Resilience => _resilience;

        /// <summary>The client's secret values, shared by its connections.</summary>
        public KnownSecrets Secrets { get; }

        public ApiConnection Unauthenticated => _unauthenticated.Value;

        /// <summary>The attempts handler of one chain: the SDK's resilience, or the application's (UseResilienceHandler).</summary>
        public DelegatingHandler Attempts() => _ownResilience is null
            ? ClientPipeline.CreateAttemptHandler(Options, ClientName, _resilience, _errors, Secrets)
            : ClientPipeline.CreateHostedAttemptHandler(Options, ClientName, _ownResilience.Create(_provider), _errors, Secrets);

        public DelegatingHandler Authentication() => _authentication.Value();
    }
}
