using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UserGroupClient;
using UserGroupClient.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What every <c>Add…Client</c> does, for any dialect: named options validated at start; a named HttpClient whose chain
/// is resilience and attempt telemetry → authentication → the default transport; a second named HttpClient without
/// authentication for logins; and the client and its <see cref="IUserGroupService"/> as keyed singletons.
/// </summary>
internal static class ClientRegistration
{
    /// <summary>The suffix of the HttpClient name used for logins and token exchanges.</summary>
    public const string UnauthenticatedSuffix = ".unauthenticated";

    public static IHttpClientBuilder Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TClient>(
        IServiceCollection services,
        string name,
        ApiErrorMapper errors,
        Func<TOptions, ApiConnection, Func<DelegatingHandler>> createAuthenticationHandlers,
        Func<TOptions, ClientPipeline.Connections, TClient> createClient,
        Func<TClient, IUserGroupService> userGroupService,
        Func<TOptions, Uri>? apiBaseAddress = null)
        where TOptions : UserGroupClientOptions
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        services.AddOptions<TOptions>(name)
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

        services.AddKeyedSingleton(name, (provider, _) => new ClientState<TOptions>(name, provider, errors, createAuthenticationHandlers, apiBaseAddress));
        services.AddHttpClient(name + UnauthenticatedSuffix)
            .ConfigurePrimaryHttpMessageHandler(HttpTransport.CreateDefault)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(provider => State<TOptions>(provider, name).Attempts());

        services.AddKeyedSingleton(name, (provider, _) =>
        {
            var state = State<TOptions>(provider, name);
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            var api = ClientPipeline.Connect(new HttpClientTransportHandler(factory.CreateClient(name)), state.Options, name, errors, state.Secrets, state.ApiBaseAddress);
            return createClient(state.Options, new ClientPipeline.Connections(api, state.Unauthenticated));
        });
        services.AddKeyedSingleton(name, (provider, key) => userGroupService(provider.GetRequiredKeyedService<TClient>(key)));

        // The SDK's own timeouts govern; HttpClient.Timeout would cut calls off underneath them.
        return services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(HttpTransport.CreateDefault)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(provider => State<TOptions>(provider, name).Attempts())
            .AddHttpMessageHandler(provider => State<TOptions>(provider, name).Authentication());
    }

    /// <summary>
    /// Reads a client's options from configuration: the shared settings, then the dialect's own through
    /// <paramref name="readDialect"/>, then the caller's <paramref name="configure"/>.
    /// </summary>
    public static void Configure<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        string name,
        IConfiguration configuration,
        Action<TOptions, ConfigurationReader> readDialect,
        Action<TOptions>? configure)
        where TOptions : UserGroupClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TOptions>(name).Configure(options =>
        {
            var reader = new ConfigurationReader(configuration, name);
            reader.ReadCommon(options);
            readDialect(options, reader);
            configure?.Invoke(options);
        });
    }

    private static ClientState<TOptions> State<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider provider, string name)
        where TOptions : UserGroupClientOptions =>
        provider.GetRequiredKeyedService<ClientState<TOptions>>(name);

    /// <summary>
    /// What one named client keeps for its lifetime, across the handler chains the factory builds: its options, its
    /// resilience pipeline (one circuit breaker) and its token cache.
    /// </summary>
    private sealed class ClientState<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>
        where TOptions : UserGroupClientOptions
    {
        private readonly string _name;
        private readonly Polly.ResiliencePipeline<HttpResponseMessage>? _resilience;
        private readonly Lazy<ApiConnection> _unauthenticated;
        private readonly Lazy<Func<DelegatingHandler>> _authentication;

        public ClientState(
            string name,
            IServiceProvider provider,
            ApiErrorMapper errors,
            Func<TOptions, ApiConnection, Func<DelegatingHandler>> createAuthenticationHandlers,
            Func<TOptions, Uri>? apiBaseAddress)
        {
            _name = name;
            Options = provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            ApiBaseAddress = apiBaseAddress?.Invoke(Options);
            Secrets = ClientPipeline.CreateKnownSecrets(Options);
            _resilience = ClientPipeline.CreateResilience(Options, name, errors);
            _unauthenticated = new Lazy<ApiConnection>(() => ClientPipeline.Connect(
                new HttpClientTransportHandler(provider.GetRequiredService<IHttpClientFactory>().CreateClient(name + UnauthenticatedSuffix)), Options, name, errors, Secrets, ApiBaseAddress));
            _authentication = new Lazy<Func<DelegatingHandler>>(() => createAuthenticationHandlers(Options, _unauthenticated.Value));
        }

        public TOptions Options { get; }

        /// <summary>Where API paths are resolved, when the dialect adds a root to the base address.</summary>
        public Uri? ApiBaseAddress { get; }

        /// <summary>The client's secret values, shared by its connections.</summary>
        public KnownSecrets Secrets { get; }

        public ApiConnection Unauthenticated => _unauthenticated.Value;

        public DelegatingHandler Attempts() => ClientPipeline.CreateAttemptHandler(Options, _name, _resilience);

        public DelegatingHandler Authentication() => _authentication.Value();
    }
}
