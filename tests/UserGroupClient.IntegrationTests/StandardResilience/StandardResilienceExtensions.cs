using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Registry;
using UserGroupClient.Resilience;

namespace UserGroupClient.IntegrationTests.StandardResilience;

/// <summary>
/// Microsoft.Extensions.Http.Resilience's standard handler in the SDK's place, composed as its
/// <c>AddStandardResilienceHandler</c> composes it (rate limiter, total timeout, retry, circuit breaker, attempt timeout)
/// with the SDK's verdicts as the retry's and the circuit breaker's <c>ShouldHandle</c>. The README shows this code: an
/// application that standardises on that library adds it to its own project, so the SDK's package does not depend on it.
/// </summary>
internal static class StandardResilienceExtensions
{
    public static IHttpClientBuilder UseStandardResilience(this IHttpClientBuilder builder, Action<HttpStandardResilienceOptions>? configure = null)
    {
        var name = builder.Name + "-standard";
        builder.Services.AddOptions<HttpStandardResilienceOptions>(name)
            .Configure(options => configure?.Invoke(options))
            // After the application's settings, so none of them can make a create resent.
            .PostConfigure(options =>
            {
                options.Retry.ShouldHandle = args => UserGroupResiliencePredicates.ShouldRetryAsync(args.Outcome, args.Context.GetRequestMessage(), args.Context.CancellationToken);
                options.CircuitBreaker.ShouldHandle = args => UserGroupResiliencePredicates.IsTransientFailureAsync(args.Outcome, args.Context.GetRequestMessage(), args.Context.CancellationToken);
            });
        builder.Services.AddResiliencePipeline<string, HttpResponseMessage>(name, (pipeline, context) =>
        {
            context.EnableReloads<HttpStandardResilienceOptions>(name);
            var options = context.GetOptions<HttpStandardResilienceOptions>(name);
            pipeline.AddRateLimiter(options.RateLimiter)
                .AddTimeout(options.TotalRequestTimeout)
                .AddRetry(options.Retry)
                .AddCircuitBreaker(options.CircuitBreaker)
                .AddTimeout(options.AttemptTimeout);
        });
        return builder.UseResilienceHandler(provider =>
            new ResilienceHandler(provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline<HttpResponseMessage>(name)));
    }
}
