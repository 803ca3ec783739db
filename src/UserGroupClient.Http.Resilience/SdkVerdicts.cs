using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using UserGroupClient.Resilience;

namespace UserGroupClient.Http.Resilience;

/// <summary>
/// The SDK's classifier (<see cref="UserGroupResiliencePredicates"/>) as the standard pipeline's <c>ShouldHandle</c>,
/// first as the default the application's settings start from, then as a gate no setting of the application's can open.
/// </summary>
internal static class SdkVerdicts
{
    private static readonly Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> Retry =
        args => UserGroupResiliencePredicates.ShouldRetryAsync(args.Outcome, args.Context.GetRequestMessage(), args.Context.CancellationToken);

    private static readonly Func<CircuitBreakerPredicateArguments<HttpResponseMessage>, ValueTask<bool>> Failure =
        args => UserGroupResiliencePredicates.IsTransientFailureAsync(args.Outcome, args.Context.GetRequestMessage(), args.Context.CancellationToken);

    /// <summary>
    /// Runs before the application's settings, so what they build on is the SDK's verdict: <c>DisableFor…()</c> wraps
    /// it and so takes those methods away from it, where on Microsoft's default it would wrap a predicate that resends
    /// POSTs.
    /// </summary>
    public static void Install(HttpStandardResilienceOptions options)
    {
        options.Retry.ShouldHandle = Retry;
        options.CircuitBreaker.ShouldHandle = Failure;
    }

    /// <summary>
    /// Runs after the application's settings: a predicate the application assigned (or a strategy options object it
    /// replaced whole, with Microsoft's default predicate) is asked only when the SDK's verdict is yes, so it can narrow
    /// what is retried or counted as a failure and never widen it.
    /// </summary>
    public static void Enforce(HttpStandardResilienceOptions options)
    {
        options.Retry.ShouldHandle = Both(Retry, options.Retry.ShouldHandle);
        options.CircuitBreaker.ShouldHandle = Both(Failure, options.CircuitBreaker.ShouldHandle);
    }

    private static Func<TArguments, ValueTask<bool>> Both<TArguments>(Func<TArguments, ValueTask<bool>> sdk, Func<TArguments, ValueTask<bool>>? application) =>
        application is null || ReferenceEquals(application, sdk)
            ? sdk
            : async arguments => await sdk(arguments).ConfigureAwait(false) && await application(arguments).ConfigureAwait(false);
}
