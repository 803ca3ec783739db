using UserGroupClient.Diagnostics;
using UserGroupClient.Http;

namespace UserGroupClient.Resilience;

/// <summary>
/// The attempts of a client whose resilience is a handler of the application's (<c>UseResilienceHandler</c>): that
/// handler takes the place of the SDK's, under the call handler and outside authentication, and the SDK's Polly
/// pipeline does not run. Each time the application's handler sends the request on is one attempt, which the inner
/// part of this handler numbers, copies (every attempt after the first, as the SDK's own resilience does), records
/// (span, measurement, Debug log), and sends on through authentication, so each attempt is signed and dated afresh; a
/// success body is read within the attempt (<see cref="SuccessBody"/>), so that the application's retry sees a body
/// cut off in transit as the failed attempt it is.
/// A resent DELETE that finds nothing has done its work (<see cref="ResentDelete"/>). The application's pipeline reads
/// the dialect's errors through <see cref="UserGroupResiliencePredicates"/>, and its refusals reach the caller as the
/// SDK's exceptions (<see cref="PollyRejections"/>).
/// </summary>
internal sealed class HostedResilienceHandler : ValueTaskDelegatingHandler
{
    private readonly HttpMessageInvoker _resilience;
    private readonly ApiErrorMapper _errors;

    /// <exception cref="InvalidOperationException"><paramref name="resilience"/> already has an inner handler.</exception>
    public HostedResilienceHandler(DelegatingHandler resilience, string clientName, AttemptTelemetry telemetry, ApiErrorMapper errors, SuccessBody body)
    {
        if (resilience.InnerHandler is not null)
        {
            throw new InvalidOperationException(
                $"The resilience handler of the user-group client '{clientName}' ({resilience.GetType().Name}) already has an inner handler; return a new handler without one: the SDK puts the client's attempts under it.");
        }

        resilience.InnerHandler = new Attempts(this, clientName, telemetry, errors, body);
        _resilience = new HttpMessageInvoker(resilience);
        _errors = errors;
    }

    public override async ValueTask<HttpResponseMessage> SendValueAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        UserGroupResiliencePredicates.Mark(request, _errors);
        try
        {
            return await _resilience.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (PollyRejections.Translate(exception, request, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _resilience.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Sends each attempt the application's handler makes on through the host's inner handler (authentication).</summary>
    private sealed class Attempts(HostedResilienceHandler host, string clientName, AttemptTelemetry telemetry, ApiErrorMapper errors, SuccessBody body) : HttpMessageHandler
    {
        // How many attempts of the request were sent; the application's handler sends the same message each time.
        // Stryker disable once String : the key is only ever read through this same field; its text collides with no other option
        private static readonly HttpRequestOptionsKey<int> SentKey = new("UserGroupClient.AttemptsSent");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var number = request.Options.TryGetValue(SentKey, out var sent) ? sent + 1 : 1;
            request.Options.Set(SentKey, number);
            var message = number == 1 ? request : HttpRequestCloner.Clone(request);
            if (number > 1)
            {
                UserGroupClientTelemetry.RecordRetry(clientName, number - 1);
            }

            ContentDecoding.Accept(message);
            var attempt = telemetry.Start(message, number);
            HttpResponseMessage response;
            try
            {
                response = await host.SendInnerAsync(message, cancellationToken).ConfigureAwait(false);
                ContentDecoding.Decode(response);
                await body.ReadInAttemptAsync(message, response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                telemetry.Failed(attempt, exception);
                throw;
            }

            telemetry.Completed(attempt, response);
            return number == 1 ? response : await ResentDelete.AnswerAsync(request, response, errors, cancellationToken).ConfigureAwait(false);
        }
    }
}
