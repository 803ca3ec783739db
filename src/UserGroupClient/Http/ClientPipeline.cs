using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using UserGroupClient.Diagnostics;
using UserGroupClient.Resilience;

namespace UserGroupClient.Http;

/// <summary>
/// Assembles a client's request path, the same for every dialect and for clients built by constructors and by
/// dependency injection alike (outer → inner): the call handler (<see cref="ApiConnection"/>'s: bound, body, errors,
/// log) → resilience and attempt telemetry → authentication → transport (<see cref="Assemble"/>).
/// Authentication sits inside resilience so each attempt is signed and dated afresh. Credential exchanges (logins,
/// token exchanges and refreshes, MinApp's authorize step) take the same path without authentication, always over a
/// transport of the SDK's own that follows no redirect, even when the caller supplies an <see cref="HttpClient"/> for
/// the API calls: whether a caller's client follows redirects cannot be seen, and one that does would deliver a
/// password or client secret in a request body to wherever a redirect points.
/// </summary>
internal static class ClientPipeline
{
    /// <summary>The connections of a client built without dependency injection.</summary>
    /// <param name="Api">Authenticated calls.</param>
    /// <param name="Unauthenticated">Calls that obtain credentials (logins, token exchanges): same resilience and telemetry, no authentication.</param>
    public sealed record Connections(ApiConnection Api, ApiConnection Unauthenticated) : IDisposable
    {
        public void Dispose()
        {
            Api.Dispose();
            Unauthenticated.Dispose();
        }
    }

    /// <summary>
    /// Builds the chains: API calls over <paramref name="httpClient"/> (the caller keeps it) or over a new default
    /// transport; credential exchanges over that default transport, or over a new one of their own when the API calls
    /// go through the caller's client.
    /// </summary>
    /// <param name="options">The client's options.</param>
    /// <param name="clientName">The client's name in logs and metrics.</param>
    /// <param name="httpClient">The caller's client, or <see langword="null"/> for a new default transport.</param>
    /// <param name="errors">The dialect's error mapper.</param>
    /// <param name="createAuthentication">Builds the authentication handler; logins go through the connection it is given.</param>
    /// <param name="apiBaseAddress">Where API paths are resolved, when the dialect adds a root to <see cref="UserGroupClientOptions.BaseAddress"/>.</param>
    /// <param name="credentialTransport">
    /// Replaces the credential exchanges' own transport (the caller keeps it): for tests, which answer them in memory.
    /// </param>
    public static Connections Build(
        UserGroupClientOptions options,
        string clientName,
        HttpClient? httpClient,
        ApiErrorMapper errors,
        Func<ApiConnection, DelegatingHandler> createAuthentication,
        Uri? apiBaseAddress = null,
        HttpMessageHandler? credentialTransport = null)
    {
        clientName = options.ClientName ?? clientName;
        var resilience = CreateResilience(options, clientName, errors);
        HttpMessageHandler transport, credentials;
        if (httpClient is null)
        {
            // One transport for both chains; the authenticated chain owns it and the unauthenticated one only borrows it.
            transport = HttpTransport.CreateDefault();
            credentials = new NonDisposingHandler(credentialTransport ?? transport);
        }
        else
        {
            transport = new SameOriginHandler(new HttpClientSender(httpClient));
            credentials = credentialTransport is null ? HttpTransport.CreateDefault() : new NonDisposingHandler(credentialTransport);
        }

        var secrets = CreateKnownSecrets(options);
        var unauthenticated = Connect(Assemble(CreateAttemptHandler(options, clientName, resilience, errors, secrets), null, credentials), options, clientName, errors, secrets, resilience, apiBaseAddress);
        var api = Connect(Assemble(CreateAttemptHandler(options, clientName, resilience, errors, secrets), createAuthentication(unauthenticated), transport), options, clientName, errors, secrets, resilience, apiBaseAddress);
        return new Connections(api, unauthenticated);
    }

