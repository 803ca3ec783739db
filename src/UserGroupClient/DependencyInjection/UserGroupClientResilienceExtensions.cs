using UserGroupClient.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>A resilience handler of your own in place of the SDK's, for a registered client.</summary>
public static class UserGroupClientResilienceExtensions
{
    /// <summary>
    /// Makes the handler <paramref name="createHandler"/> builds the client's resilience, in place of the SDK's Polly
    /// pipeline, which then does not run for this client (its <c>Resilience</c> options still govern the facades'
    /// recovery of a lost create; a list's page whose body breaks off after your handler returned its answer is not
    /// asked for again, as the SDK's resilience would). The handler sits where the SDK's does: under the client's call logging and outside
    /// authentication, so every attempt it makes is signed and dated afresh and recorded by the SDK's per-attempt
    /// telemetry, and a resent DELETE that finds nothing succeeds. Each time the handler sends the request on is one
    /// attempt. Classify with <see cref="UserGroupResiliencePredicates"/> so that creates are never resent and the
    /// dialect's business errors are never retried; a timeout or another refusal of a Polly pipeline reaches the
    /// caller as <see cref="TimeoutException"/> or the dialect's <c>UserGroupApiException</c>.
    /// </summary>
    /// <remarks>
    /// Unlike a handler added with <c>AddHttpMessageHandler</c>, which runs inside authentication (a retry there
    /// would resend the first attempt's signature), this one replaces the SDK's. For Microsoft.Extensions.Http.Resilience's
    /// standard handler, the companion package UserGroupClient.Http.Resilience does this: <c>UseStandardResilienceHandler</c>.
    /// </remarks>
    /// <param name="builder">What <c>AddJumpServerClient</c>, <c>AddMinAppClient</c>, <c>AddKylinClient</c> or <c>AddOwlClient</c> returned.</param>
    /// <param name="createHandler">
    /// Builds a new handler, without an inner handler, each time it is called: once for the client's API calls and once
    /// for its logins and token exchanges, when its dialect has them. Share state, such as a circuit breaker, through
    /// the pipeline the handlers run.
    /// </param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="builder"/> is not one an <c>Add…Client</c> method returned.</exception>
    public static IHttpClientBuilder UseResilienceHandler(this IHttpClientBuilder builder, Func<IServiceProvider, DelegatingHandler> createHandler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(createHandler);
        if (builder is not UserGroupClientBuilder client)
        {
            throw new InvalidOperationException($"UseResilienceHandler() extends the builder that AddJumpServerClient, AddMinAppClient, AddKylinClient or AddOwlClient returns, not '{builder.Name}'.");
        }

        // The last call wins, as the client resolves one.
        builder.Services.AddKeyedSingleton(client.ClientName, new ResilienceHandlerFactory(createHandler));
        return builder;
    }

    /// <summary>What <see cref="UseResilienceHandler"/> registered for a client, keyed by the client's name.</summary>
    internal sealed class ResilienceHandlerFactory(Func<IServiceProvider, DelegatingHandler> create)
    {
        public DelegatingHandler Create(IServiceProvider provider) => create(provider);
    }
}
