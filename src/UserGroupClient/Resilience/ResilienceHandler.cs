using System.Globalization;
using System.Runtime.CompilerServices;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using UserGroupClient.Diagnostics;
using UserGroupClient.Http;

namespace UserGroupClient.Resilience;

/// <summary>
/// Runs each request through the client's resilience pipeline. Every attempt after the first sends a copy of the
/// request, so the authentication handler inside signs and dates it afresh. A pipeline timeout surfaces as
/// <see cref="TimeoutException"/>, the caller's cancellation as <see cref="OperationCanceledException"/>, an open
/// circuit as <see cref="HttpRequestException"/>.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) => _pipeline = pipeline;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
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
                case TimeoutRejectedException timeout when !cancellationToken.IsCancellationRequested:
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not complete within {timeout.Timeout.TotalSeconds:0.###} s."), timeout);
                case BrokenCircuitException broken:
                    throw new HttpRequestException($"The circuit to {request.RequestUri?.GetLeftPart(UriPartial.Authority)} is open after repeated failures; calls fail fast until it closes.", broken);
                default:
                    outcome.ThrowIfException();
                    var resent = context.Properties.TryGetValue(ResiliencePipelineFactory.NextAttemptKey, out _);
                    return resent && IsAlreadyDeleted(request, outcome.Result!) ? Deleted(request, outcome.Result!) : outcome.Result!;
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // A DELETE is resent only after an attempt failed in transit, which may have deleted the resource already: a 404
    // on the resend is then the effect of the caller's own delete, not a missing resource.
    private static bool IsAlreadyDeleted(HttpRequestMessage request, HttpResponseMessage response) =>
        request.Method == HttpMethod.Delete && response.StatusCode == System.Net.HttpStatusCode.NotFound;

    private static HttpResponseMessage Deleted(HttpRequestMessage request, HttpResponseMessage notFound)
    {
        notFound.Dispose();
        return new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request };
    }

    // The retry strategy numbers the next attempt in the context (see ResiliencePipelineFactory); the first attempt
    // sends the caller's message, every later one a copy that carries its number for the telemetry handler.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(ResilienceContext context, HttpRequestMessage request)
    {
        var attempt = request;
        if (context.Properties.TryGetValue(ResiliencePipelineFactory.NextAttemptKey, out var number))
        {
            attempt = HttpRequestCloner.Clone(request);
            AttemptTelemetryHandler.SetAttempt(attempt, number);
        }

        try
        {
            return Outcome.FromResult(await base.SendAsync(attempt, context.CancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }
}
