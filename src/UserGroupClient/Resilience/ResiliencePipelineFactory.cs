using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using UserGroupClient.Diagnostics;
using UserGroupClient.Http;

namespace UserGroupClient.Resilience;

/// <summary>
/// Builds the Polly pipelines from <see cref="UserGroupResilienceOptions"/>: retry → circuit breaker for each request
/// (the total and attempt timeouts around and inside it are <see cref="ResilienceHandler"/>'s), and the retry of a
/// streamed page whose body broke off after its request succeeded.
/// </summary>
internal static class ResiliencePipelineFactory
{
    /// <summary>The request being sent, so the retry can tell whether it is safe to repeat; set once an attempt failed.</summary>
    // Stryker disable once String : the key is only ever read through this same field; its text collides with no other key
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("UserGroupClient.Request");

    /// <summary>The 1-based number of the attempt about to be sent; set only once a retry is due.</summary>
    // Stryker disable once String : the key is only ever read through this same field; its text collides with no other key
    public static readonly ResiliencePropertyKey<int> NextAttemptKey = new("UserGroupClient.NextAttempt");

    public static ClientResilience Create(UserGroupResilienceOptions options, TimeProvider timeProvider, string clientName, ApiErrorMapper errors)
    {
        var circuit = new CircuitBreakerStateProvider();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = clientName,
            TimeProvider = timeProvider,
        };

        // On the system clock Polly reads the runtime tick (see TickClock); a caller's own clock drives it as it is.
        // Stryker disable once Block,Statement : TickClock tells the system clock's time, only more cheaply, and its timers are the system's: Polly keeps the same times either way
        if (timeProvider == TimeProvider.System)
        {
            builder.TimeProvider = TickClock.Instance;
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // Stryker disable once String : a strategy's name shows only in Polly's telemetry, which the SDK does not configure
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => TransientFailure.ShouldRetryAsync(args.Outcome, RequestOf(args.Context), errors, args.Context.CancellationToken),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, options.MaxRetryAfter, timeProvider)),
                OnRetry = args =>
                {
                    // The failed attempt's response is replaced by the next one; release its connection now.
                    // Stryker disable once Statement : Polly disposes a replaced result itself once OnRetry returns; this only does it first
                    args.Outcome.Result?.Dispose();
                    args.Context.Properties.Set(NextAttemptKey, args.AttemptNumber + 2);
                    UserGroupClientTelemetry.RecordRetry(clientName, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            // Stryker disable once String : a strategy's name shows only in Polly's telemetry, which the SDK does not configure
            Name = "circuit-breaker",
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            StateProvider = circuit,
            // Stryker disable once Conditional : IsTransientAsync begins with the same MayBeTransient check, so "true ?" gives the same verdict
            ShouldHandle = args => TransientFailure.MayBeTransient(args.Outcome)
                ? TransientFailure.IsTransientAsync(args.Outcome, errors, args.Context.CancellationToken)
                : new ValueTask<bool>(false),
        });
        return new ClientResilience(builder.Build(), circuit, CreatePageRetry(options, builder.TimeProvider, clientName));
    }

    /// <summary>
    /// Asks again for a streamed page whose body broke off in transit (<see cref="TransientFailure.IsCutOffPage"/>), with
    /// the request retry's count and backoff. Each time the page's request is sent anew, through the whole pipeline.
    /// </summary>
    private static ResiliencePipeline CreatePageRetry(UserGroupResilienceOptions options, TimeProvider? timeProvider, string clientName)
    {
        if (options.MaxRetryAttempts == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { Name = clientName, TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                // Stryker disable once String : a strategy's name shows only in Polly's telemetry, which the SDK does not configure
                Name = "page-retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } exception && TransientFailure.IsCutOffPage(exception)),
                OnRetry = args =>
                {
                    UserGroupClientTelemetry.RecordRetry(clientName, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static HttpRequestMessage? RequestOf(ResilienceContext context) =>
        context.Properties.TryGetValue(RequestKey, out var request) ? request : null;

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeSpan max, TimeProvider timeProvider)
    {
        var header = outcome.Result?.Headers.RetryAfter;
        TimeSpan? delay = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        if (delay is not { } wait)
        {
            return null;
        }

        // Stryker disable once Equality : at either bound both branches are the same delay, so "<=" and ">=" change nothing
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }
}
