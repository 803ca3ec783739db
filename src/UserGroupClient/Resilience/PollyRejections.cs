using System.Globalization;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace UserGroupClient.Resilience;

/// <summary>
/// What a resilience pipeline's refusals become, whichever pipeline ran (the SDK's own or one of the application's):
/// a timeout a <see cref="TimeoutException"/>, an open circuit or any other refusal to send an
/// <see cref="HttpRequestException"/>, which the call handler reports as the dialect's
/// <see cref="UserGroupApiException"/>. Callers see the SDK's exceptions, not Polly's.
/// </summary>
internal static class PollyRejections
{
    /// <summary>
    /// The SDK's exception for <paramref name="exception"/>, or <see langword="null"/> when it is no refusal of a
    /// pipeline and goes on as it is. A timeout once the caller has cancelled is the caller's cancellation.
    /// </summary>
    public static Exception? Translate(Exception exception, HttpRequestMessage request, CancellationToken cancellationToken) => exception switch
    {
        TimeoutRejectedException timeout when cancellationToken.IsCancellationRequested => new OperationCanceledException("The call was cancelled.", timeout, cancellationToken),
        TimeoutRejectedException timeout => TimedOut(request, timeout.Timeout, timeout),
        BrokenCircuitException broken => new HttpRequestException($"The circuit to {request.RequestUri?.GetLeftPart(UriPartial.Authority)} is open after repeated failures; calls fail fast until it closes.", broken),
        ExecutionRejectedException rejected => new HttpRequestException($"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} was not sent: the resilience pipeline refused it ({rejected.Message}).", rejected),
        _ => null,
    };

    /// <summary>The exception of a request that ran out of <paramref name="timeout"/>.</summary>
    public static TimeoutException TimedOut(HttpRequestMessage request, TimeSpan timeout, Exception inner) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not complete within {timeout.TotalSeconds:0.###} s."), inner);
}