    /// <summary>
    /// The one order of the SDK's handlers under the call handler: the attempts (resilience, telemetry), then
    /// authentication, which sits inside them so each attempt is signed and dated afresh, then the transport.
    /// </summary>
    /// <param name="attempts">From <see cref="CreateAttemptHandler"/>.</param>
    /// <param name="authentication">The dialect's authentication, or <see langword="null"/> for credential exchanges.</param>
    /// <param name="transport">What sends: the SDK's own transport, or a caller's or a factory's client.</param>
    public static DelegatingHandler Assemble(DelegatingHandler attempts, DelegatingHandler? authentication, HttpMessageHandler transport)
    {
        if (authentication is not null)
        {
            authentication.InnerHandler = transport;
            transport = authentication;
        }

        attempts.InnerHandler = transport;
        return attempts;
    }

    /// <summary>The resilience pipeline of one client (its circuit breaker is shared by all the client's calls), or none.</summary>
    public static ClientResilience? CreateResilience(UserGroupClientOptions options, string clientName, ApiErrorMapper errors) =>
        options.Resilience.Enabled ? ResiliencePipelineFactory.Create(options.Resilience, options.TimeProvider, clientName, errors) : null;

    /// <summary>
    /// The handler that sends each request's attempts: resilience (timeouts, retries, the client's circuit breaker)
    /// when the client has a pipeline, and the per-attempt span, measurement and Debug log either way. With resilience,
    /// each attempt reads its success body (<see cref="SuccessBody"/>), masking <paramref name="secrets"/> in what an
    /// unreadable one shows.
    /// </summary>
    public static DelegatingHandler CreateAttemptHandler(UserGroupClientOptions options, string clientName, ClientResilience? resilience, ApiErrorMapper errors, KnownSecrets secrets)
    {
        var telemetry = new AttemptTelemetry(clientName, Logger(options), options.TimeProvider);
        return resilience is null
            ? new AttemptTelemetryHandler(telemetry)
            : new ResilienceHandler(resilience, options.Resilience, options.TimeProvider, telemetry, errors, new SuccessBody(options.MaxResponseContentBytes, secrets, errors));
    }

    /// <summary>
    /// The handler that sends each request's attempts when the application's <paramref name="resilience"/> handler
    /// takes the place of the SDK's pipeline: per-attempt telemetry under it, as the SDK's own resilience has.
    /// </summary>
    public static DelegatingHandler CreateHostedAttemptHandler(UserGroupClientOptions options, string clientName, DelegatingHandler resilience, ApiErrorMapper errors, KnownSecrets secrets) =>
        new HostedResilienceHandler(resilience, clientName, new AttemptTelemetry(clientName, Logger(options), options.TimeProvider), errors, new SuccessBody(options.MaxResponseContentBytes, secrets, errors));

    /// <summary>The secret values a client starts with: those of its configured credentials.</summary>
    public static KnownSecrets CreateKnownSecrets(UserGroupClientOptions options) => new(options.CredentialSecrets());

    /// <summary>A connection over a finished handler chain, which it owns.</summary>
    /// <param name="chain">The handler chain.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="clientName">The client's name in logs and metrics.</param>
    /// <param name="errors">The dialect's error mapper.</param>
    /// <param name="secrets">The client's secrets.</param>
    /// <param name="resilience">The SDK's resilience, whose page retry the connection's streamed pages use; none when off or the application's own.</param>
    /// <param name="apiBaseAddress">Where API paths are resolved, when the dialect adds a root to <see cref="UserGroupClientOptions.BaseAddress"/>.</param>
    public static ApiConnection Connect(HttpMessageHandler chain, UserGroupClientOptions options, string clientName, ApiErrorMapper errors, KnownSecrets secrets, ClientResilience? resilience = null, Uri? apiBaseAddress = null) =>
        new(chain, apiBaseAddress ?? options.BaseAddress!, errors,
            new ApiConnectionSettings(clientName, options.TimeProvider, options.Timeout, options.MaxResponseContentBytes, Logger(options), secrets, resilience?.Pages ?? ResiliencePipeline.Empty));

    private static ILogger Logger(UserGroupClientOptions options) =>
        (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("UserGroupClient");

    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The transport belongs to someone else (the authenticated chain, or a test), who disposes it.
            // Stryker disable once Statement : DelegatingHandler.Dispose(false) releases nothing (it disposes its inner handler only when disposing); the call is there for CA2215
            base.Dispose(false);
        }
    }
}
