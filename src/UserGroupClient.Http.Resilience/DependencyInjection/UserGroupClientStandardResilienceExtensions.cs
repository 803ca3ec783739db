using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Registry;
using UserGroupClient.Http.Resilience;
using UserGroupClient.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Microsoft.Extensions.Http.Resilience's standard handler in the place of the SDK's own, for a registered client.</summary>
public static class UserGroupClientStandardResilienceExtensions
{
    /// <summary>
    /// Replaces the client's resilience, the SDK's Polly pipeline, with Microsoft.Extensions.Http.Resilience's standard
    /// one, composed as <c>AddStandardResilienceHandler</c> composes it: rate limiter, total timeout, retry, circuit
    /// breaker, attempt timeout, configured by <see cref="HttpStandardResilienceOptions"/>. It sits where the SDK's
    /// handler does (<c>UseResilienceHandler</c>): under the client's call logging and outside authentication, so every
    /// attempt is signed and dated afresh and recorded by the SDK's per-attempt telemetry. The retry and the circuit
    /// breaker judge each attempt with <see cref="UserGroupResiliencePredicates"/>: a create is never resent and a
    /// dialect's business error never retried. Its timeouts reach the caller as <see cref="TimeoutException"/>, an open
    /// circuit as the dialect's <c>UserGroupApiException</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Call it instead of <c>AddStandardResilienceHandler()</c>, never beside it: that one adds a handler inside
    /// authentication (a retry there resends the first attempt's signature, and its default predicate resends POSTs),
    /// and the SDK's pipeline would still run around it.
    /// </para>
    /// <para>
    /// What <paramref name="configure"/> does to <c>ShouldHandle</c>: the retry's and the circuit breaker's start as the
    /// SDK's verdicts, so <c>Retry.DisableForUnsafeHttpMethods()</c> or <c>Retry.DisableFor(…)</c> stops those methods'
    /// retries and leaves the rest to the SDK's verdict. A predicate you assign (or the default one of a new
    /// <c>HttpRetryStrategyOptions</c>) replaces what was there, as it does in Microsoft.Extensions.Http.Resilience,
    /// so assigning one after <c>DisableFor…()</c> undoes that call; it is then asked only when the SDK's verdict is yes,
    /// so it can narrow what is retried or counted as a failure, never widen it.
    /// A retry budget (<c>Retry.UseBudgetedRetries()</c>, experimental in Microsoft.Extensions.Http.Resilience 11) is not
    /// applied: Polly's retry refuses options that set one, so resolving the client throws a
    /// <see cref="System.ComponentModel.DataAnnotations.ValidationException"/> naming it, before anything is sent,
    /// instead of running without it.
    /// </para>
    /// <para>
    /// Calling it again for the same client adds <paramref name="configure"/> after the earlier ones. The client's
    /// <c>Resilience</c> options then only bound the facades' recovery of a lost create.
    /// </para>
    /// </remarks>
    /// <param name="builder">What <c>AddJumpServerClient</c>, <c>AddMinAppClient</c>, <c>AddKylinClient</c> or <c>AddOwlClient</c> returned.</param>
    /// <param name="configure">Sets the standard pipeline's options; <see langword="null"/> keeps Microsoft's defaults.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="builder"/> is not one an <c>Add…Client</c> method returned.</exception>
    public static IHttpClientBuilder UseStandardResilienceHandler(this IHttpClientBuilder builder, Action<HttpStandardResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The client's HttpClient name is the SDK's own and unique to the client, so the options and the pipeline are
        // the client's alone. UseResilienceHandler comes first: it refuses any other builder before anything is added.
        var name = builder.Name + "/standard-resilience";
        builder.UseResilienceHandler(provider =>
            new ResilienceHandler(provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline<HttpResponseMessage>(name)));

        var options = builder.Services.AddOptions<HttpStandardResilienceOptions>(name);
        if (!IsRegistered(builder.Services, name))
        {
            builder.Services.AddKeyedSingleton(name, new Registered());
            options.Configure(SdkVerdicts.Install);

            // PostConfigure, not Configure: it runs after every Configure of these options, whoever registered it and
            // when (yours, a later call's, a bound configuration section), so the gate wraps whatever predicate they
            // leave and none of them can make a create resent. A Configure runs in registration order: any setting
            // registered after it could replace the gate.
            options.PostConfigure(SdkVerdicts.Enforce);
            builder.Services.AddResiliencePipeline<string, HttpResponseMessage>(name, (pipeline, context) =>
            {
                context.EnableReloads<HttpStandardResilienceOptions>(name);
                var standard = context.GetOptions<HttpStandardResilienceOptions>(name);
                pipeline.AddRateLimiter(standard.RateLimiter)
                    .AddTimeout(standard.TotalRequestTimeout)
                    .AddRetry(standard.Retry)
                    .AddCircuitBreaker(standard.CircuitBreaker)
                    .AddTimeout(standard.AttemptTimeout);
            });
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }

    private static bool IsRegistered(IServiceCollection services, string name) =>
        services.Any(d => d.IsKeyedService && d.ServiceType == typeof(Registered) && Equals(d.ServiceKey, name));

    /// <summary>Marks the clients whose standard pipeline is registered, so a second call only adds its settings.</summary>
    private sealed class Registered;
}
