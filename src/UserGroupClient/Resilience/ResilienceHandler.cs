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
/// breaker), then for each attempt its own timeout, its telemetry, the decoding of a compressed answer
/// (<see cref="ContentDecoding"/>) and the reading of a success body (<see cref="SuccessBody"/>), so that a body cut off
/// in transit is retried as a lost answer is. Every attempt after the first sends a copy of
/// the request, so the authentication handler inside signs and dates it afresh. A timeout surfaces as
/// <see cref="TimeoutException"/>, the caller's cancellation as <see cref="OperationCanceledException"/>, an open
/// circuit as <see cref="HttpRequestException"/>.
/// </summary>
/// <remarks>
/// The two timeouts are not Polly strategies: over a real socket every Polly strategy allocates its state machine on
/// every call, where these cost a pooled cancellation source each. Attempt timeouts still reach the retry and the
/// circuit breaker as Polly's <see cref="TimeoutRejectedException"/>. The total timeout's timer is set only once an
/// attempt fails: the first attempt is bounded by its own timeout, which never exceeds the total, and everything after
/// it (the classifier reading an error body, the wait, the next attempts) comes after a failure.
/// For the same reason the first attempt of a call made while the circuit is closed is sent before the pipeline runs,
/// and the pipeline is handed its outcome: the retry and the circuit breaker judge it as they judge any attempt, but
/// on an outcome that is already there, so their state machines run through instead of suspending on the socket.
/// </remarks>
internal sealed class ResilienceHandler : ValueTaskDelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly CircuitBreakerStateProvider _circuit;
    private readonly TimeSpan _totalTimeout;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly AttemptTelemetry _telemetry;
    private readonly ApiErrorMapper _errors;
    private readonly SuccessBody _body;

    public ResilienceHandler(ClientResilience resilience, UserGroupResilienceOptions options, TimeProvider timeProvider, AttemptTelemetry telemetry, ApiErrorMapper errors, SuccessBody body)
    {
        _pipeline = resilience.Pipeline;
        _circuit = resilience.Circuit;
        _errors = errors;
        _totalTimeout = options.TotalTimeout;
        _attemptTimeout = options.AttemptTimeout;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        _body = body;
    }

    /// <summary>The total timeout: no request's attempts outlast it.</summary>
    internal override TimeSpan? SendBound => _totalTimeout;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<HttpResponseMessage> SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var total = TimeoutScope.StartUnarmed(_timeProvider, _totalTimeout, cancellationToken);
        var context = ResilienceContextPool.Shared.Get(total.Token);
        try
        {
            // While the circuit is closed the first attempt goes out before the pipeline runs, and the pipeline is
            // handed its outcome as the first attempt's: the retry and the circuit breaker decide on it as they would
            // have, but run at once on an outcome that is there, where over a socket each of them would suspend and
            // resume its own state machine. Later attempts, and every attempt of a circuit not closed, the pipeline sends.
            // Stryker disable once Conditional : never sending early lets the pipeline send the first attempt itself: the same requests, verdicts and answers, only with Polly's state machines suspended on the socket ("always" sends through an open circuit and is caught)
            Outcome<HttpResponseMessage>? first = _circuit.CircuitState == CircuitState.Closed
                ? await SendAttemptAsync(context, request, total).ConfigureAwait(false)
                : null;

            // A static callback with explicit state: a call that needs no retry allocates no closure.
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.First is { } sent && IsFirstAttempt(ctx)
                    ? ValueTask.FromResult(sent)
                    : state.Handler.SendAttemptAsync(ctx, state.Request, state.Total),
                context,
                (Handler: this, Request: request, Total: total, First: first)).ConfigureAwait(false);

            // The circuit opened (other calls failed) while the first attempt was out, and the breaker refused it
            // before it was handed over: the request was sent all the same, and its answer is the call's.
            if (first is { } unrecorded && outcome.Exception is BrokenCircuitException && IsFirstAttempt(context))
            {
                outcome = unrecorded;
            }

            switch (outcome.Exception)
            {
                case OperationCanceledException when total.TimedOut:
                    throw PollyRejections.TimedOut(request, _totalTimeout, outcome.Exception);
                case { } exception when PollyRejections.Translate(exception, request, cancellationToken) is { } translated:
                    throw translated;
                default:
                    outcome.ThrowIfException();
                    var resent = !IsFirstAttempt(context);
                    return resent ? await ResentDelete.AnswerAsync(request, outcome.Result!, _errors, total.Token).ConfigureAwait(false) : outcome.Result!;
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // The retry strategy numbers the next attempt in the context (see ResiliencePipelineFactory); the first attempt
    // sends the caller's message, every later one a copy.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(ResilienceContext context, HttpRequestMessage request, TimeoutScope total)
    {
        var number = context.Properties.TryGetValue(ResiliencePipelineFactory.NextAttemptKey, out var next) ? next : 1;
        var message = number == 1 ? request : HttpRequestCloner.Clone(request);
        ContentDecoding.Accept(message);
        using var timeout = TimeoutScope.StartUnarmed(_timeProvider, _attemptTimeout, context.CancellationToken);
        var attempt = _telemetry.Start(message, number);
        try
        {
            var response = await timeout.Bound(SendInnerAsync(message, timeout.Token)).ConfigureAwait(false);
            ContentDecoding.Decode(response);
            await timeout.Bound(_body.ReadInAttemptAsync(message, response, timeout.Token)).ConfigureAwait(false);
            _telemetry.Completed(attempt, response);
            if (!response.IsSuccessStatusCode)
            {
                Failed(context, request, total);
            }

            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            _telemetry.Failed(attempt, exception);
            Failed(context, request, total);

            // The retry and the circuit breaker count an attempt that ran out of time as Polly's own timeout.
            return Outcome.FromException<HttpResponseMessage>(exception is OperationCanceledException && timeout.TimedOut
                ? new TimeoutRejectedException(string.Create(CultureInfo.InvariantCulture, $"The attempt did not complete within {_attemptTimeout.TotalSeconds:0.###} s."), _attemptTimeout, exception)
                : exception);
        }
    }

    // The retry numbers the next attempt only once one is due (see ResiliencePipelineFactory).
    private static bool IsFirstAttempt(ResilienceContext context) =>
        !context.Properties.TryGetValue(ResiliencePipelineFactory.NextAttemptKey, out _);

    // Everything after a failed attempt (the classifier, which may read the error body, the wait, the next attempts) is
    // bounded by the total timeout, and the retry asks what the request was; a success needs neither.
    private static void Failed(ResilienceContext context, HttpRequestMessage request, TimeoutScope total)
    {
        context.Properties.Set(ResiliencePipelineFactory.RequestKey, request);
        total.Arm();
    }
}
