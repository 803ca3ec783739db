using System.Globalization;
using System.Runtime.CompilerServices;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using UserGroupClient.Diagnostics;
using UserGroupClient.Http;

namespace UserGroupClient.Resilience;

/// <summary>
/// Runs each request through the client's resilience: the total timeout, then the Polly pipeline (retry, circuit
/// breaker), then for each attempt its own timeout, its telemetry and the decoding of a compressed answer
/// (<see cref="ContentDecoding"/>). Every attempt after the first sends a copy of
/// the request, so the authentication handler inside signs and dates it afresh. A timeout surfaces as
/// <see cref="TimeoutException"/>, the caller's cancellation as <see cref="OperationCanceledException"/>, an open
/// circuit as <see cref="HttpRequestException"/>.
/// </summary>
/// <remarks>
/// The two timeouts are not Polly strategies: over a real socket every Polly strategy allocates its state machine on
/// every call, where these cost a pooled cancellation source each. Attempt timeouts still reach the retry and the
/// circuit breaker as Polly's <see cref="TimeoutRejectedException"/>.
/// </remarks>
internal sealed class ResilienceHandler : ValueTaskDelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeSpan _totalTimeout;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly AttemptTelemetry _telemetry;
    private readonly ApiErrorMapper _errors;

    public ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline, UserGroupResilienceOptions options, TimeProvider timeProvider, AttemptTelemetry telemetry, ApiErrorMapper errors)
    {
        _pipeline = pipeline;
        _errors = errors;
        _totalTimeout = options.TotalTimeout;
        _attemptTimeout = options.AttemptTimeout;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal override async ValueTask<HttpResponseMessage> SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var total = TimeoutScope.Start(_timeProvider, _totalTimeout, cancellationToken);
        var context = ResilienceContextPool.Shared.Get(total.Token);
        context.Properties.Set(ResiliencePipelineFactory.RequestKey, request);
        try
        {
            // A static callback with explicit state: a call that needs no retry allocates no closure.
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Handler.SendAttemptAsync(ctx, state.Request),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            switch (outcome.Exception)
            {
                case OperationCanceledException when total.TimedOut:
                    throw TimedOut(request, _totalTimeout, outcome.Exception);
                case TimeoutRejectedException timeout when !cancellationToken.IsCancellationRequested:
                    throw TimedOut(request, timeout.Timeout, timeout);
                case BrokenCircuitException broken:
                    throw new HttpRequestException($"The circuit to {request.RequestUri?.GetLeftPart(UriPartial.Authority)} is open after repeated failures; calls fail fast until it closes.", broken);
                default:
                    outcome.ThrowIfException();
                    var resent = context.Properties.TryGetValue(ResiliencePipelineFactory.NextAttemptKey, out _);
                    return resent && await IsAlreadyDeletedAsync(request, outcome.Result!, total.Token).ConfigureAwait(false) ? Deleted(request, outcome.Result!) : outcome.Result!;
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static TimeoutException TimedOut(HttpRequestMessage request, TimeSpan timeout, Exception inner) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not complete within {timeout.TotalSeconds:0.###} s."), inner);

    // A DELETE is resent only after an attempt failed in transit, which may have deleted the resource already: a "not
    // found" on the resend is then the effect of the caller's own delete, not a missing resource. The dialect's mapper
    // says what "not found" is: a 404, Kylin's HTTP 500 "group … does not exists", or Owl's HTTP 200 with code 404.
    // The answer that replaces it is an empty 204, which every dialect's delete takes for success.
    private async ValueTask<bool> IsAlreadyDeletedAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken) =>
        request.Method == HttpMethod.Delete
        && (response.StatusCode == System.Net.HttpStatusCode.NotFound
            || await _errors.PeekAsync(response, cancellationToken).ConfigureAwait(false) is UserGroupNotFoundException);

    private static HttpResponseMessage Deleted(HttpRequestMessage request, HttpResponseMessage notFound)
    {
        notFound.Dispose();
        return new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request };
    }

    // The retry strategy numbers the next attempt in the context (see ResiliencePipelineFactory); the first attempt
    // sends the caller's message, every later one a copy.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(ResilienceContext context, HttpRequestMessage request)
    {
        var number = context.Properties.TryGetValue(ResiliencePipelineFactory.NextAttemptKey, out var next) ? next : 1;
        var message = number == 1 ? request : HttpRequestCloner.Clone(request);
        ContentDecoding.Accept(message);
        using var timeout = TimeoutScope.Start(_timeProvider, _attemptTimeout, context.CancellationToken);
        var attempt = _telemetry.Start(message, number);
        try
        {
            var response = await SendInnerAsync(message, timeout.Token).ConfigureAwait(false);
            _telemetry.Completed(attempt, response);
            ContentDecoding.Decode(response);
            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            _telemetry.Failed(attempt, exception);

            // The retry and the circuit breaker count an attempt that ran out of time as Polly's own timeout.
            return Outcome.FromException<HttpResponseMessage>(exception is OperationCanceledException && timeout.TimedOut
                ? new TimeoutRejectedException(string.Create(CultureInfo.InvariantCulture, $"The attempt did not complete within {_attemptTimeout.TotalSeconds:0.###} s."), _attemptTimeout, exception)
                : exception);
        }
    }
}
