using System.Globalization;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
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
            var attempts = 0;
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                async (ctx, state) =>
                {
                    var attempt = attempts++ == 0 ? state : HttpRequestCloner.Clone(state);
                    try
                    {
                        return Outcome.FromResult(await base.SendAsync(attempt, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                request).ConfigureAwait(false);

            switch (outcome.Exception)
            {
                case TimeoutRejectedException timeout when !cancellationToken.IsCancellationRequested:
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not complete within {timeout.Timeout.TotalSeconds:0.###} s."), timeout);
                case BrokenCircuitException broken:
                    throw new HttpRequestException($"The circuit to {request.RequestUri?.GetLeftPart(UriPartial.Authority)} is open after repeated failures; calls fail fast until it closes.", broken);
                default:
                    outcome.ThrowIfException();
                    return attempts > 1 && IsAlreadyDeleted(request, outcome.Result!) ? Deleted(request, outcome.Result!) : outcome.Result!;
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
}
